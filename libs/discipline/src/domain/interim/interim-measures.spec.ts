import { DomainError } from '@org/kernel';
import { CaseErrorCode } from '../case/case.errors';
import { sealedRef } from '../case/identifiers';
import { COMPLAINANT, RESPONDENT, WITNESS, at, caseWithDuty, complainant, seatedCase } from '../case/case.test-fixtures';
import { activeMeasures, endMeasuresOf, makeInterimDecision, respondentsReleasedFromInterimMeasures } from './interim-measures';
import { blocksBranchAssignment, blocksHosting, restrictionsFor } from './restrictions';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const serious = { violence: true, sexualMisconduct: false, threats: false };
const reasons = sealedRef('sealed:reasons');
const hostingAndSeparation = (until = at.days(30)) => [
  { kind: 'no_hosting' as const, memberId: RESPONDENT, until },
  { kind: 'separation' as const, memberId: RESPONDENT, until, separatedFrom: [COMPLAINANT] },
];

describe('interim-measures decision (S5)', () => {
  it('is taken by the duty commissioner before a panel is seated, and binds at once', () => {
    const c = caseWithDuty({ seriousness: serious });
    expect(errorOf(() => c.recordInterimDecision({ decisionId: 'd1', decidedBy: ['c02'], outcome: 'no_measures', measures: [], reasons }, at.hours(5))).kind).toBe(
      'not_found',
    );
    const events = c.recordInterimDecision(
      { decisionId: 'd1', decidedBy: ['c01'], outcome: 'measures', measures: hostingAndSeparation(), reasons },
      at.hours(5),
    );
    expect(events).toEqual([
      { type: 'InterimDecisionRecorded', caseId: c.id, at: at.hours(5), decisionId: 'd1', outcome: 'measures', measureCount: 2 },
    ]);
    const active = activeMeasures(c.state.interimDecisions, at.hours(6));
    expect(blocksHosting(restrictionsFor(RESPONDENT, at.hours(6), active))).toBe(true);
    expect(blocksHosting(restrictionsFor(RESPONDENT, at.hours(4), active))).toBe(false); // not before the decision
  });

  it('is taken by a majority of the seated panel afterwards; a lone panelist or an outsider cannot', () => {
    const { c, panel } = seatedCase({ seriousness: serious }, {}, 'seed-0002-initial');
    expect(panel).not.toContain('c01'); // c01 was the duty commissioner
    const decide = (decidedBy: string[], id: string) =>
      c.recordInterimDecision({ decisionId: id, decidedBy, outcome: 'no_measures', measures: [], reasons }, at.days(3));
    expect(errorOf(() => decide([panel[0]], 'd0')).code).toBe(
      CaseErrorCode.InterimDecisionNotAuthorized,
    );
    expect(errorOf(() => decide([panel[0], 'ec-chair'], 'd1')).code).toBe(CaseErrorCode.InterimDecisionNotAuthorized);
    expect(errorOf(() => decide(['ec-chair'], 'd2')).kind).toBe('not_found');
    expect(errorOf(() => decide(['c01'], 'd4')).kind).toBe('not_found'); // the duty commissioner's turn is over
    expect(decide([panel[0], panel[2]], 'd3').map((e) => e.type)).toEqual(['InterimDecisionRecorded']);
    expect(c.state.interimDecisions[0]).toMatchObject({ outcome: 'no_measures', decidedBy: [panel[0], panel[2]].sort() });
  });

  it('applies to the respondents only, always with an end, and needs reasons even for "no measures"', () => {
    const c = caseWithDuty({ seriousness: serious });
    const bad = [
      { outcome: 'measures' as const, measures: [{ kind: 'no_speaking' as const, memberId: WITNESS, until: at.days(9) }], reasons },
      { outcome: 'measures' as const, measures: [{ kind: 'no_speaking' as const, memberId: RESPONDENT, until: at.hours(1) }], reasons },
      { outcome: 'measures' as const, measures: [{ kind: 'separation' as const, memberId: RESPONDENT, until: at.days(9) }], reasons },
      { outcome: 'measures' as const, measures: [{ kind: 'separation' as const, memberId: RESPONDENT, until: at.days(9), separatedFrom: [RESPONDENT] }], reasons },
      { outcome: 'measures' as const, measures: [], reasons },
      { outcome: 'no_measures' as const, measures: hostingAndSeparation(), reasons },
      { outcome: 'no_measures' as const, measures: [], reasons: sealedRef('') },
      { outcome: 'measures' as const, measures: [...hostingAndSeparation(), ...hostingAndSeparation()], reasons },
    ];
    for (const b of bad) {
      expect(errorOf(() => c.recordInterimDecision({ decisionId: 'd', decidedBy: ['c01'], ...b }, at.hours(2))).code).toBe(
        CaseErrorCode.InvalidInterimMeasure,
      );
    }
    expect(c.state.interimDecisions).toEqual([]);
  });

  it('is replaced by a later decision, and ends when the case is withdrawn', () => {
    const { c, panel } = seatedCase({ seriousness: serious });
    c.recordInterimDecision({ decisionId: 'd1', decidedBy: [panel[0], panel[1]], outcome: 'measures', measures: hostingAndSeparation(), reasons }, at.days(3));
    c.recordInterimDecision(
      {
        decisionId: 'd2',
        decidedBy: [panel[0], panel[1]],
        outcome: 'measures',
        measures: [{ kind: 'no_candidacy', memberId: RESPONDENT, until: at.days(40) }],
        reasons,
      },
      at.days(5),
    );
    const kinds = (t: string) => restrictionsFor(RESPONDENT, t, activeMeasures(c.state.interimDecisions, t)).restrictions.map((r) => r.kind);
    expect(kinds(at.days(4))).toEqual(['no_hosting', 'separation']);
    expect(kinds(at.days(6))).toEqual(['no_candidacy']);
    const events = c.withdraw(complainant, at.days(7));
    expect(events.map((e) => e.type)).toEqual(['CaseWithdrawn', 'InterimMeasuresEnded']);
    expect(kinds(at.days(8))).toEqual([]);
  });

  it('is not taken on a record-only report: the complainant chose no action', () => {
    const c = caseWithDuty({ path: 'record-only', seriousness: serious });
    expect(errorOf(() => c.recordInterimDecision({ decisionId: 'd1', decidedBy: ['c01'], outcome: 'no_measures', measures: [], reasons }, at.hours(2))).code).toBe(
      CaseErrorCode.StageDoesNotAllow,
    );
  });
});

