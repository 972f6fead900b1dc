import { DomainError } from '@org/kernel';
import { BranchPeriod, branchOn } from './branch-history.value-object';
import { IsoDate, isIsoDate } from './calendar-date';
import { StatusHistoryEntry, statusOn } from './member-status.value-object';
import { MembershipErrorCode, invalidDate } from './membership.errors';

/**
 * E4: who may vote is decided from the register as it stood on the freeze date — membership
 * status, dues standing and sanctions on that date — never from anything recorded later as
 * happening after it.
 */

/** What the roll needs from a member; a `MemberSnapshot` fits. */
export interface RollCandidate {
  id: string;
  statusHistory: readonly Pick<StatusHistoryEntry, 'on' | 'to'>[];
  branchHistory: readonly BranchPeriod[];
}

/** The dues context's standing for the same date (its `StandingAssessment` fits). */
export interface StandingOnDate {
  asOf: IsoDate;
  inGoodStanding: boolean;
}

export type IneligibilityReason = 'not_a_member' | 'not_active' | 'suspended' | 'expelled' | 'not_in_good_standing' | 'outside_scope';

export interface VoterEligibility {
  memberId: string;
  eligible: boolean;
  reasons: IneligibilityReason[];
  /** The branch the member was in on the freeze date (null if none). */
  branchId: string | null;
}

export type RollScope = { kind: 'organization' } | { kind: 'branch'; branchId: string };

export interface RollEntry {
  memberId: string;
  branchId: string;
}

/**
 * Eligible on `asOf` when, on that date: the status was `active` (not lapsed, not an applicant,
 * not suspended or expelled) and the member was in good standing; for a branch scope, the member
 * was in that branch. Every failing condition is listed.
 */
export function eligibleVoter(member: RollCandidate, standing: StandingOnDate, asOf: IsoDate, scope: RollScope = { kind: 'organization' }): VoterEligibility {
  if (!isIsoDate(asOf)) throw invalidDate('asOf', asOf);
  if (standing.asOf !== asOf) {
    throw new DomainError(
      'invalid',
      MembershipErrorCode.invalidDate,
      `The standing given for member ${member.id} is for ${standing.asOf}, not for the freeze date ${asOf}. Compute standing as of the freeze date.`,
    );
  }
  const reasons: IneligibilityReason[] = [];
  const status = statusOn(member.statusHistory, asOf);
  if (status === null) reasons.push('not_a_member');
  else if (status === 'suspended') reasons.push('suspended');
  else if (status === 'expelled') reasons.push('expelled');
  else if (status !== 'active') reasons.push('not_active');
  if (!standing.inGoodStanding) reasons.push('not_in_good_standing');
  const branchId = branchOn(member.branchHistory, asOf);
  if (scope.kind === 'branch' && branchId !== scope.branchId) reasons.push('outside_scope');
  return { memberId: member.id, eligible: reasons.length === 0, reasons, branchId };
}

export interface RollSource {
  member: RollCandidate;
  standing: StandingOnDate;
}

/**
 * The roll, streamed: consumes candidates one at a time and yields each eligible voter with the
 * branch they were in on the freeze date. Memory use does not grow with the membership.
 */
export function* electoralRoll(candidates: Iterable<RollSource>, options: { asOf: IsoDate; scope?: RollScope }): Generator<RollEntry> {
  const scope = options.scope ?? { kind: 'organization' };
  for (const { member, standing } of candidates) {
    const e = eligibleVoter(member, standing, options.asOf, scope);
    if (e.eligible && e.branchId !== null) yield { memberId: member.id, branchId: e.branchId };
  }
}

/** The same, for a cursor or stream from the database. */
export async function* electoralRollAsync(
  candidates: AsyncIterable<RollSource> | Iterable<RollSource>,
  options: { asOf: IsoDate; scope?: RollScope },
): AsyncGenerator<RollEntry> {
  const scope = options.scope ?? { kind: 'organization' };
  for await (const { member, standing } of candidates) {
    const e = eligibleVoter(member, standing, options.asOf, scope);
    if (e.eligible && e.branchId !== null) yield { memberId: member.id, branchId: e.branchId };
  }
}

/** Roll sizes per branch (the apportionment input), ordered by branch id. */
export function rollSizesByBranch(entries: Iterable<RollEntry>): Array<{ branchId: string; rollSize: number }> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.branchId, (counts.get(e.branchId) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([branchId, rollSize]) => ({ branchId, rollSize }));
}
