/**
 * Builders shared by the case's domain specs (test code only: imported by `*.spec.ts`).
 * A small organization: seven commissioners, two elected alternates, a complainant, a
 * respondent and a witness who are members.
 */
import { computeRecusal } from '../recusal/recusal.engine';
import { RecusalCandidate, RecusalFacts, RecusalOutcome } from '../recusal/recusal.types';
import { drawPanel } from '../panel/panel-draw';
import { addDays, addHours, Timestamp } from './calendar';
import { Case } from './case.aggregate';
import { CaseActor, ComplaintIntake } from './case.types';
import { MemberId, sealedRef } from './identifiers';

export const T0: Timestamp = '2026-03-10T09:00:00.000Z';
export const INTAKE_DATE = '2026-03-10';
export const at = {
  hours: (h: number): Timestamp => addHours(T0, h),
  days: (d: number): Timestamp => addDays(T0, d),
};

export const COMPLAINANT = 'm-complainant';
export const RESPONDENT = 'm-respondent';
export const WITNESS = 'm-witness';
export const COMMISSIONERS = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07'];
export const ALTERNATES = ['a01', 'a02'];
export const APPEALS = ['p01', 'p02', 'p03'];

export const complainant: CaseActor = { memberId: COMPLAINANT };
export const respondent: CaseActor = { memberId: RESPONDENT };
export const witness: CaseActor = { memberId: WITNESS };

export const NO_FACTS: RecusalFacts = { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [] };

export function intake(overrides: Partial<ComplaintIntake> = {}): ComplaintIntake {
  return {
    complainant: { kind: 'member', memberId: COMPLAINANT },
    respondents: [{ kind: 'member', memberId: RESPONDENT }],
    narrative: sealedRef('sealed:narrative'),
    when: { from: '2026-02-01', to: '2026-02-03' },
    where: sealedRef('sealed:where'),
    witnesses: [{ kind: 'member', memberId: WITNESS }],
    supportPerson: null,
    seriousness: { violence: false, sexualMisconduct: false, threats: false },
    path: 'formal',
    matchingOptIn: false,
    ...overrides,
  };
}

let counter = 0;
export function fileCase(overrides: Partial<ComplaintIntake> = {}, receivedAt: Timestamp = T0): Case {
  counter++;
  return Case.file(intake(overrides), {
    id: `case-${counter}`,
    reference: 'CC-2026-7K3M-Q9XD',
    receivedAt,
  }).case;
}

export function candidates(
  commissioners: readonly MemberId[] = COMMISSIONERS,
  alternates: readonly MemberId[] = ALTERNATES,
  extra: readonly RecusalCandidate[] = [],
): RecusalCandidate[] {
  return [
    ...commissioners.map((memberId) => ({ memberId, seat: 'commissioner' as const })),
    ...alternates.map((memberId) => ({ memberId, seat: 'alternate' as const })),
    ...extra,
  ];
}

/** Recusal for the case's current people, with its recorded stand-downs. */
export function recusalFor(
  c: Case,
  opts: { facts?: Partial<RecusalFacts>; computedAt?: Timestamp; candidates?: RecusalCandidate[] } = {},
): RecusalOutcome {
  const people = c.participantsForRecusal();
  const ex = c.recusalExclusions();
  return computeRecusal({
    caseId: c.id,
    intakeDate: c.state.receivedAt.slice(0, 10),
    computedAt: opts.computedAt ?? c.state.receivedAt,
    ...people,
    reportedEvents: c.state.when ? [c.state.when] : [],
    candidates: opts.candidates ?? candidates(),
    facts: { ...NO_FACTS, ...opts.facts },
    selfRecused: ex.selfRecused,
    challengeUpheld: ex.challengeUpheld,
  });
}

/** Filed, recusal recorded, duty commissioner assigned. */
export function caseWithDuty(overrides: Partial<ComplaintIntake> = {}, facts: Partial<RecusalFacts> = {}, duty = 'c01'): Case {
  const c = fileCase(overrides);
  c.recordRecusal(recusalFor(c, { facts }), T0);
  c.assignDutyCommissioner(duty, T0);
  return c;
}

/** ...and triaged a day after receipt. */
export function triagedCase(overrides: Partial<ComplaintIntake> = {}, facts: Partial<RecusalFacts> = {}): Case {
  const c = caseWithDuty(overrides, facts);
  c.triage('c01', {}, at.days(1));
  return c;
}

/** ...and a complete panel of three, seated two days after receipt. */
export function seatedCase(
  overrides: Partial<ComplaintIntake> = {},
  facts: Partial<RecusalFacts> = {},
  seed = 'seed-0001-initial',
): { c: Case; panel: MemberId[] } {
  const c = triagedCase(overrides, facts);
  const outcome = recusalFor(c, { facts });
  c.recordRecusal(outcome, at.days(2));
  c.recordPanelDraw(drawPanel({ caseId: c.id, seed, recusal: outcome }), at.days(2));
  return { c, panel: c.seatedPanel };
}
