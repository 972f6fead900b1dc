import { computeRecusal } from '../recusal/recusal.engine';
import { BodyMandate, RecusalOutcome } from '../recusal/recusal.types';
import { AdHocPanelAppointment, holdsIncompatibleMandate } from './ad-hoc-panel';

const T = '2026-04-01T10:00:00Z';
const committee = ['p1', 'p2', 'p3'];

function nomineesRecusal(conflicted: string[] = []): RecusalOutcome {
  return computeRecusal({
    caseId: 'case-1',
    intakeDate: '2026-03-10',
    computedAt: T,
    parties: ['resp'],
    witnesses: conflicted,
    supportPersons: [],
    reportedEvents: [],
    candidates: ['n1', 'n2', 'n3', 'n4'].map((memberId) => ({ memberId, seat: 'ad_hoc' as const })),
    facts: { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [] },
  });
}

const ok = { recusal: nomineesRecusal(), mandates: [] as BodyMandate[] };

describe('ad-hoc panel appointment by the Appeals Committee', () => {
  it('appoints a nominee once a majority of the committee backs them, in order, until the seats are filled', () => {
    const a = AdHocPanelAppointment.open({ caseId: 'case-1', seatsToFill: 2, committee, at: T });
    expect(a.nominate('p1', 'n1', ok, T).map((e) => e.type)).toEqual(['AdHocNomineeProposed']);
    expect(a.appointees).toEqual([]); // 1 of 3 is no majority
    expect(a.support('p2', 'n1', T).map((e) => e.type)).toEqual(['AdHocNomineeSupported', 'AdHocPanelistAppointed']);
    expect(a.support('p2', 'n1', T)).toEqual([]); // idempotent
    a.nominate('p3', 'n2', ok, T);
    const events = a.nominate('p1', 'n2', ok, T); // nominating again = backing
    expect(events.map((e) => e.type)).toEqual(['AdHocNomineeSupported', 'AdHocPanelistAppointed', 'AdHocAppointmentCompleted']);
    expect(a.appointees).toEqual(['n1', 'n2']);
    expect(a.isComplete).toBe(true);
    expect(() => a.nominate('p1', 'n3', ok, T)).toThrow(/already filled/);
    expect(AdHocPanelAppointment.fromSnapshot(a.toSnapshot()).toSnapshot()).toEqual(a.toSnapshot());
  });

  it('refuses nominees with a conflict, unchecked nominees, committee members and holders of incompatible seats', () => {
    const a = AdHocPanelAppointment.open({ caseId: 'case-1', seatsToFill: 1, committee, at: T });
    expect(() => a.nominate('p1', 'n1', { recusal: nomineesRecusal(['n1']), mandates: [] }, T)).toThrow(/conflict with this case/);
    expect(() => a.nominate('p1', 'n9', ok, T)).toThrow(/not been checked/);
    expect(() => a.nominate('p1', 'p2', ok, T)).toThrow(/Appeals Committee members do not sit/);
    const ec: BodyMandate = { memberId: 'n2', bodyId: 'ec', bodyKind: 'EC', from: '2025-01-01', to: null };
    expect(() => a.nominate('p1', 'n2', { recusal: nomineesRecusal(), mandates: [ec] }, T)).toThrow(/EC, CC/);
    expect(a.toSnapshot().nominations).toEqual([]);
  });

  it('lets only committee members act', () => {
    const a = AdHocPanelAppointment.open({ caseId: 'case-1', seatsToFill: 1, committee, at: T });
    expect(() => a.nominate('ec-chair', 'n1', ok, T)).toThrow(/Only members of the Appeals Committee/);
    a.nominate('p1', 'n1', ok, T);
    expect(() => a.support('staff-1', 'n1', T)).toThrow(/Only members of the Appeals Committee/);
  });

  it('knows which seats are incompatible, and when', () => {
    const m = (bodyKind: BodyMandate['bodyKind'], from: string, to: string | null): BodyMandate => ({ memberId: 'x', bodyId: 'b', bodyKind, from, to });
    expect(holdsIncompatibleMandate('x', [m('STAFF', '2020-01-01', null)], '2026-04-01')).toBe(true);
    expect(holdsIncompatibleMandate('x', [m('CC', '2020-01-01', '2026-04-01')], '2026-04-01')).toBe(false);
    expect(holdsIncompatibleMandate('x', [m('BRANCH_COMMITTEE', '2020-01-01', null)], '2026-04-01')).toBe(false);
    expect(holdsIncompatibleMandate('y', [m('EC', '2020-01-01', null)], '2026-04-01')).toBe(false);
  });
});
