import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { memberCsvLines } from '../../domain';
import { requireRegisterScope } from '../access-scope';
import { MemberRegisterQuery } from '../ports/member-register.query';
import { MembershipTransactions } from '../ports/membership-transactions.port';

/** The member CSV export (same columns as the import) of the caller's branches, streamed. */
@Injectable()
export class ExportMembersUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly register: MemberRegisterQuery,
  ) {}

  async *execute(p: Principal): AsyncGenerator<string> {
    const scope = requireRegisterScope(p);
    let header = true;
    for await (const page of this.register.exportRows(this.ds.manager, scope.kind === 'all' ? null : scope.branchIds)) {
      let first = true;
      for (const line of memberCsvLines(page)) {
        if (first) {
          first = false;
          if (!header) continue;
          header = false;
        }
        yield line;
      }
    }
    if (header) yield* memberCsvLines([]);
  }
}
