import { DomainError } from '@org/kernel';
import { AdHocPanelAppointment } from '../panel/ad-hoc-panel';
import { drawPanel, redrawSeat } from '../panel/panel-draw';
import { computeRecusal } from '../recusal/recusal.engine';
import { BranchPeriod } from '../recusal/recusal.types';
import { caseAccess } from './case-access.policy';
import { Case } from './case.aggregate';
import { CaseErrorCode } from './case.errors';
import { sealedRef } from './identifiers';
import {
  APPEALS,
  COMMISSIONERS,
  RESPONDENT,
  T0,
  at,
  caseWithDuty,
  candidates,
  complainant,
  recusalFor,
  respondent,
  seatedCase,
  triagedCase,
} from './case.test-fixtures';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** Redraws the vacated seat the way the application layer would. */
function redraw(c: Case, vacated: string, seed: string, when: string) {
  const outcome = recusalFor(c);
  c.recordRecusal(outcome, when);
  const record = redrawSeat({
    caseId: c.id,
    seed,
    recusal: outcome,
    vacated,
    remainingSeats: c.seatedPanel,
    previouslyRemoved: c.removedPanelists().filter((m) => m !== vacated),
    previousSeeds: c.usedSeeds(),
  });
  return { record, events: c.recordPanelDraw(record, when) };
}

