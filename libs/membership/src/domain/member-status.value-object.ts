import { IsoDate, IsoInstant } from '@org/kernel';

export const MEMBER_STATUSES = ['applicant', 'active', 'lapsed', 'suspended', 'expelled', 'resigned', 'declined'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export function isMemberStatus(value: unknown): value is MemberStatus {
  return typeof value === 'string' && (MEMBER_STATUSES as readonly string[]).includes(value);
}

/** Statuses in which a person is a member and so belongs to a branch (has an open branch period). */
export const IN_BRANCH_STATUSES: readonly MemberStatus[] = ['active', 'lapsed', 'suspended'];

/** Statuses that come only from a disciplinary sanction (S9). */
export const SANCTION_STATUSES: readonly MemberStatus[] = ['suspended', 'expelled'];

/** What caused a status change; recorded with it. */
export type StatusChangeSource = 'application' | 'import' | 'secretary' | 'member' | 'standing-job' | 'sanction';

/** Who may act on a member. Authority itself (the mandate) is checked by the application layer. */
export type MembershipActor =
  /** The member themself (resigning, editing their record, rejoining); `actorId` is the member id. */
  | { kind: 'member'; actorId: string }
  /** A branch secretary acting for their own branch. */
  | { kind: 'secretary'; actorId: string; branchId: string }
  /** A national membership secretary (a mandate that reaches every branch). */
  | { kind: 'membership-secretary'; actorId: string }
  /** The scheduled standing job (lapse / reinstate). Recorded as `system`. */
  | { kind: 'standing-job' }
  /** An effect published by the disciplinary context: a suspension, expulsion, or its end. Recorded as `system`. */
  | { kind: 'sanction'; sanctionRef: string };

/** One entry of the status history, kept forever. */
export interface StatusHistoryEntry {
  from: MemberStatus | null;
  to: MemberStatus;
  /** Calendar date the change takes effect. */
  on: IsoDate;
  /** Instant it was recorded. */
  at: IsoInstant;
  /** Actor id, or `system` for the standing job and sanctions. */
  by: string;
  source: StatusChangeSource;
  reason: string | null;
  /** A reference to what caused it: a sanction reference, a transfer id… never case content. */
  ref: string | null;
}

/** Every allowed `from → to` pair; `null` is "no record yet". */
export const ALLOWED_TRANSITIONS: ReadonlyArray<readonly [MemberStatus | null, MemberStatus]> = [
  [null, 'applicant'],
  [null, 'active'],
  ['applicant', 'active'],
  ['applicant', 'declined'],
  ['applicant', 'resigned'],
  ['active', 'lapsed'],
  ['lapsed', 'active'],
  ['active', 'suspended'],
  ['lapsed', 'suspended'],
  ['active', 'expelled'],
  ['lapsed', 'expelled'],
  ['suspended', 'expelled'],
  ['suspended', 'active'],
  ['expelled', 'active'],
  ['active', 'resigned'],
  ['lapsed', 'resigned'],
  ['suspended', 'resigned'],
  ['resigned', 'applicant'],
  ['declined', 'applicant'],
  ['expelled', 'applicant'],
];

export function isAllowedTransition(from: MemberStatus | null, to: MemberStatus): boolean {
  return ALLOWED_TRANSITIONS.some(([f, t]) => f === from && t === to);
}

/**
 * The status in force on `date`: the `to` of the last entry with `on <= date` (several changes
 * on one day: the last recorded wins). `null` before the first entry. History must be in order.
 */
export function statusOn(history: readonly Pick<StatusHistoryEntry, 'on' | 'to'>[], date: IsoDate): MemberStatus | null {
  let lo = 0;
  let hi = history.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid].on <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : history[found].to;
}
