import { DomainError, IsoDate, isIsoDate } from '@org/kernel';
import { Member, MemberEvent } from './member.entity';
import { MembershipErrorCode, invalidDate } from './membership.errors';
import { RestrictionCheck, assertAssignmentAllowed } from './restriction-check.port';

export type BranchStatus = 'active' | 'merged' | 'closed';

export interface BranchSnapshot {
  id: string;
  /** Short code used in CSV files and bank references, upper case: `LDN-N`. */
  code: string;
  name: string;
  status: BranchStatus;
  createdOn: IsoDate;
  mergedIntoBranchId: string | null;
  /** The first day the branch no longer exists (merge or closure). */
  endedOn: IsoDate | null;
}

export type BranchEvent =
  | { type: 'branch.created'; branchId: string; code: string; on: IsoDate }
  | { type: 'branch.merged'; branchId: string; intoBranchId: string; on: IsoDate; movedMembers: number }
  | { type: 'branch.closed'; branchId: string; on: IsoDate };

const CODE_RE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

export function normalizeBranchCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * A local unit. Created, merged and closed by the body the statutes empower (EC by default):
 * the application layer checks that mandate. A merged or closed branch stays on record forever
 * (branch histories point to it) but accepts nobody.
 */
export class Branch {
  private constructor(private readonly s: Readonly<BranchSnapshot>) {}

  static create(input: { id: string; code: string; name: string; createdOn: IsoDate }): { branch: Branch; events: BranchEvent[] } {
    const branch = Branch.fromSnapshot({ ...input, code: normalizeBranchCode(input.code ?? ''), status: 'active', mergedIntoBranchId: null, endedOn: null });
    return { branch, events: [{ type: 'branch.created', branchId: branch.id, code: branch.code, on: branch.s.createdOn }] };
  }

  static fromSnapshot(s: BranchSnapshot): Branch {
    const errors: Array<{ field: string; message: string }> = [];
    if (!s.id) errors.push({ field: 'id', message: 'is required' });
    if (!CODE_RE.test(s.code ?? '')) errors.push({ field: 'code', message: 'use 1 to 32 letters, digits, - or _, starting with a letter or digit' });
    const name = (s.name ?? '').trim();
    if (name === '' || name.length > 120) errors.push({ field: 'name', message: 'is required, at most 120 characters' });
    if (!isIsoDate(s.createdOn)) errors.push({ field: 'createdOn', message: 'must be a date written YYYY-MM-DD' });
    if (errors.length > 0) {
      throw new DomainError('invalid', MembershipErrorCode.invalidBranch, `The branch is not valid — ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
    }
    return new Branch({ ...s, name });
  }

  get id(): string {
    return this.s.id;
  }
  get code(): string {
    return this.s.code;
  }
  get name(): string {
    return this.s.name;
  }
  get status(): BranchStatus {
    return this.s.status;
  }

  rename(name: string): Branch {
    this.requireActive();
    return Branch.fromSnapshot({ ...this.s, name });
  }

  /** Closing requires that nobody is in the branch any more (`openMemberCount` from the register). */
  close(input: { on: IsoDate; openMemberCount: number }): { branch: Branch; events: BranchEvent[] } {
    if (!isIsoDate(input.on)) throw invalidDate('on', input.on);
    this.requireActive();
    this.requireNotBefore(input.on);
    if (input.openMemberCount !== 0) {
      throw new DomainError(
        'conflict',
        MembershipErrorCode.branchHasMembers,
        `Branch ${this.s.code} still has ${input.openMemberCount} member(s). Transfer them, or merge the branch into another, before closing it.`,
        { openMemberCount: input.openMemberCount },
      );
    }
    const branch = new Branch({ ...this.s, status: 'closed', endedOn: input.on });
    return { branch, events: [{ type: 'branch.closed', branchId: this.s.id, on: input.on }] };
  }

  private requireActive(): void {
    if (this.s.status !== 'active') {
      throw new DomainError('conflict', MembershipErrorCode.branchNotActive, `Branch ${this.s.code} is ${this.s.status}; it can no longer change or receive members.`, {
        status: this.s.status,
      });
    }
  }

  private requireNotBefore(on: IsoDate): void {
    if (on < this.s.createdOn) {
      throw new DomainError('invalid', MembershipErrorCode.invalidDate, `Branch ${this.s.code} was created on ${this.s.createdOn}; use a date on or after that.`, { field: 'on' });
    }
  }

  /** Marks the branch merged. Use `mergeBranches`, which also moves its members. */
  markMergedInto(target: Branch, on: IsoDate): Branch {
    if (!isIsoDate(on)) throw invalidDate('on', on);
    this.requireActive();
    this.requireNotBefore(on);
    if (target.id === this.id) {
      throw new DomainError('invalid', MembershipErrorCode.mergeIntoSelf, 'A branch cannot be merged into itself; choose another branch.');
    }
    target.requireActive();
    return new Branch({ ...this.s, status: 'merged', mergedIntoBranchId: target.id, endedOn: on });
  }

  /** Whether a member may be assigned to this branch now. */
  assertAcceptsMembers(): void {
    this.requireActive();
  }

  toSnapshot(): BranchSnapshot {
    return { ...this.s };
  }
}

/**
 * Merges `source` into `target` on `on`: every member in `source` (the caller passes all of them)
 * moves to `target` with a gap-free branch-history transfer. The move is checked against the
 * restrictions port for all moved members at once; if any separation would break, nothing moves.
 */
export function mergeBranches(input: {
  source: Branch;
  target: Branch;
  members: readonly Member[];
  on: IsoDate;
  restrictions: RestrictionCheck;
}): { source: Branch; members: Member[]; events: Array<BranchEvent | MemberEvent> } {
  const source = input.source.markMergedInto(input.target, input.on);
  for (const m of input.members) {
    if (m.currentBranchId !== input.source.id) {
      throw new DomainError('conflict', MembershipErrorCode.invalidBranch, `Member ${m.id} is not in branch ${input.source.code}, so the merge cannot move them.`);
    }
  }
  const ids = input.members.map((m) => m.id);
  if (ids.length > 0) assertAssignmentAllowed(input.restrictions, ids, input.target.id, input.on);
  const alreadyChecked: RestrictionCheck = () => ({ blocked: false });
  const events: Array<BranchEvent | MemberEvent> = [];
  const members = input.members.map((m) => {
    const moved = m.transferTo({ toBranchId: input.target.id, on: input.on, restrictions: alreadyChecked });
    events.push(...moved.events);
    return moved.member;
  });
  events.unshift({ type: 'branch.merged', branchId: input.source.id, intoBranchId: input.target.id, on: input.on, movedMembers: members.length });
  return { source, members, events };
}