describe('seating the panel', () => {
  it('seats a verified draw from the cleared commissioners and moves the case to panel_seated', () => {
    const c = triagedCase();
    const outcome = recusalFor(c, { facts: { relationships: [{ a: 'c03', b: RESPONDENT }] } });
    c.recordRecusal(outcome, at.days(2));
    const record = drawPanel({ caseId: c.id, seed: 'seed-seat-1', recusal: outcome });
    const events = c.recordPanelDraw(record, at.days(2));
    expect(events.map((e) => e.type)).toEqual(['PanelDrawn', 'PanelSeated']);
    expect(c.state).toMatchObject({ stage: 'panel_seated', panelSeatedAt: at.days(2) });
    expect(c.seatedPanel).toEqual(record.drawn.map((d) => d.memberId));
    expect(c.seatedPanel).not.toContain('c03');
    expect(c.state.panel.draws).toEqual([record]);
  });

  it('refuses a draw from a curated pool, a tampered record, a stale recusal or a reused seed', () => {
    const c = triagedCase();
    const outcome = recusalFor(c);
    c.recordRecusal(outcome, at.days(2));
    // Someone leaves an inconvenient commissioner out of the candidates.
    const curated = recusalFor(c, { candidates: candidates(COMMISSIONERS.filter((m) => m !== 'c05')) });
    expect(errorOf(() => c.recordPanelDraw(drawPanel({ caseId: c.id, seed: 'seed-curated', recusal: curated }), at.days(2))).code).toBe(
      CaseErrorCode.DrawStale,
    );
    const record = drawPanel({ caseId: c.id, seed: 'seed-honest', recusal: outcome });
    const other = record.pool.commissioners.find((m) => !record.drawn.some((d) => d.memberId === m))!;
    const tampered = { ...record, drawn: [{ memberId: other, source: 'commissioner' as const }, ...record.drawn.slice(1)] };
    expect(errorOf(() => c.recordPanelDraw(tampered, at.days(2))).code).toBe(CaseErrorCode.DrawMismatch);
    c.addParticipant(complainant, 'witness', { kind: 'member', memberId: 'm-new' }, at.days(2));
    expect(errorOf(() => c.recordPanelDraw(record, at.days(2))).code).toBe(CaseErrorCode.RecusalStale);
    expect(c.stage).toBe('triaged');
    expect(c.seatedPanel).toEqual([]);
  });

  it('does not draw a panel for a record-only report or before triage', () => {
    const c = triagedCase({ path: 'record-only' });
    const outcome = recusalFor(c);
    expect(errorOf(() => c.recordPanelDraw(drawPanel({ caseId: c.id, seed: 'seed-record-only', recusal: outcome }), at.days(2))).code).toBe(
      CaseErrorCode.StageDoesNotAllow,
    );
    const untriaged = caseWithDuty();
    const o2 = recusalFor(untriaged);
    expect(
      errorOf(() => untriaged.recordPanelDraw(drawPanel({ caseId: untriaged.id, seed: 'seed-untriaged', recusal: o2 }), at.days(2))).code,
    ).toBe(CaseErrorCode.StageDoesNotAllow);
  });

  it('asks the Appeals Committee for the seats nobody cleared can fill, and seats its cleared appointees', () => {
    const c = triagedCase();
    // Everyone but c01 shares the respondent's branch this year; the alternates are witnesses' friends.
    const shared: BranchPeriod[] = [
      { memberId: RESPONDENT, branchId: 'small', from: '2020-01-01', to: null },
      ...['c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'a01', 'a02'].map((memberId) => ({ memberId, branchId: 'small', from: '2025-01-01', to: null })),
    ];
    const cands = [
      ...candidates(),
      ...APPEALS.map((memberId) => ({ memberId, seat: 'appeals_member' as const })),
      ...['n1', 'n2', 'n3'].map((memberId) => ({ memberId, seat: 'ad_hoc' as const })),
    ];
    const outcome = recusalFor(c, { facts: { branchHistory: shared }, candidates: cands });
    c.recordRecusal(outcome, at.days(2));
    const record = drawPanel({ caseId: c.id, seed: 'seed-short', recusal: outcome });
    expect(record).toMatchObject({ drawn: [{ memberId: 'c01', source: 'commissioner' }], shortfall: 2, outcome: 'needs_ad_hoc_panel' });
    const events = c.recordPanelDraw(record, at.days(2));
    expect(events.map((e) => e.type)).toEqual(['PanelDrawn', 'AdHocPanelRequested']);
    expect(c.stage).toBe('triaged');

    const appointment = AdHocPanelAppointment.open({ caseId: c.id, seatsToFill: 2, committee: APPEALS, at: at.days(3) });
    const check = { recusal: outcome, mandates: [] };
    appointment.nominate('p01', 'n2', check, at.days(3));
    expect(errorOf(() => c.seatAdHocAppointees(appointment.toSnapshot(), at.days(3))).code).toBe(CaseErrorCode.AdHocAppointmentIncomplete);
    appointment.support('p02', 'n2', at.days(3));
    appointment.nominate('p02', 'n1', check, at.days(3));
    appointment.support('p03', 'n1', at.days(3));
    const seated = c.seatAdHocAppointees(appointment.toSnapshot(), at.days(4));
    expect(seated.map((e) => e.type)).toEqual(['PanelistSeated', 'PanelistSeated', 'PanelSeated']);
    expect(c.seatedPanel).toEqual(['c01', 'n2', 'n1']);
    expect(c.state.panel.seats.map((s) => s.source)).toEqual(['commissioner', 'ad_hoc', 'ad_hoc']);
    expect(c.stage).toBe('panel_seated');
  });
});

describe('recusal recomputed when facts change (S3)', () => {
  it('removes a panelist who shared a branch three years ago with a newly named respondent, and redraws only that seat', () => {
    const { c, panel } = seatedCase();
    const [p1, p2, p3] = panel;
    c.beginInvestigation(p1, at.days(3));
    // A second respondent is named; p2 shared a branch with them until three years ago.
    c.addParticipant(complainant, 'respondent', { kind: 'member', memberId: 'm-resp-2' }, at.days(10));
    const facts = {
      branchHistory: [
        { memberId: p2, branchId: 'east', from: '2018-01-01', to: '2023-03-01' },
        { memberId: 'm-resp-2', branchId: 'east', from: '2019-01-01', to: null },
      ],
    };
    const events = c.recordRecusal(recusalFor(c, { facts, computedAt: at.days(10) }), at.days(10));
    expect(events.map((e) => e.type)).toEqual(['RecusalRecorded', 'PanelSeatVacated']);
    expect(events[1]).toMatchObject({ memberId: p2, reason: 'conflict', redrawRequired: true });
    expect(c.seatedPanel).toEqual([p1, p3]);
    expect(c.vacantSeats).toBe(1);
    expect(caseAccess(c, { memberId: p2, isCommissioner: true }).role).toBe('none');

    const outcome = recusalFor(c, { facts, computedAt: at.days(11) });
    c.recordRecusal(outcome, at.days(11));
    const record = redrawSeat({
      caseId: c.id,
      seed: 'seed-replace-p2',
      recusal: outcome,
      vacated: p2,
      remainingSeats: c.seatedPanel,
      previouslyRemoved: [],
      previousSeeds: c.usedSeeds(),
    });
    const seated = c.recordPanelDraw(record, at.days(11));
    expect(seated.map((e) => e.type)).toEqual(['PanelDrawn', 'PanelistSeated']);
    expect(c.seatedPanel.slice(0, 2)).toEqual([p1, p3]);
    expect(c.seatedPanel[2]).not.toBe(p2);
    expect(c.state.panel.removed).toEqual([{ memberId: p2, reason: 'conflict', at: at.days(10), replacement: 'drawn' }]);
    expect(errorOf(() => c.recordPanelDraw(record, at.days(12))).code).toBe(CaseErrorCode.NoVacantSeat);
  });

  it('refuses a redraw that puts a removed panelist back, reuses a seed, or changes the seats that stay', () => {
    const { c, panel } = seatedCase();
    c.selfRecuse(panel[0], sealedRef('sealed:reason'), at.days(3));
    const outcome = recusalFor(c);
    c.recordRecusal(outcome, at.days(3));
    const base = { caseId: c.id, recusal: outcome, vacated: panel[0], previouslyRemoved: [] as string[], previousSeeds: [] as string[] };
    expect(errorOf(() => c.recordPanelDraw(redrawSeat({ ...base, seed: 'seed-0001-initial', remainingSeats: c.seatedPanel }), at.days(3))).code).toBe(
      CaseErrorCode.SeedReused,
    );
    expect(
      errorOf(() => c.recordPanelDraw(redrawSeat({ ...base, seed: 'seed-other-1', remainingSeats: [c.seatedPanel[0]] }), at.days(3))).code,
    ).toBe(CaseErrorCode.DrawStale);
    // A recusal that forgot the self-recusal is refused outright.
    const forgetful = computeRecusal({
      caseId: c.id,
      intakeDate: '2026-03-10',
      computedAt: at.days(3),
      ...c.participantsForRecusal(),
      reportedEvents: [],
      candidates: candidates(),
      facts: { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [] },
    });
    expect(errorOf(() => c.recordRecusal(forgetful, at.days(3))).code).toBe(CaseErrorCode.RecusalStale);
    const { events } = redraw(c, panel[0], 'seed-ok-0001', at.days(3));
    expect(events.map((e) => e.type)).toEqual(['PanelDrawn', 'PanelistSeated']);
    expect(c.seatedPanel).not.toContain(panel[0]);
    expect(c.state.selfRecusals).toEqual([{ memberId: panel[0], role: 'panelist', reason: 'sealed:reason', at: at.days(3) }]);
  });

  it('refuses a redraw that forgets an earlier removal, even once that person is cleared again', () => {
    const { c, panel } = seatedCase();
    const [p1, p2] = panel;
    c.addParticipant(complainant, 'witness', { kind: 'member', memberId: 'm-w2' }, at.days(3));
    c.recordRecusal(recusalFor(c, { facts: { relationships: [{ a: p2, b: RESPONDENT }] } }), at.days(3));
    expect(c.seatedPanel).not.toContain(p2);
    redraw(c, p2, 'seed-replace-0001', at.days(3)); // the declared relationship turns out to be a mistake: p2 is cleared again
    c.selfRecuse(p1, sealedRef('sealed:r'), at.days(4));
    const outcome = recusalFor(c);
    c.recordRecusal(outcome, at.days(4));
    const forgetful = redrawSeat({
      caseId: c.id,
      seed: 'seed-replace-0002',
      recusal: outcome,
      vacated: p1,
      remainingSeats: c.seatedPanel,
      previouslyRemoved: [], // p2 left out
      previousSeeds: c.usedSeeds(),
    });
    expect(forgetful.pool.commissioners).toContain(p2);
    expect(errorOf(() => c.recordPanelDraw(forgetful, at.days(4))).code).toBe(CaseErrorCode.DrawStale);
    const { record } = redraw(c, p1, 'seed-replace-0003', at.days(4));
    expect(record.pool.commissioners).not.toContain(p2);
    expect(c.seatedPanel).not.toContain(p2);
  });

  it('never re-uses anyone removed from the panel across successive redraws', () => {
    const { c } = seatedCase();
    const removed: string[] = [];
    for (let i = 0; i < 4; i++) {
      const leaving = c.seatedPanel[i % c.seatedPanel.length];
      c.selfRecuse(leaving, sealedRef('sealed:r'), at.days(3 + i));
      removed.push(leaving);
      redraw(c, leaving, `seed-round-${i}-x`, at.days(3 + i));
      for (const m of removed) expect(c.seatedPanel).not.toContain(m);
    }
    expect(c.removedPanelists()).toEqual([...removed].sort());
  });
});

describe('challenges of a panelist by a party (S3)', () => {
  it('are decided by the other panelists; an upheld challenge removes the panelist for good', () => {
    const { c, panel } = seatedCase();
    const [p1, p2, p3] = panel;
    c.beginInvestigation(p1, at.days(3));
    const lodged = c.challengePanelist(respondent, { challengeId: 'ch-1', panelistId: p3, grounds: sealedRef('sealed:g') }, at.days(4));
    expect(lodged).toEqual([
      { type: 'PanelistChallenged', caseId: c.id, at: at.days(4), challengeId: 'ch-1', panelistId: p3, deciders: [p1, p2] },
    ]);
    expect(errorOf(() => c.voteOnChallenge(p3, 'ch-1', false, at.days(5))).code).toBe(CaseErrorCode.NotAChallengeDecider);
    const decided = c.voteOnChallenge(p1, 'ch-1', true, at.days(5));
    expect(decided.map((e) => e.type)).toEqual(['ChallengeVoteCast', 'ChallengeDecided', 'PanelSeatVacated']);
    expect(decided[2]).toMatchObject({ memberId: p3, reason: 'challenge_upheld' });
    expect(c.recusalExclusions().challengeUpheld).toEqual([p3]);
    const { record } = redraw(c, p3, 'seed-after-challenge', at.days(6));
    expect(record.drawn[0].memberId).not.toBe(p3);
    expect(c.seatedPanel).toHaveLength(3);
    // The challenger sees the decision; the other party does not see the challenge.
    const complainantSees = c.timelineFor(complainant).map((e) => e.kind);
    const respondentSees = c.timelineFor(respondent).map((e) => e.kind);
    expect(respondentSees).toEqual(expect.arrayContaining(['PanelistChallenged', 'ChallengeDecided']));
    expect(complainantSees).not.toContain('PanelistChallenged');
    expect(complainantSees).not.toContain('ChallengeDecided');
  });

  it('leaves the panelist seated when the others reject it, and refuses a repeat by the same party', () => {
    const { c, panel } = seatedCase();
    c.challengePanelist(complainant, { challengeId: 'ch-1', panelistId: panel[0], grounds: sealedRef('sealed:g') }, at.days(3));
    c.voteOnChallenge(panel[1], 'ch-1', false, at.days(4));
    const events = c.voteOnChallenge(panel[2], 'ch-1', false, at.days(4));
    expect(events[1]).toMatchObject({ type: 'ChallengeDecided', upheld: false, votesToReject: 2 });
    expect(c.seatedPanel).toEqual(panel);
    expect(
      errorOf(() => c.challengePanelist(complainant, { challengeId: 'ch-2', panelistId: panel[0], grounds: sealedRef('sealed:g') }, at.days(5))).code,
    ).toBe(CaseErrorCode.ChallengeAlreadyLodged);
  });

  it('may be lodged only by a party: a panelist is refused, anyone else gets "not found"', () => {
    const { c, panel } = seatedCase();
    const input = { challengeId: 'x', panelistId: panel[0], grounds: sealedRef('sealed:g') };
    expect(errorOf(() => c.challengePanelist({ memberId: panel[1] }, input, at.days(3))).code).toBe(CaseErrorCode.ReservedToParty);
    expect(errorOf(() => c.challengePanelist({ memberId: 'ec-chair' }, input, at.days(3))).kind).toBe('not_found');
    expect(errorOf(() => c.challengePanelist(respondent, input, at.days(3))).kind).toBe('not_found'); // not yet told of the case
  });

  it('is settled by the remaining panelist when a decider leaves before voting', () => {
    const { c, panel } = seatedCase();
    c.challengePanelist(complainant, { challengeId: 'ch-1', panelistId: panel[0], grounds: sealedRef('sealed:g') }, at.days(3));
    c.voteOnChallenge(panel[1], 'ch-1', false, at.days(4)); // 1 of 2 against: not decided
    const events = c.selfRecuse(panel[2], sealedRef('sealed:r'), at.days(5)); // 1 of 1 against: rejected
    expect(events.map((e) => e.type)).toEqual(['PanelSeatVacated', 'ChallengeDecided']);
    expect(events[1]).toMatchObject({ upheld: false });
  });
});

describe('starting the investigation', () => {
  it('needs a full panel and a panelist to start it', () => {
    const { c, panel } = seatedCase();
    expect(errorOf(() => c.beginInvestigation('c99', at.days(3))).kind).toBe('not_found');
    c.selfRecuse(panel[0], sealedRef('sealed:r'), at.days(3));
    expect(errorOf(() => c.beginInvestigation(panel[1], at.days(3))).code).toBe(CaseErrorCode.StageDoesNotAllow);
    redraw(c, panel[0], 'seed-fill-0001', at.days(3));
    expect(c.beginInvestigation(panel[1], at.days(4))).toEqual([
      { type: 'InvestigationBegun', caseId: c.id, at: at.days(4), respondentsNotified: [RESPONDENT] },
    ]);
    expect(c.state.receivedAt).toBe(T0);
  });
});
