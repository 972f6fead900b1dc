import { DomainError, IsoDate, IsoInstant } from '@org/kernel';
import { Branch } from './branch.entity';
import { Member, MemberEvent } from './member.entity';
import { MembershipActor } from './member-status.value-object';
import { MembershipErrorCode } from './membership.errors';
import { Moment, checkMoment } from './moment';
import { RestrictionCheck } from './restriction-check.port';

export type TransferStatus = 'requested' | 'accepted' | 'declined' | 'withdrawn';

/**
 * `ordinary`: the member asks, the receiving branch's secretary accepts or declines.
 * `protected` (S13): a complainant or witness moving away from someone; no reason is asked or
 * stored and it is granted at once. **The kind is confidential** — show it only to the member
 * (and the Control Commission); events never carry it.
 */
export type TransferKind = 'ordinary' | 'protected';

export interface TransferSnapshot {
  id: string;
  memberId: string;
  fromBranchId: string;
  toBranchId: string;
  kind: TransferKind;
  status: TransferStatus;
  /** The member's optional note with an ordinary request; always null for a protected transfer. */
  reason: string | null;
  requestedOn: IsoDate;
  requestedAt: IsoInstant;
  /** Actor id of whoever decided, or `system` for a protected transfer. */
  decidedBy: string | null;
  decidedAt: IsoInstant | null;
  /** First day in the new branch. */
  effectiveOn: IsoDate | null;
  declineReason: string | null;
}

export type TransferEvent =
  | { type: 'transfer.requested'; transferId: string; memberId: string; fromBranchId: string; toBranchId: string }
  | { type: 'transfer.accepted'; transferId: string; memberId: string; fromBranchId: string; toBranchId: string; effectiveOn: IsoDate }
  | { type: 'transfer.declined'; transferId: string; memberId: string; toBranchId: string }
  | { type: 'transfer.withdrawn'; transferId: string; memberId: string; toBranchId: string };

export interface TransferDecision {
  transfer: Transfer;
  member: Member;
  events: Array<TransferEvent | MemberEvent>;
}

function clean(text: string | null | undefined, max: number, field: string): string | null {
  if (text === null || text === undefined) return null;
  const t = String(text).trim();
  if (t.length > max) throw new DomainError('invalid', MembershipErrorCode.reasonRequired, `${field} must be at most ${max} characters.`, { field });
  return t === '' ? null : t;
}

/** A request to move a member from their branch to another, and its outcome. */
export class Transfer {
  private constructor(private readonly s: Readonly<TransferSnapshot>) {}

  static fromSnapshot(s: TransferSnapshot): Transfer {
    if (s.kind === 'protected' && s.reason !== null) {
      throw new DomainError('invalid', MembershipErrorCode.protectedTransferTakesNoReason, 'A protected transfer never stores a reason.');
    }
    return new Transfer({ ...s });
  }

  /** The member asks to move to `toBranchId`; the receiving branch's secretary decides. */
  static request(input: { id: string; member: Member; toBranch: Branch; actor: MembershipActor; moment: Moment; reason?: string | null }): { transfer: Transfer; events: TransferEvent[] } {
    checkMoment(input.moment);
    input.toBranch.assertAcceptsMembers();
    const toBranchId = input.toBranch.id;
    if (input.actor.kind !== 'member' || input.actor.actorId !== input.member.id) {
      throw new DomainError('forbidden', MembershipErrorCode.actorNotAllowed, 'Only the member can ask for their own transfer.');
    }
    const fromBranchId = requireInBranch(input.member);
    if (fromBranchId === toBranchId) {
      throw new DomainError('invalid', MembershipErrorCode.sameBranchTransfer, 'You are already in that branch; choose a different one.', { field: 'toBranchId' });
    }
    const transfer = new Transfer({
      id: input.id,
      memberId: input.member.id,
      fromBranchId,
      toBranchId,
      kind: 'ordinary',
      status: 'requested',
      reason: clean(input.reason, 2000, 'reason'),
      requestedOn: input.moment.on,
      requestedAt: input.moment.at,
      decidedBy: null,
      decidedAt: null,
      effectiveOn: null,
      declineReason: null,
    });
    return { transfer, events: [{ type: 'transfer.requested', transferId: input.id, memberId: input.member.id, fromBranchId, toBranchId }] };
  }

  /**
   * S13: a complainant or witness moves away without giving reasons and without anyone's
   * approval. `confirmedByControlCommission` is the disciplinary context's confirmation that the
   * member is entitled to it; the input has no reason field, and one passed anyway is refused.
   * The restriction check still applies to the destination.
   */
  static grantProtected(input: {
    id: string;
    member: Member;
    toBranch: Branch;
    actor: MembershipActor;
    moment: Moment;
    confirmedByControlCommission: boolean;
    restrictions: RestrictionCheck;
  }): TransferDecision {
    checkMoment(input.moment);
    if ('reason' in input && (input as { reason?: unknown }).reason !== undefined) {
      throw new DomainError('invalid', MembershipErrorCode.protectedTransferTakesNoReason, 'A protected transfer needs no reason, and none is stored. Leave the reason out.', {
        field: 'reason',
      });
    }
    if (input.actor.kind !== 'member' || input.actor.actorId !== input.member.id) {
      throw new DomainError('forbidden', MembershipErrorCode.actorNotAllowed, 'Only the member can ask for their own transfer.');
    }
    if (input.confirmedByControlCommission !== true) {
      throw new DomainError(
        'forbidden',
        MembershipErrorCode.protectedTransferNotConfirmed,
        'A transfer without approval is available once the Control Commission has confirmed it for you. Ask for an ordinary transfer, or contact the Control Commission.',
      );
    }
    input.toBranch.assertAcceptsMembers();
    const toBranchId = input.toBranch.id;
    const fromBranchId = requireInBranch(input.member);
    if (fromBranchId === toBranchId) {
      throw new DomainError('invalid', MembershipErrorCode.sameBranchTransfer, 'You are already in that branch; choose a different one.', { field: 'toBranchId' });
    }
    const moved = input.member.transferTo({ toBranchId, on: input.moment.on, restrictions: input.restrictions });
    const transfer = new Transfer({
      id: input.id,
      memberId: input.member.id,
      fromBranchId,
      toBranchId,
      kind: 'protected',
      status: 'accepted',
      reason: null,
      requestedOn: input.moment.on,
      requestedAt: input.moment.at,
      decidedBy: 'system',
      decidedAt: input.moment.at,
      effectiveOn: input.moment.on,
      declineReason: null,
    });
    return {
      transfer,
      member: moved.member,
      events: [
        { type: 'transfer.accepted', transferId: input.id, memberId: input.member.id, fromBranchId, toBranchId, effectiveOn: input.moment.on },
        ...moved.events,
      ],
    };
  }

