import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { MemberSearchCriteria, type MemberSearchCriteriaInput } from '../../domain';
import { assertInScope, isNationalMembershipSecretary, requireRegisterScope, selfActor } from '../access-scope';
import { memberNotFound } from '../membership-application.errors';
import { MemberRegisterQuery, type MemberDetail, type RegisterAggregates, type SearchPage } from '../ports/member-register.query';
import { MembershipTransactions } from '../ports/membership-transactions.port';

/** Reading the register: one member, a search, the aggregates, one's own record. No state changes. */
@Injectable()
export class ReadMemberUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly register: MemberRegisterQuery,
  ) {}

  /** A secretary's own branch, or everyone for the national membership secretary; others: not found. */
  async detail(p: Principal, memberId: string): Promise<MemberDetail> {
    const scope = requireRegisterScope(p);
    const m = this.ds.manager;
    assertInScope(scope, await this.register.locate(m, memberId));
    const detail = await this.register.detail(memberId);
    if (!detail) throw memberNotFound();
    return detail;
  }

  async own(p: Principal): Promise<MemberDetail> {
    const me = selfActor(p);
    const detail = await this.register.detail(me.actorId);
    if (!detail) throw memberNotFound();
    return detail;
  }

  async search(p: Principal, input: MemberSearchCriteriaInput): Promise<SearchPage> {
    const scope = requireRegisterScope(p);
    let criteria = MemberSearchCriteria.create(input);
    if (scope.kind === 'branches') criteria = criteria.restrictToBranches(scope.branchIds);
    return this.register.search(this.ds.manager, criteria);
  }

  /**
   * Counts by branch, status and standing. The EC and the national membership secretary see the
   * whole organization; a branch secretary sees their own branches. Nobody's personal data.
   */
  async aggregates(p: Principal): Promise<RegisterAggregates & { scope: 'organization' | 'branches' }> {
    if (p.holds('EC') || isNationalMembershipSecretary(p)) return { scope: 'organization', ...(await this.register.aggregates(this.ds.manager, null)) };
    const scope = requireRegisterScope(p);
    return { scope: 'branches', ...(await this.register.aggregates(this.ds.manager, scope.kind === 'all' ? null : scope.branchIds)) };
  }
}
