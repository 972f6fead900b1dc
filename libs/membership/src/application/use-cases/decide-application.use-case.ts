import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { Clock } from '@org/platform';
import { assertInScope, officerActor, requireRegisterScope } from '../access-scope';
import { memberNotFound } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { momentOf } from '../moment';
import { BranchRepository } from '../ports/branch.repository';
import { MemberAccounts } from '../ports/member-accounts.port';
import { MemberRegisterQuery } from '../ports/member-register.query';
import { MemberRepository } from '../ports/member.repository';
import { RestrictionGate } from '../restriction-gate';
import { MembershipTransactions } from '../ports/membership-transactions.port';

/**
 * The secretary of the branch applied to admits (the applicant joins the branch today,
 * restriction-checked; an account is opened and the member invited and welcomed in the same
 * transaction) or declines with a reason. Secretaries of other branches get "not found".
 */
@Injectable()
export class DecideApplicationUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly members: MemberRepository,
    private readonly branches: BranchRepository,
    private readonly register: MemberRegisterQuery,
    private readonly gate: RestrictionGate,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
    private readonly accounts: MemberAccounts,
  ) {}

  async admit(p: Principal, memberId: string, reason?: string | null): Promise<{ memberId: string; status: string; branchId: string | null }> {
    const scope = requireRegisterScope(p);
    return this.ds.transaction(async (m) => {
      const loc = assertInScope(scope, await this.register.locate(m, memberId));
      const loaded = await this.members.load(m, memberId);
      if (!loaded) throw memberNotFound();
      const actor = officerActor(p, scope, loc.applicationBranchId ?? loc.branchId);
      const moment = momentOf(this.clock);
      const branchId = loaded.member.applicationBranchId;
      if (branchId) (await this.branches.load(m, branchId))?.assertAcceptsMembers();
      const restrictions = branchId ? await this.gate.checkFor(m, [memberId], branchId, moment.on) : () => ({ blocked: false });
      const { member } = loaded.member.admit({ actor, moment, restrictions, reason });
      await this.members.save(m, loaded, member);
      await this.audit.record(m, { actorId: p.memberId, action: 'member.admitted', subjectType: 'member', subjectId: memberId, data: { branchId, on: moment.on } });
      // The account (no password), its invitation and the welcome (S14), in this transaction.
      await this.accounts.membersJoined(m, [{ memberId, email: member.profile.email ?? null, firstName: member.profile.firstName ?? '' }], { kind: 'admission' });
      return { memberId, status: member.status, branchId: member.currentBranchId };
    });
  }

  async decline(p: Principal, memberId: string, reason: string): Promise<{ memberId: string; status: string }> {
    const scope = requireRegisterScope(p);
    return this.ds.transaction(async (m) => {
      const loc = assertInScope(scope, await this.register.locate(m, memberId));
      const loaded = await this.members.load(m, memberId);
      if (!loaded) throw memberNotFound();
      const actor = officerActor(p, scope, loc.applicationBranchId ?? loc.branchId);
      const moment = momentOf(this.clock);
      const { member } = loaded.member.decline({ actor, moment, reason });
      await this.members.save(m, loaded, member);
      await this.audit.record(m, { actorId: p.memberId, action: 'member.declined', subjectType: 'member', subjectId: memberId, data: { branchId: loc.applicationBranchId, on: moment.on } });
      return { memberId, status: member.status };
    });
  }
}
