import { sealedRef } from '../case/identifiers';
import {
  COMMISSIONERS,
  RESPONDENT,
  T0,
  at,
  caseWithDuty,
  complainant,
  fileCase,
  recusalFor,
  seatedCase,
  triagedCase,
} from '../case/case.test-fixtures';
import { deadlinePolicy, deadlinesFor, escalateOverdue, overdue } from './deadline.policy';

const serious = { violence: false, sexualMisconduct: false, threats: true };
const kinds = (ds: { kind: string }[]) => ds.map((d) => d.kind);

describe('deadlines (S6)', () => {
  it('gives a serious case an interim-measures deadline 72 hours after receipt; it is overdue only after that', () => {
    const c = caseWithDuty({ seriousness: serious });
    expect(deadlinesFor(c)).toEqual([
      { kind: 'triage', dueAt: at.days(7), metAt: null },
      { kind: 'interim_measures', dueAt: at.hours(72), metAt: null },
    ]);
    expect(overdue(c, at.hours(72))).toEqual([]);
    expect(kinds(overdue(c, '2026-03-13T09:00:00.001Z'))).toEqual(['interim_measures']);
  });

  it('escalates a serious case with no interim decision after 72 h exactly once, to the cleared commission only', () => {
    const c = caseWithDuty({ seriousness: serious }, { relationships: [{ a: 'c04', b: RESPONDENT }] });
    expect(escalateOverdue(c, at.hours(71))).toEqual([]);
    const first = escalateOverdue(c, at.hours(73));
    expect(first).toEqual([
      {
        type: 'DeadlineEscalated',
        caseId: c.id,
        at: at.hours(73),
        deadline: 'interim_measures',
        dueAt: at.hours(72),
        recipients: COMMISSIONERS.filter((m) => m !== 'c04'),
      },
    ]);
    expect(escalateOverdue(c, at.hours(74))).toEqual([]);
    expect(escalateOverdue(c, at.days(5))).toEqual([]);
    expect(c.state.escalations).toHaveLength(1);
    // A week on, triage is late too: that is a new deadline, escalated once.
    expect(escalateOverdue(c, at.days(8)).map((e) => e.type === 'DeadlineEscalated' && e.deadline)).toEqual(['triage']);
    expect(escalateOverdue(c, at.days(9))).toEqual([]);
  });

  it('is met by a decision of "no measures" as much as by measures', () => {
    const c = caseWithDuty({ seriousness: serious });
    c.recordInterimDecision({ decisionId: 'd', decidedBy: ['c01'], outcome: 'no_measures', measures: [], reasons: sealedRef('sealed:r') }, at.hours(70));
    expect(overdue(c, at.hours(100))).toEqual([]);
    expect(deadlinesFor(c).find((d) => d.kind === 'interim_measures')).toEqual({ kind: 'interim_measures', dueAt: at.hours(72), metAt: at.hours(70) });
  });

  it('runs the 72 hours from the moment triage marks a case serious, if later than receipt', () => {
    const c = caseWithDuty();
    expect(kinds(deadlinesFor(c))).toEqual(['triage']);
    c.triage('c01', { raise: { violence: true } }, at.days(2));
    expect(deadlinesFor(c).find((d) => d.kind === 'interim_measures')!.dueAt).toBe(at.days(5));
  });

  it('sets no interim deadline for record-only reports or cases that are not serious', () => {
    expect(kinds(deadlinesFor(fileCase({ path: 'record-only', seriousness: serious })))).toEqual(['triage']);
    expect(kinds(overdue(fileCase(), at.days(6)))).toEqual([]);
  });

  it('chains the stage deadlines: triage 7 days, panel 14 days after triage, finding 60 days after seating', () => {
    const t = triagedCase(); // triaged on day 1
    expect(deadlinesFor(t)).toEqual([
      { kind: 'triage', dueAt: at.days(7), metAt: at.days(1) },
      { kind: 'panel_seated', dueAt: at.days(15), metAt: null },
    ]);
    expect(kinds(overdue(t, at.days(15)))).toEqual([]);
    expect(kinds(overdue(t, at.days(16)))).toEqual(['panel_seated']);

    const { c, panel } = seatedCase(); // seated on day 2
    expect(deadlinesFor(c).find((d) => d.kind === 'finding')).toEqual({ kind: 'finding', dueAt: at.days(62), metAt: null });
    expect(kinds(overdue(c, at.days(63)))).toEqual(['finding']);
    c.beginInvestigation(panel[0], at.days(3));
    c.advanceToStage('finding', at.days(50));
    expect(overdue(c, at.days(63))).toEqual([]);
  });

  it('has nothing pending on a closed case, and restarts the triage clock when a record-only report is reopened', () => {
    const c = caseWithDuty({ path: 'record-only' });
    c.triage('c01', {}, at.days(1));
    expect(overdue(c, at.days(100))).toEqual([]);
    c.changePath(complainant, 'formal', {}, at.days(30));
    expect(deadlinesFor(c)).toEqual([{ kind: 'triage', dueAt: at.days(37), metAt: null }]);

    const w = caseWithDuty({ seriousness: serious });
    w.withdraw(complainant, at.hours(10));
    expect(overdue(w, at.days(30))).toEqual([]);
    expect(escalateOverdue(w, at.days(30))).toEqual([]);
  });

  it('takes the statutes\u2019 values, and refuses nonsense', () => {
    const policy = deadlinePolicy({ triageDays: 3, interimMeasuresHours: 48 });
    const c = caseWithDuty({ seriousness: serious });
    expect(deadlinesFor(c, policy)).toEqual([
      { kind: 'triage', dueAt: at.days(3), metAt: null },
      { kind: 'interim_measures', dueAt: at.hours(48), metAt: null },
    ]);
    expect(() => deadlinePolicy({ findingDays: 0 })).toThrow(/positive whole number/);
    expect(() => deadlinePolicy({ panelSeatedDays: 1.5 })).toThrow(/positive whole number/);
  });

  it('does not escalate while the case\u2019s recusal is stale (nobody could be told safely), then does', () => {
    const c = caseWithDuty({ seriousness: serious });
    c.addParticipant(complainant, 'witness', { kind: 'member', memberId: 'm-new' }, at.hours(1));
    expect(escalateOverdue(c, at.hours(80))).toEqual([]);
    expect(c.state.escalations).toEqual([]);
    c.recordRecusal(recusalFor(c), at.hours(81));
    expect(escalateOverdue(c, at.hours(82))).toHaveLength(1);
    expect(c.state.receivedAt).toBe(T0);
  });
});
