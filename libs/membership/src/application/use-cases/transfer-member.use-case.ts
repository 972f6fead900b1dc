import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { MembershipErrorCode, Transfer, type TransferSnapshot } from '../../domain';
import { requireRegisterScope, selfActor, type RegisterScope } from '../access-scope';
import { branchNotFound, memberNotFound, transferNotFound } from '../membership-application.errors';
import { MembershipAudit } from '../membership-audit';
import { momentOf } from '../moment';
import { BranchRepository } from '../ports/branch.repository';
import { MemberRepository } from '../ports/member.repository';
import { TransferRepository, type IncomingTransfer } from '../ports/transfer.repository';
import { RestrictionGate } from '../restriction-gate';
import { MembershipTransactions } from '../ports/membership-transactions.port';

/**
 * Transfers: the member asks, the receiving branch's secretary accepts or declines. Under S13 a
 * complainant or witness confirmed by the Control Commission (the restrictions port's
 * `hasProtectedTransferRight`) moves at once, without reasons.
 * Every move is restriction-checked. The kind of a transfer is shown to the member only and is
 * never written to the audit log or shown to secretaries.
 */
@Injectable()
export class TransferMemberUseCase {
  constructor(
    private readonly ds: MembershipTransactions,
    private readonly members: MemberRepository,
    private readonly branches: BranchRepository,
    private readonly transfers: TransferRepository,
    private readonly gate: RestrictionGate,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
  ) {}

  async request(p: Principal, input: { toBranchId: string; reason?: string | null }): Promise<TransferSnapshot> {
    const actor = selfActor(p);
    return this.ds.transaction(async (m) => {
      const loaded = await this.members.load(m, actor.actorId);
      if (!loaded) throw memberNotFound();
      const toBranch = await this.branches.load(m, input.toBranchId);
      if (!toBranch) throw branchNotFound();
      if (await this.transfers.pendingFor(m, actor.actorId)) {
        throw new DomainError('conflict', MembershipErrorCode.transferNotPending, 'You already have a transfer request waiting for a decision; withdraw it first to ask for another branch.');
      }
      const { transfer } = Transfer.request({ id: randomUUID(), member: loaded.member, toBranch, actor, moment: momentOf(this.clock), reason: input.reason });
      await this.transfers.insert(m, transfer);
      await this.audit.record(m, { actorId: actor.actorId, action: 'transfer.requested', subjectType: 'transfer', subjectId: transfer.id, data: { memberId: actor.actorId, toBranchId: toBranch.id } });
      return transfer.toSnapshot();
    });
  }

  /** S13: no reason is asked or stored; granted at once when the Control Commission has confirmed the member's entitlement. */
  async moveProtected(p: Principal, input: { toBranchId: string }): Promise<TransferSnapshot> {
    const actor = selfActor(p);
    return this.ds.transaction(async (m) => {
      const confirmed = await this.gate.mayTransferProtected(m, actor.actorId);
      const loaded = await this.members.load(m, actor.actorId);
      if (!loaded) throw memberNotFound();
      const toBranch = await this.branches.load(m, input.toBranchId);
      if (!toBranch) throw branchNotFound();
      const moment = momentOf(this.clock);
      const pending = await this.transfers.pendingFor(m, actor.actorId);
      const restrictions = await this.gate.checkFor(m, [actor.actorId], toBranch.id, moment.on);
      const decision = Transfer.grantProtected({ id: randomUUID(), member: loaded.member, toBranch, actor, moment, confirmedByControlCommission: confirmed, restrictions });
      if (pending) {
        const { transfer } = pending.withdraw({ actor, moment });
        await this.transfers.save(m, transfer);
      }
      await this.members.save(m, loaded, decision.member);
      await this.transfers.insert(m, decision.transfer);
      // The same entry as any accepted transfer: the audit log never reveals that it was protected.
      await this.audit.record(m, { actorId: actor.actorId, action: 'transfer.accepted', subjectType: 'transfer', subjectId: decision.transfer.id, data: { memberId: actor.actorId, toBranchId: toBranch.id, effectiveOn: moment.on } });
      return decision.transfer.toSnapshot();
    });
  }

