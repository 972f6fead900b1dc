import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { Branch, MembershipErrorCode, isIsoDate, mergeBranches } from '../../domain';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { branchNotFound } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { BranchRepository, type BranchListItem } from '../ports/branch.repository';
import { MemberRepository } from '../ports/member.repository';
import { RestrictionGate } from '../restriction-gate';
import { MembershipTransactions } from '../ports/membership-transactions.port';

/** Branches are created, merged and closed by the body the statutes empower (EC by default). */
@Injectable()
export class ManageBranchesUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly branches: BranchRepository,
    private readonly members: MemberRepository,
    private readonly gate: RestrictionGate,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  list(): Promise<BranchListItem[]> {
    return this.branches.list(this.ds.manager);
  }

  async create(p: Principal, input: { code: string; name: string; foundedOn?: string }): Promise<{ id: string; code: string }> {
    this.requireAuthority(p);
    return this.ds.transaction(async (m) => {
      const { branch } = Branch.create({ id: randomUUID(), code: input.code, name: input.name, createdOn: input.foundedOn ?? this.clock.today() });
      if (await this.branches.codeInUse(m, branch.code)) {
        throw new DomainError('conflict', MembershipErrorCode.duplicateBranch, `code: a branch with code ${branch.code} already exists; choose another code.`, { field: 'code' });
      }
      await this.branches.insert(m, branch);
      await this.audit.record(m, { actorId: p.memberId, action: 'branch.created', subjectType: 'branch', subjectId: branch.id, data: { code: branch.code } });
      return { id: branch.id, code: branch.code };
    });
  }

  /** Every member of the source moves to the target on `on` (gap-free), all or none: one separation blocks the whole merge. */
  async merge(p: Principal, sourceId: string, input: { intoBranchId: string; on?: string }): Promise<{ movedMembers: number }> {
    this.requireAuthority(p);
    const on = this.date(input.on);
    return this.ds.transaction(async (m) => {
      const [a, b] = sourceId < input.intoBranchId ? [sourceId, input.intoBranchId] : [input.intoBranchId, sourceId];
      const first = await this.branches.load(m, a, { lock: true });
      const second = a === b ? first : await this.branches.load(m, b, { lock: true });
      const source = first?.id === sourceId ? first : second;
      const target = first?.id === input.intoBranchId ? first : second;
      if (!source || !target) throw branchNotFound();
      const ids = await this.branches.openMemberIds(m, source.id);
      const { loaded, invalid } = await this.members.loadMany(m, ids);
      if (invalid.length > 0) {
        throw new DomainError('conflict', MembershipErrorCode.invalidMemberSnapshot, `${invalid.length} member record(s) of this branch are inconsistent; correct them before merging.`, { memberIds: invalid });
      }
      const restrictions = await this.gate.checkFor(m, ids, target.id, on);
      const result = mergeBranches({ source, target, members: ids.map((id) => loaded.get(id)!.member), on, restrictions });
      await this.branches.save(m, result.source);
      for (const after of result.members) await this.members.save(m, loaded.get(after.id)!, after);
      await this.audit.record(m, { actorId: p.memberId, action: 'branch.merged', subjectType: 'branch', subjectId: source.id, data: { intoBranchId: target.id, on, movedMembers: result.members.length } });
      return { movedMembers: result.members.length };
    });
  }

  async close(p: Principal, branchId: string, input: { on?: string }): Promise<void> {
    this.requireAuthority(p);
    const on = this.date(input.on);
    await this.ds.transaction(async (m) => {
      const branch = await this.branches.load(m, branchId, { lock: true });
      if (!branch) throw branchNotFound();
      const { branch: closed } = branch.close({ on, openMemberCount: (await this.branches.openMemberIds(m, branchId)).length });
      await this.branches.save(m, closed);
      await this.audit.record(m, { actorId: p.memberId, action: 'branch.closed', subjectType: 'branch', subjectId: branchId, data: { on } });
    });
  }

  private date(on: string | undefined): string {
    const d = on ?? this.clock.today();
    if (!isIsoDate(d)) throw new DomainError('invalid', MembershipErrorCode.invalidDate, 'on must be a date written YYYY-MM-DD.', { field: 'on' });
    return d;
  }

  private requireAuthority(p: Principal): void {
    if (!this.config.branchAuthorityBodies.some((b) => p.holds(b))) {
      throw new DomainError('forbidden', 'not_allowed', `Branches are created, merged and closed by the ${this.config.branchAuthorityBodies.join(' or ')} (statutes).`);
    }
  }
}

