import { IsoDate } from '@org/kernel';
import { blockedByRestriction } from './membership.errors';

/**
 * The answer of the restrictions port (S5/S13): whether putting these members in this branch on
 * this date would break a separation. It says *that* something is blocked, never *why*.
 */
export interface RestrictionVerdict {
  blocked: boolean;
}

/**
 * The port the domain asks before any assignment to a branch (admission, transfer, merge,
 * import). Implemented later by the disciplinary context; until then an adapter that never blocks
 * (`noRestrictions`). The domain calls it synchronously: an application service that must ask an
 * asynchronous adapter first awaits it and hands the domain `precheckedRestriction(...)`.
 */
export type RestrictionCheck = (memberIds: readonly string[], branchId: string, date: IsoDate) => RestrictionVerdict;

/** What an infrastructure adapter implements. */
export type AsyncRestrictionCheck = (memberIds: readonly string[], branchId: string, date: IsoDate) => Promise<RestrictionVerdict>;

/** The adapter used until the disciplinary context provides restrictions. */
export const noRestrictions: RestrictionCheck = () => ({ blocked: false });

/**
 * A `RestrictionCheck` that replays a verdict the application already obtained for exactly these
 * arguments. If the domain asks a different question, that is a programming error and it throws
 * rather than silently allowing the assignment.
 */
export function precheckedRestriction(memberIds: readonly string[], branchId: string, date: IsoDate, verdict: RestrictionVerdict): RestrictionCheck {
  const key = (ids: readonly string[], b: string, d: IsoDate) => JSON.stringify([[...ids].sort(), b, d]);
  const expected = key(memberIds, branchId, date);
  return (ids, b, d) => {
    if (key(ids, b, d) !== expected) {
      throw new Error(`Restriction verdict was obtained for ${expected} but the domain asked about ${key(ids, b, d)}`);
    }
    return verdict;
  };
}

/** Throws the S13 `blocked_by_restriction` error when the port says so. */
export function assertAssignmentAllowed(check: RestrictionCheck, memberIds: readonly string[], branchId: string, date: IsoDate): void {
  if (check(memberIds, branchId, date).blocked) throw blockedByRestriction();
}
