import { DomainError, IsoDate, isIsoDate } from '@org/kernel';
import { BranchPeriod, branchOn } from './branch-history.value-object';
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

/**
 * Sanctions on the same date, as the restrictions port answers: whether the member was under a
 * `no_voting` restriction at any moment of that day. Never why.
 */
export interface VotingRestrictionOnDate {
  asOf: IsoDate;
  votingRestricted: boolean;
}

/** The dues context's standing for the same date (its `StandingAssessment` fits). */
export interface StandingOnDate {
  asOf: IsoDate;
  inGoodStanding: boolean;
}

/**
 * Why a member is not on a roll. `restricted` is deliberately neutral: it says that a
 * confidential restriction applies, never which one or why (S1) — show it to a person with the
 * kernel's `CONFIDENTIAL_RESTRICTION_MESSAGE`.
 */
export type IneligibilityReason = 'not_a_member' | 'not_active' | 'suspended' | 'expelled' | 'not_in_good_standing' | 'restricted' | 'outside_scope';

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
 * not suspended or expelled), the member was in good standing and under no `no_voting`
 * restriction; for a branch scope, the member was in that branch. Every failing condition is
 * listed.
 */
export function eligibleVoter(
  member: RollCandidate,
  standing: StandingOnDate,
  asOf: IsoDate,
  scope: RollScope = { kind: 'organization' },
  sanctions: VotingRestrictionOnDate = { asOf, votingRestricted: false },
): VoterEligibility {
  if (!isIsoDate(asOf)) throw invalidDate('asOf', asOf);
  for (const [what, given] of [
    ['standing', standing.asOf],
    ['restriction answer', sanctions.asOf],
  ] as const) {
    if (given !== asOf) {
      throw new DomainError(
        'invalid',
        MembershipErrorCode.invalidDate,
        `The ${what} given for member ${member.id} is for ${given}, not for the freeze date ${asOf}. Ask for the freeze date.`,
      );
    }
  }
  const reasons: IneligibilityReason[] = [];
  const status = statusOn(member.statusHistory, asOf);
  if (status === null) reasons.push('not_a_member');
  else if (status === 'suspended') reasons.push('suspended');
  else if (status === 'expelled') reasons.push('expelled');
  else if (status !== 'active') reasons.push('not_active');
  if (!standing.inGoodStanding) reasons.push('not_in_good_standing');
  if (sanctions.votingRestricted) reasons.push('restricted');
  const branchId = branchOn(member.branchHistory, asOf);
  if (scope.kind === 'branch' && branchId !== scope.branchId) reasons.push('outside_scope');
  return { memberId: member.id, eligible: reasons.length === 0, reasons, branchId };
}

export interface RollSource {
  member: RollCandidate;
  standing: StandingOnDate;
  /** Whether a `no_voting` restriction applied on the freeze date (see `VotingRestrictionOnDate`). */
  votingRestricted: boolean;
}

/**
 * The roll, streamed: consumes candidates one at a time and yields each eligible voter with the
 * branch they were in on the freeze date. Memory use does not grow with the membership.
 */
export function* electoralRoll(candidates: Iterable<RollSource>, options: { asOf: IsoDate; scope?: RollScope }): Generator<RollEntry> {
  const scope = options.scope ?? { kind: 'organization' };
  for (const { member, standing, votingRestricted } of candidates) {
    const e = eligibleVoter(member, standing, options.asOf, scope, { asOf: options.asOf, votingRestricted });
    if (e.eligible && e.branchId !== null) yield { memberId: member.id, branchId: e.branchId };
  }
}

/** The same, for a cursor or stream from the database. */
export async function* electoralRollAsync(
  candidates: AsyncIterable<RollSource> | Iterable<RollSource>,
  options: { asOf: IsoDate; scope?: RollScope },
): AsyncGenerator<RollEntry> {
  const scope = options.scope ?? { kind: 'organization' };
  for await (const { member, standing, votingRestricted } of candidates) {
    const e = eligibleVoter(member, standing, options.asOf, scope, { asOf: options.asOf, votingRestricted });
    if (e.eligible && e.branchId !== null) yield { memberId: member.id, branchId: e.branchId };
  }
}

/**
 * What the set-based freeze knows about everyone on the date, each answer for that date: who was
 * in good standing (the dues context) and who was under a `no_voting` restriction (the
 * restrictions port, one question for everyone).
 */
export interface RollVerdicts {
  asOf: IsoDate;
  inGoodStanding: ReadonlySet<string>;
  votingRestricted: ReadonlySet<string>;
}

/**
 * The set-based roll: of the members whose status was `active` and who were in a branch (in the
 * scope) on `asOf` — found by the register's query — those in good standing and under no
 * `no_voting` restriction on that date. The same rule as `eligibleVoter`, without loading every
 * member's histories: linear in the candidates.
 */
export function rollFromCandidates(candidates: readonly RollEntry[], verdicts: RollVerdicts): RollEntry[] {
  if (!isIsoDate(verdicts.asOf)) throw invalidDate('asOf', verdicts.asOf);
  return candidates.filter((c) => verdicts.inGoodStanding.has(c.memberId) && !verdicts.votingRestricted.has(c.memberId));
}

/** Roll sizes per branch (the apportionment input), ordered by branch id. */
export function rollSizesByBranch(entries: Iterable<RollEntry>): Array<{ branchId: string; rollSize: number }> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.branchId, (counts.get(e.branchId) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([branchId, rollSize]) => ({ branchId, rollSize }));
}