  async accept(p: Principal, transferId: string): Promise<{ id: string; status: string; effectiveOn: string | null }> {
    const scope = requireRegisterScope(p);
    return this.ds.transaction(async (m) => {
      const transfer = await this.transfers.load(m, transferId);
      if (!transfer || !inScope(scope, transfer.toBranchId)) throw transferNotFound();
      const snapshot = transfer.toSnapshot();
      const loaded = await this.members.load(m, snapshot.memberId);
      if (!loaded) throw transferNotFound();
      const toBranch = await this.branches.load(m, transfer.toBranchId);
      if (!toBranch) throw branchNotFound();
      const moment = momentOf(this.clock);
      const restrictions = await this.gate.checkFor(m, [snapshot.memberId], toBranch.id, moment.on);
      const decision = transfer.accept({ member: loaded.member, toBranch, actor: this.actor(p, scope, transfer.toBranchId), moment, restrictions });
      await this.members.save(m, loaded, decision.member);
      await this.transfers.save(m, decision.transfer);
      await this.audit.record(m, { actorId: p.memberId, action: 'transfer.accepted', subjectType: 'transfer', subjectId: transferId, data: { memberId: snapshot.memberId, toBranchId: toBranch.id, effectiveOn: moment.on } });
      return { id: transferId, status: decision.transfer.status, effectiveOn: decision.transfer.toSnapshot().effectiveOn };
    });
  }

  async decline(p: Principal, transferId: string, reason: string): Promise<{ id: string; status: string }> {
    const scope = requireRegisterScope(p);
    return this.ds.transaction(async (m) => {
      const transfer = await this.transfers.load(m, transferId);
      if (!transfer || !inScope(scope, transfer.toBranchId)) throw transferNotFound();
      const { transfer: declined } = transfer.decline({ actor: this.actor(p, scope, transfer.toBranchId), moment: momentOf(this.clock), reason });
      await this.transfers.save(m, declined);
      await this.audit.record(m, { actorId: p.memberId, action: 'transfer.declined', subjectType: 'transfer', subjectId: transferId, data: { toBranchId: transfer.toBranchId } });
      return { id: transferId, status: declined.status };
    });
  }

  async withdraw(p: Principal, transferId: string): Promise<{ id: string; status: string }> {
    const actor = selfActor(p);
    return this.ds.transaction(async (m) => {
      const transfer = await this.transfers.load(m, transferId);
      if (!transfer || transfer.toSnapshot().memberId !== actor.actorId) throw transferNotFound();
      const { transfer: withdrawn } = transfer.withdraw({ actor, moment: momentOf(this.clock) });
      await this.transfers.save(m, withdrawn);
      await this.audit.record(m, { actorId: actor.actorId, action: 'transfer.withdrawn', subjectType: 'transfer', subjectId: transferId });
      return { id: transferId, status: withdrawn.status };
    });
  }

  mine(p: Principal): Promise<TransferSnapshot[]> {
    return this.transfers.ofMember(this.ds.manager, selfActor(p).actorId);
  }

  incoming(p: Principal): Promise<IncomingTransfer[]> {
    const scope = requireRegisterScope(p);
    return this.transfers.incoming(this.ds.manager, scope.kind === 'all' ? null : scope.branchIds);
  }

  private actor(p: Principal, scope: RegisterScope, branchId: string) {
    const actorId = p.memberId ?? p.accountId;
    return scope.kind === 'all' ? ({ kind: 'membership-secretary', actorId } as const) : ({ kind: 'secretary', actorId, branchId } as const);
  }
}

const inScope = (scope: RegisterScope, branchId: string) => scope.kind === 'all' || scope.branchIds.includes(branchId);