  /** The receiving branch's secretary accepts: the member moves on `moment.on` (restriction-checked). */
  accept(input: { member: Member; toBranch: Branch; actor: MembershipActor; moment: Moment; restrictions: RestrictionCheck }): TransferDecision {
    checkMoment(input.moment);
    this.requireReceivingSecretary(input.actor);
    this.requirePending();
    if (input.toBranch.id !== this.s.toBranchId) throw new Error('Transfer.accept was given a different branch');
    input.toBranch.assertAcceptsMembers();
    if (input.member.id !== this.s.memberId) throw new Error('Transfer.accept was given a different member');
    if (input.member.currentBranchId !== this.s.fromBranchId) {
      throw new DomainError(
        'conflict',
        MembershipErrorCode.transferNotPending,
        'The member is no longer in the branch this request was made from, so it cannot be accepted. The member can make a new request.',
      );
    }
    const moved = input.member.transferTo({ toBranchId: this.s.toBranchId, on: input.moment.on, restrictions: input.restrictions });
    const transfer = new Transfer({ ...this.s, status: 'accepted', decidedBy: input.actor.kind === 'secretary' || input.actor.kind === 'membership-secretary' ? input.actor.actorId : 'system', decidedAt: input.moment.at, effectiveOn: input.moment.on });
    return {
      transfer,
      member: moved.member,
      events: [
        { type: 'transfer.accepted', transferId: this.s.id, memberId: this.s.memberId, fromBranchId: this.s.fromBranchId, toBranchId: this.s.toBranchId, effectiveOn: input.moment.on },
        ...moved.events,
      ],
    };
  }

  /** The receiving branch's secretary declines, with a reason the member will see. */
  decline(input: { actor: MembershipActor; moment: Moment; reason: string }): { transfer: Transfer; events: TransferEvent[] } {
    checkMoment(input.moment);
    this.requireReceivingSecretary(input.actor);
    this.requirePending();
    const reason = clean(input.reason, 2000, 'reason');
    if (!reason) throw new DomainError('invalid', MembershipErrorCode.reasonRequired, 'Give a reason for declining the transfer; the member will see it.', { field: 'reason' });
    const actorId = (input.actor as { actorId: string }).actorId;
    const transfer = new Transfer({ ...this.s, status: 'declined', decidedBy: actorId, decidedAt: input.moment.at, declineReason: reason });
    return { transfer, events: [{ type: 'transfer.declined', transferId: this.s.id, memberId: this.s.memberId, toBranchId: this.s.toBranchId }] };
  }

  /** The member withdraws a pending request. */
  withdraw(input: { actor: MembershipActor; moment: Moment }): { transfer: Transfer; events: TransferEvent[] } {
    checkMoment(input.moment);
    if (input.actor.kind !== 'member' || input.actor.actorId !== this.s.memberId) {
      throw new DomainError('forbidden', MembershipErrorCode.actorNotAllowed, 'Only the member can withdraw their transfer request.');
    }
    this.requirePending();
    const transfer = new Transfer({ ...this.s, status: 'withdrawn', decidedBy: input.actor.actorId, decidedAt: input.moment.at });
    return { transfer, events: [{ type: 'transfer.withdrawn', transferId: this.s.id, memberId: this.s.memberId, toBranchId: this.s.toBranchId }] };
  }

  get id(): string {
    return this.s.id;
  }
  get status(): TransferStatus {
    return this.s.status;
  }
  get kind(): TransferKind {
    return this.s.kind;
  }
  get toBranchId(): string {
    return this.s.toBranchId;
  }

  toSnapshot(): TransferSnapshot {
    return { ...this.s };
  }

  private requirePending(): void {
    if (this.s.status !== 'requested') {
      throw new DomainError('conflict', MembershipErrorCode.transferNotPending, `This transfer request is already ${this.s.status}; nothing more can be decided on it.`, {
        status: this.s.status,
      });
    }
  }

  private requireReceivingSecretary(actor: MembershipActor): void {
    if (actor.kind === 'membership-secretary') return;
    if (actor.kind !== 'secretary') {
      throw new DomainError('forbidden', MembershipErrorCode.actorNotAllowed, "Only the receiving branch's secretary can decide on a transfer request.");
    }
    if (actor.branchId !== this.s.toBranchId) throw new DomainError('not_found', MembershipErrorCode.memberNotFound, 'No such transfer request.');
  }
}

function requireInBranch(member: Member): string {
  const branchId = member.currentBranchId;
  if (!branchId || !['active', 'lapsed', 'suspended'].includes(member.status)) {
    throw new DomainError('conflict', MembershipErrorCode.noOpenBranchPeriod, 'Only a member who is in a branch can transfer.');
  }
  return branchId;
}
