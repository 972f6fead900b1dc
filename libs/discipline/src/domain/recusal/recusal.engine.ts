import { dayNumber, fromDayNumber, normalizeTimestamp, yearsBefore } from '../case/calendar';
import { CaseErrorCode, caseError } from '../case/case.errors';
import { MemberId } from '../case/identifiers';
import {
  BodyKind,
  CandidateSeat,
  Conflict,
  RecusalAssessment,
  RecusalInput,
  RecusalOutcome,
} from './recusal.types';

export const DEFAULT_LOOK_BACK_YEARS = 5;

/** Half-open day interval [from, to); `to` may be Infinity. */
interface Span {
  from: number;
  to: number;
}
interface BranchSpan extends Span {
  branchId: string;
}
interface MandateSpan extends Span {
  bodyId: string;
  bodyKind: BodyKind;
}

const endDay = (to: string | null): number => (to === null || to === undefined ? Infinity : dayNumber(to));

const spanToPeriod = (from: number, to: number) => ({
  from: fromDayNumber(from),
  to: to === Infinity ? null : fromDayNumber(to),
});

const sortedUnique = (ids: readonly MemberId[]): MemberId[] =>
  [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Automatic recusal (S3). For each candidate, every reason they may not handle this case:
 *
 * - `party_or_witness`: they are a party, a witness or a party's support person here.
 * - `shared_branch`: they and a party were in the same branch at the same time, and that shared
 *   time reaches into the look-back window ([intake − N years, ∞), default 5): a shared branch
 *   that ended three years before intake conflicts, one that ended eight years before does not.
 * - `shared_body`: the same, for seats on the same body (EC, CC, appeals, elections, branch
 *   committees, staff) — except the body the candidates all sit on (`ownBodyKind`, CCOM).
 * - `declared_relationship`: a declared relationship or conflict with a party, at any time.
 * - `held_ec_cc_during_events`: an EC or CC mandate overlapping the reported events' dates.
 *   When the complainant could not date the events, the whole look-back window up to intake
 *   stands in for them (a missing date must never make a conflict disappear).
 * - `party_in_other_open_case_with_a_party`: the candidate and a party of this case are both
 *   involved (as party or witness) in another open case.
 * - `self_recused` / `challenge_upheld`: they stood down from, or were removed from, this case.
 *
 * Pure and linear in the size of the (pre-filtered) facts; people not concerned are skipped.
 */
export function computeRecusal(input: RecusalInput): RecusalOutcome {
  const lookBackYears = input.lookBackYears ?? DEFAULT_LOOK_BACK_YEARS;
  if (!Number.isInteger(lookBackYears) || lookBackYears < 0 || lookBackYears > 100) {
    throw caseError('invalid', CaseErrorCode.InvalidConfiguration, 'The look-back window must be a whole number of years.', {
      lookBackYears,
    });
  }
  const ownBodyKind: BodyKind = input.ownBodyKind ?? 'CCOM';
  const intakeDay = dayNumber(input.intakeDate);
  const windowStartDate = yearsBefore(input.intakeDate, lookBackYears);
  const windowStart = dayNumber(windowStartDate);

  const parties = sortedUnique(input.parties);
  const witnesses = sortedUnique(input.witnesses);
  const supportPersons = sortedUnique(input.supportPersons);
  const partySet = new Set(parties);
  const witnessSet = new Set(witnesses);
  const supportSet = new Set(supportPersons);

  const seen = new Set<MemberId>();
  for (const c of input.candidates) {
    if (seen.has(c.memberId)) {
      throw caseError('invalid', CaseErrorCode.InvalidRecusalInput, 'A candidate appears twice in the recusal input.', {
        memberId: c.memberId,
      });
    }
    seen.add(c.memberId);
  }
  const candidateSet = seen;

  // Reported events as day spans; unknown dates → the whole window up to intake.
  const events: Span[] = input.reportedEvents.map((e) => {
    const from = dayNumber(e.from);
    const last = e.to ? dayNumber(e.to) : from;
    if (last < from) {
      throw caseError('invalid', CaseErrorCode.InvalidRecusalInput, 'The reported events end before they begin.', { ...e });
    }
    return { from, to: last + 1 };
  });
  if (events.length === 0) events.push({ from: windowStart, to: intakeDay + 1 });

  // Index the facts for the people concerned only, in one pass each.
  const branches = new Map<MemberId, BranchSpan[]>();
  for (const p of input.facts.branchHistory) {
    if (!candidateSet.has(p.memberId) && !partySet.has(p.memberId)) continue;
    const to = endDay(p.to);
    if (to <= windowStart) continue; // ended before the window
    const from = dayNumber(p.from);
    if (to <= from) continue;
    let list = branches.get(p.memberId);
    if (!list) branches.set(p.memberId, (list = []));
    list.push({ from, to, branchId: p.branchId });
  }
  const shareableMandates = new Map<MemberId, MandateSpan[]>();
  const ecCcMandates = new Map<MemberId, MandateSpan[]>();
  for (const m of input.facts.mandates) {
    const isCandidate = candidateSet.has(m.memberId);
    if (!isCandidate && !partySet.has(m.memberId)) continue;
    const span: MandateSpan = { from: dayNumber(m.from), to: endDay(m.to), bodyId: m.bodyId, bodyKind: m.bodyKind };
    if (span.to <= span.from) continue;
    if (isCandidate && (m.bodyKind === 'EC' || m.bodyKind === 'CC')) {
      let list = ecCcMandates.get(m.memberId);
      if (!list) ecCcMandates.set(m.memberId, (list = []));
      list.push(span);
    }
    if (m.bodyKind === ownBodyKind || span.to <= windowStart) continue;
    let list = shareableMandates.get(m.memberId);
    if (!list) shareableMandates.set(m.memberId, (list = []));
    list.push(span);
  }
  const related = new Map<MemberId, Set<MemberId>>();
  const relate = (x: MemberId, y: MemberId) => {
    if (!candidateSet.has(x) || !partySet.has(y)) return;
    let set = related.get(x);
    if (!set) related.set(x, (set = new Set()));
    set.add(y);
  };
  for (const r of input.facts.relationships) {
    relate(r.a, r.b);
    relate(r.b, r.a);
  }
  // Other open cases that involve a party of this one: who else is involved there.
  const otherCaseLinks = new Map<MemberId, { otherCaseId: string; withMemberId: MemberId }[]>();
  for (const oc of input.facts.otherOpenCases) {
    if (oc.caseId === input.caseId) continue;
    const involved = [...oc.parties, ...(oc.witnesses ?? [])];
    const ourParty = sortedUnique(involved.filter((m) => partySet.has(m)));
    if (ourParty.length === 0) continue;
    for (const m of new Set(involved)) {
      if (!candidateSet.has(m)) continue;
      const withMemberId = ourParty.find((p) => p !== m);
      if (withMemberId === undefined) continue;
      let list = otherCaseLinks.get(m);
      if (!list) otherCaseLinks.set(m, (list = []));
      list.push({ otherCaseId: oc.caseId, withMemberId });
    }
  }
  const selfRecused = new Set(input.selfRecused ?? []);
  const challengeUpheld = new Set(input.challengeUpheld ?? []);

  const assessments: RecusalAssessment[] = input.candidates.map(({ memberId, seat }) =>
    assess(memberId, seat),
  );
  assessments.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));

  return {
    caseId: input.caseId,
    computedAt: normalizeTimestamp(input.computedAt),
    intakeDate: input.intakeDate,
    lookBackYears,
    windowStart: windowStartDate,
    considered: { parties, witnesses, supportPersons },
    assessments,
  };

  function assess(memberId: MemberId, seat: CandidateSeat): RecusalAssessment {
    const conflicts: Conflict[] = [];
    if (partySet.has(memberId)) conflicts.push({ reason: 'party_or_witness', role: 'party' });
    if (witnessSet.has(memberId)) conflicts.push({ reason: 'party_or_witness', role: 'witness' });
    if (supportSet.has(memberId)) conflicts.push({ reason: 'party_or_witness', role: 'support_person' });

    const mine = branches.get(memberId);
    const myMandates = shareableMandates.get(memberId);
    for (const party of parties) {
      if (party === memberId) continue;
      if (mine) {
        const theirs = branches.get(party);
        if (theirs) {
          const reported = new Set<string>();
          for (const a of mine) {
            if (reported.has(a.branchId)) continue;
            for (const b of theirs) {
              if (a.branchId !== b.branchId) continue;
              const from = Math.max(a.from, b.from);
              const to = Math.min(a.to, b.to);
              if (from < to && to > windowStart) {
                reported.add(a.branchId);
                conflicts.push({
                  reason: 'shared_branch',
                  withMemberId: party,
                  branchId: a.branchId,
                  overlap: spanToPeriod(from, to),
                });
                break;
              }
            }
          }
        }
      }
      if (myMandates) {
        const theirs = shareableMandates.get(party);
        if (theirs) {
          const reported = new Set<string>();
          for (const a of myMandates) {
            if (reported.has(a.bodyId)) continue;
            for (const b of theirs) {
              if (a.bodyId !== b.bodyId) continue;
              const from = Math.max(a.from, b.from);
              const to = Math.min(a.to, b.to);
              if (from < to && to > windowStart) {
                reported.add(a.bodyId);
                conflicts.push({
                  reason: 'shared_body',
                  withMemberId: party,
                  bodyId: a.bodyId,
                  bodyKind: a.bodyKind,
                  overlap: spanToPeriod(from, to),
                });
                break;
              }
            }
          }
        }
      }
      if (related.get(memberId)?.has(party)) {
        conflicts.push({ reason: 'declared_relationship', withMemberId: party });
      }
    }

    const ecCc = ecCcMandates.get(memberId);
    if (ecCc) {
      const reported = new Set<string>();
      for (const m of ecCc) {
        if (reported.has(m.bodyId)) continue;
        if (events.some((e) => m.from < e.to && e.from < m.to)) {
          reported.add(m.bodyId);
          conflicts.push({
            reason: 'held_ec_cc_during_events',
            bodyId: m.bodyId,
            bodyKind: m.bodyKind as 'EC' | 'CC',
          });
        }
      }
    }

    for (const link of otherCaseLinks.get(memberId) ?? []) {
      conflicts.push({ reason: 'party_in_other_open_case_with_a_party', ...link });
    }
    if (selfRecused.has(memberId)) conflicts.push({ reason: 'self_recused' });
    if (challengeUpheld.has(memberId)) conflicts.push({ reason: 'challenge_upheld' });

    return { memberId, seat, eligible: conflicts.length === 0, conflicts };
  }
}

/** Eligible candidates of one kind of seat, sorted by member id (the order a draw starts from). */
export function eligibleFor(outcome: RecusalOutcome, seat: CandidateSeat): MemberId[] {
  return outcome.assessments.filter((a) => a.seat === seat && a.eligible).map((a) => a.memberId);
}

/** Whether the outcome clears this member (fail closed: someone not assessed is not eligible). */
export function isEligible(outcome: RecusalOutcome, memberId: MemberId, seat?: CandidateSeat): boolean {
  return outcome.assessments.some((a) => a.memberId === memberId && a.eligible && (seat === undefined || a.seat === seat));
}