describe('makeInterimDecision / activeMeasures', () => {
  it('normalizes the decision and sorts the separated members', () => {
    const d = makeInterimDecision({
      id: 'd',
      caseId: 'case-x',
      decidedAt: '2026-03-10T10:00:00+01:00',
      decidedBy: ['c2', 'c1', 'c2'],
      outcome: 'measures',
      measures: [{ kind: 'separation', memberId: 'r', until: '2026-04-01T00:00:00Z', separatedFrom: ['z', 'a', 'z'] }],
      reasons,
      subjects: ['r'],
    });
    expect(d).toMatchObject({ decidedAt: '2026-03-10T09:00:00.000Z', decidedBy: ['c1', 'c2'], endedAt: null });
    expect(d.measures[0]).toEqual({ kind: 'separation', memberId: 'r', until: '2026-04-01T00:00:00.000Z', separatedFrom: ['a', 'z'] });
    expect(activeMeasures([d], '2026-04-01T00:00:00Z')).toEqual([]); // until is exclusive
    expect(blocksBranchAssignment([restrictionsFor('r', '2026-03-20T00:00:00Z', activeMeasures([d], '2026-03-20T00:00:00Z')), { memberId: 'a', restrictions: [] }])).toBe(true);
  });
});

describe('interim measures end with the case (S5, S9)', () => {
  const decision = (measures: { kind: 'no_hosting' | 'no_speaking'; memberId: string }[]) =>
    makeInterimDecision({
      id: 'd',
      caseId: 'case-x',
      decidedAt: '2026-03-10T10:00:00Z',
      decidedBy: ['c1'],
      outcome: 'measures',
      measures: measures.map((m) => ({ ...m, until: '2026-06-01T00:00:00Z' })),
      reasons,
      subjects: ['r1', 'r2'],
    });

  it('ends the measures of the members released, keeps the others, and ends the decision once nothing is left', () => {
    const d = decision([
      { kind: 'no_hosting', memberId: 'r1' },
      { kind: 'no_speaking', memberId: 'r1' },
      { kind: 'no_hosting', memberId: 'r2' },
    ]);
    const one = endMeasuresOf(d, ['r1'], '2026-04-01T00:00:00Z');
    expect(one.endedAt).toBeNull();
    const live = (x: typeof d, t: string) => activeMeasures([x], t).map((m) => `${m.memberId}:${m.kind}`);
    expect(live(one, '2026-03-31T00:00:00Z')).toEqual(['r1:no_hosting', 'r1:no_speaking', 'r2:no_hosting']);
    expect(live(one, '2026-04-01T00:00:00Z')).toEqual(['r2:no_hosting']);
    expect(activeMeasures([one], '2026-03-31T00:00:00Z')[0].until).toBe('2026-04-01T00:00:00.000Z');
    const both = endMeasuresOf(one, ['r2'], '2026-04-02T00:00:00Z');
    expect(both.endedAt).toBe('2026-04-02T00:00:00.000Z');
    expect(both.measures.find((m) => m.memberId === 'r1')!.endedAt).toBe('2026-04-01T00:00:00.000Z'); // the first end is kept
    expect(live(both, '2026-04-02T00:00:00Z')).toEqual([]);
    expect(endMeasuresOf(both, ['r1', 'r2'], '2026-04-03T00:00:00Z')).toBe(both);
    expect(endMeasuresOf(d, ['someone-else'], '2026-04-01T00:00:00Z')).toBe(d);
  });

  it('releases the respondent of a final finding, and everyone with no finding still pending — never one whose finding is pending', () => {
    expect(respondentsReleasedFromInterimMeasures({ finalFindingRespondent: 'r1', respondents: ['r1'], respondentsWithPendingFinding: [] })).toEqual(['r1']);
    expect(respondentsReleasedFromInterimMeasures({ finalFindingRespondent: 'r1', respondents: ['r1', 'r2', 'r3'], respondentsWithPendingFinding: ['r2'] })).toEqual(['r1', 'r3']);
    expect(respondentsReleasedFromInterimMeasures({ finalFindingRespondent: 'r1', respondents: ['r1', 'r2'], respondentsWithPendingFinding: ['r1', 'r2'] })).toEqual(['r1']);
  });

  it('the case ends the measures of the released respondents, with an event, and leaves the rest in force', () => {
    const { c, panel } = seatedCase({ seriousness: serious });
    c.recordInterimDecision({ decisionId: 'd1', decidedBy: [panel[0], panel[1]], outcome: 'measures', measures: hostingAndSeparation(at.days(60)), reasons }, at.days(3));
    expect(c.endInterimMeasuresOf(['someone-else'], at.days(20))).toEqual([]);
    const events = c.endInterimMeasuresOf([RESPONDENT], at.days(30));
    expect(events).toEqual([{ type: 'InterimMeasuresEnded', caseId: c.id, at: at.days(30), decisionId: 'd1', memberIds: [RESPONDENT] }]);
    expect(c.state.interimDecisions[0].endedAt).toBe(at.days(30));
    const kinds = (t: string) => restrictionsFor(RESPONDENT, t, activeMeasures(c.state.interimDecisions, t)).restrictions.map((r) => r.kind);
    expect(kinds(at.days(29))).toEqual(['no_hosting', 'separation']);
    expect(kinds(at.days(31))).toEqual([]);
    expect(c.endInterimMeasuresOf([RESPONDENT], at.days(32))).toEqual([]);
  });
});
