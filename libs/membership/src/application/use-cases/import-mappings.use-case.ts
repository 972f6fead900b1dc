import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type { Principal } from '@org/identity';
import { Clock, NamedMappingStore, type SavedMapping } from '@org/platform';
import { BUILT_IN_MEMBER_MAPPINGS, checkMemberImportMapping, MembershipErrorCode, type MemberImportMapping } from '../../domain';
import { requireRegisterScope } from '../access-scope';
import { MembershipAudit } from '../membership-audit';
import { MembershipTransactions } from '../ports/membership-transactions.port';

export type SavedImportMapping = SavedMapping<MemberImportMapping>;

/**
 * Column mappings for the member import, saved by name for the organization (anyone who may
 * import may save one; each save is audited) in the platform's named-mapping store. Built-in ones
 * (`civicrm`, `action-network`, `spreadsheet`) are always there; a saved mapping of the same name
 * replaces the built-in one.
 */
@Injectable()
export class ImportMappingsUseCase {
  private readonly store = new NamedMappingStore<MemberImportMapping>({
    table: 'membership.import_mappings',
    builtIns: BUILT_IN_MEMBER_MAPPINGS,
    check: checkMemberImportMapping,
    noun: 'mapping',
    exampleName: 'civicrm-2024',
    listRoute: '/imports/mappings',
    saveRoute: '/imports/mappings/{name}',
    codes: { invalid: MembershipErrorCode.csvMappingInvalid, notFound: MembershipErrorCode.importMappingNotFound },
  });

  constructor(
    private readonly ds: MembershipTransactions,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
  ) {}

  async save(p: Principal, name: string, definition: unknown): Promise<SavedImportMapping> {
    requireRegisterScope(p);
    this.store.checked(name, definition);
    return this.ds.transaction(async (m) => {
      const saved = await this.store.save(m, name, definition, p.memberId, this.clock.now());
      await this.audit.record(m, { actorId: p.memberId, action: 'import-mapping.saved', subjectType: 'import-mapping', subjectId: name, data: { version: saved.version } });
      return saved;
    });
  }

  list(p: Principal): Promise<SavedImportMapping[]> {
    requireRegisterScope(p);
    return this.store.list(this.ds.manager);
  }

  get(p: Principal, name: string): Promise<SavedImportMapping> {
    requireRegisterScope(p);
    return this.store.resolve(this.ds.manager, name);
  }

  /** The mapping an import uses: the saved one of that name, else the built-in one. */
  resolve(m: Tx, name: string): Promise<SavedImportMapping> {
    return this.store.resolve(m, name);
  }
}
