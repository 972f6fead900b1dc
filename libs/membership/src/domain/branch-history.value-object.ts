import { DomainError, IsoDate, isIsoDate, maxDate, minEnd } from '@org/kernel';
import { MembershipErrorCode, invalidDate } from './membership.errors';

/**
 * One stay of a member in one branch, **half-open `[from, to)`**: `from` is the first day in the
 * branch, `to` the first day no longer in it (`null`: still there). A transfer on day D closes the
 * old period with `to = D` and opens the new one with `from = D`, so on day D the member is in the
 * new branch and there is neither a gap nor an overlap. A period always covers at least one day
 * (`to > from`).
 */
export interface BranchPeriod {
  branchId: string;
  from: IsoDate;
  to: IsoDate | null;
}

/** A stretch of time during which two members were both in `branchId`, also half-open. */
export interface BranchOverlap {
  branchId: string;
  from: IsoDate;
  to: IsoDate | null;
}

function checkBranchId(branchId: unknown): string {
  if (typeof branchId !== 'string' || branchId.trim() === '') {
    throw new DomainError('invalid', MembershipErrorCode.invalidBranch, 'A branch period needs the id of its branch.');
  }
  return branchId;
}

function checkDate(field: string, value: unknown): IsoDate {
  if (!isIsoDate(value)) throw invalidDate(field, value);
  return value;
}

function endsBeforeStart(branchId: string, from: IsoDate, to: IsoDate): DomainError {
  return new DomainError(
    'invalid',
    MembershipErrorCode.periodEndsBeforeStart,
    `The period in branch ${branchId} would end on ${to}, before it starts on ${from}. Use an end date on or after the start date.`,
    { branchId, from, to },
  );
}

/**
 * A member's full branch history, kept forever (the disciplinary context's recusal reads it).
 * Invariants, checked on every construction:
 * - every period covers at least one day (`to > from`);
 * - periods are ordered and never overlap;
 * - at most one period is open, and it is the last one.
 * Gaps appear only between membership stints (after `leave`, before the next `join`): the only
 * way to change branch while a member is `transfer`, which is gap-free by construction.
 */
export class BranchHistory {
  private constructor(private readonly list: readonly BranchPeriod[]) {}

  static empty(): BranchHistory {
    return new BranchHistory([]);
  }

