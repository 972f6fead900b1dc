import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { isNationalMembershipSecretary } from '../access-scope';
import { MembershipApplicationErrorCode, branchNotFound } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { BranchRepository } from '../ports/branch.repository';
import { MemberRegisterQuery } from '../ports/member-register.query';
import { RestrictionGate } from '../restriction-gate';
import { MembershipTransactions } from '../ports/membership-transactions.port';

/**
 * A branch meeting with a host (S5): a host under a `no_hosting` restriction is refused with
 * "blocked by a confidential restriction" — never why, and only once the host is known to be an
 * active member of this branch (a member of another branch gets `host_not_in_branch` whether
 * restricted or not). Scheduled by the branch's chair or secretary.
 */
@Injectable()
export class ScheduleMeetingUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly branches: BranchRepository,
    private readonly register: MemberRegisterQuery,
    private readonly gate: RestrictionGate,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
  ) {}

  async execute(p: Principal, branchId: string, input: { hostMemberId: string; title: string; startsAt: string }): Promise<{ id: string }> {
    if (!p.isOfficerOf(branchId, ['chair', 'secretary']) && !isNationalMembershipSecretary(p)) throw branchNotFound();
    return this.ds.transaction(async (m) => {
      const branch = await this.branches.load(m, branchId);
      if (!branch) throw branchNotFound();
      branch.assertAcceptsMembers();
      if (!(await this.register.activeMemberOfBranch(m, input.hostMemberId, branchId))) {
        throw new DomainError('conflict', MembershipApplicationErrorCode.hostNotInBranch, 'hostMemberId: the host must be an active member of this branch.', { field: 'hostMemberId' });
      }
      // Scope first, restriction last: only someone already entitled to put this member forward
      // as host (their branch's officers) ever hears that a restriction applies.
      await this.gate.assertMayHost(m, input.hostMemberId);
      const id = randomUUID();
      await m.query(`INSERT INTO membership.meetings (id, branch_id, host_member_id, title, starts_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        id,
        branchId,
        input.hostMemberId,
        input.title.trim(),
        input.startsAt,
        p.memberId,
        this.clock.now(),
      ]);
      await this.audit.record(m, { actorId: p.memberId, action: 'meeting.scheduled', subjectType: 'meeting', subjectId: id, data: { branchId, hostMemberId: input.hostMemberId, startsAt: input.startsAt } });
      return { id };
    });
  }
}