  /** Rebuilds a history from stored or imported periods, refusing any that break the invariants. */
  static fromPeriods(periods: readonly BranchPeriod[]): BranchHistory {
    const checked = periods.map((p, i) => {
      const branchId = checkBranchId(p.branchId);
      const from = checkDate(`branchHistory[${i}].from`, p.from);
      const to = p.to === null || p.to === undefined ? null : checkDate(`branchHistory[${i}].to`, p.to);
      if (to !== null && to < from) throw endsBeforeStart(branchId, from, to);
      if (to !== null && to === from) {
        throw new DomainError(
          'invalid',
          MembershipErrorCode.emptyBranchPeriod,
          `The period in branch ${branchId} starts and ends on ${from}, so it covers no day. Periods are [from, to): "to" is the first day no longer in the branch.`,
          { branchId, from, to },
        );
      }
      return { branchId, from, to };
    });
    const open = checked.filter((p) => p.to === null);
    if (open.length > 1) {
      throw new DomainError(
        'conflict',
        MembershipErrorCode.multipleOpenPeriods,
        'A member can be in only one branch at a time, but more than one branch period is still open. Close all but the current one.',
        { open },
      );
    }
    const sorted = [...checked].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const next = sorted[i];
      if (prev.to === null || prev.to > next.from) {
        throw new DomainError(
          'conflict',
          MembershipErrorCode.branchPeriodsOverlap,
          `The period in branch ${prev.branchId} from ${prev.from} overlaps the period in branch ${next.branchId} from ${next.from}. A member is in one branch at a time: end the first period on or before ${next.from}.`,
          { first: prev, second: next },
        );
      }
    }
    return new BranchHistory(sorted.map((p) => Object.freeze({ ...p })));
  }

  get periods(): readonly BranchPeriod[] {
    return this.list;
  }

  /** The open period, if the member is in a branch now. */
  current(): BranchPeriod | null {
    const last = this.list[this.list.length - 1];
    return last && last.to === null ? last : null;
  }

  get currentBranchId(): string | null {
    return this.current()?.branchId ?? null;
  }

  /** Starts a stay in a branch (admission, rejoining). Refused while another period is open. */
  join(branchId: string, on: IsoDate): BranchHistory {
    checkBranchId(branchId);
    checkDate('date', on);
    const open = this.current();
    if (open) {
      throw new DomainError(
        'conflict',
        MembershipErrorCode.alreadyInBranch,
        `The member is already in branch ${open.branchId}. Move them with a transfer instead.`,
        { branchId: open.branchId },
      );
    }
    const last = this.list[this.list.length - 1];
    if (last && last.to !== null && last.to > on) {
      throw new DomainError(
        'conflict',
        MembershipErrorCode.branchPeriodsOverlap,
        `A new period from ${on} would overlap the earlier period in branch ${last.branchId}, which ended on ${last.to}. Use a date on or after ${last.to}.`,
        { previous: last, from: on },
      );
    }
    return new BranchHistory([...this.list, { branchId, from: on, to: null }]);
  }

  /**
   * Moves the member to `toBranchId` on day `on`: the open period gets `to = on`, the new one
   * `from = on`. A transfer on the day the current stay began replaces that (zero-day) stay.
   */
  transfer(toBranchId: string, on: IsoDate): BranchHistory {
    checkBranchId(toBranchId);
    checkDate('date', on);
    const open = this.requireOpen('transfer');
    if (open.branchId === toBranchId) {
      throw new DomainError('invalid', MembershipErrorCode.sameBranchTransfer, `The member is already in branch ${toBranchId}; choose a different branch.`, {
        branchId: toBranchId,
      });
    }
    if (on < open.from) {
      throw new DomainError(
        'invalid',
        MembershipErrorCode.periodEndsBeforeStart,
        `A transfer on ${on} would end the stay in branch ${open.branchId} before it starts on ${open.from}. Use a transfer date on or after ${open.from}.`,
        { branchId: open.branchId, from: open.from, to: on },
      );
    }
    const before = this.list.slice(0, -1);
    if (on === open.from) {
      const prev = before[before.length - 1];
      if (prev && prev.to === on && prev.branchId === toBranchId) {
        return new BranchHistory([...before.slice(0, -1), { ...prev, to: null }]);
      }
      return new BranchHistory([...before, { branchId: toBranchId, from: on, to: null }]);
    }
    return new BranchHistory([...before, { ...open, to: on }, { branchId: toBranchId, from: on, to: null }]);
  }

  /** Ends the current stay (resignation, expulsion): `on` is the first day outside any branch. */
  leave(on: IsoDate): BranchHistory {
    checkDate('date', on);
    const open = this.requireOpen('leave');
    if (on < open.from) throw endsBeforeStart(open.branchId, open.from, on);
    const before = this.list.slice(0, -1);
    if (on === open.from) return new BranchHistory(before);
    return new BranchHistory([...before, { ...open, to: on }]);
  }

  /** The branch the member was in on `date`, or null. */
  branchAt(date: IsoDate): string | null {
    checkDate('date', date);
    return branchOn(this.list, date);
  }

  /**
   * Every stretch, inside the window `[windowFrom, windowTo)` (`windowTo: null` = no end), during
   * which this member and the other were in the same branch. Used by recusal: "shared a branch in
   * overlapping periods within the look-back window". To include today, pass the day after today.
   */
  overlaps(other: BranchHistory, windowFrom: IsoDate, windowTo: IsoDate | null): BranchOverlap[] {
    checkDate('windowFrom', windowFrom);
    if (windowTo !== null) checkDate('windowTo', windowTo);
    if (windowTo !== null && windowTo <= windowFrom) return [];
    const out: BranchOverlap[] = [];
    const a = this.list;
    const b = other.list;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const p = a[i];
      const q = b[j];
      if (p.branchId === q.branchId) {
        const from = maxDate(maxDate(p.from, q.from), windowFrom);
        const to = minEnd(minEnd(p.to, q.to), windowTo);
        if (to === null || from < to) out.push({ branchId: p.branchId, from, to });
      }
      // advance whichever ends first (an open period ends last)
      if (p.to === null) j++;
      else if (q.to === null) i++;
      else if (p.to <= q.to) i++;
      else j++;
    }
    return out;
  }

  toSnapshot(): BranchPeriod[] {
    return this.list.map((p) => ({ ...p }));
  }

  private requireOpen(action: 'transfer' | 'leave'): BranchPeriod {
    const open = this.current();
    if (!open) {
      throw new DomainError(
        'conflict',
        MembershipErrorCode.noOpenBranchPeriod,
        action === 'transfer'
          ? 'The member is not in any branch now, so there is nothing to transfer from. Admit or re-admit them to a branch first.'
          : 'The member is not in any branch now.',
      );
    }
    return open;
  }
}

/**
 * `branchAt` over already-valid, ordered periods (a stored snapshot), without re-validating them:
 * for hot paths such as freezing an electoral roll of many members.
 */
export function branchOn(periods: readonly BranchPeriod[], date: IsoDate): string | null {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = periods[mid];
    if (date < p.from) hi = mid - 1;
    else if (p.to !== null && date >= p.to) lo = mid + 1;
    else return p.branchId;
  }
  return null;
}
