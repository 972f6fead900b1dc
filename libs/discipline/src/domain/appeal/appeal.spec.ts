import { Finding } from '../finding/finding.entity';
import { FindingErrorCode } from '../finding/finding.errors';
import {
  COMPLAINANT,
  EXPULSION,
  PANEL,
  RESPONDENT,
  SUSPENSION,
  WARNING,
  at,
  expectDomainError,
  notifiedFinding,
  openFinding,
} from '../finding/finding.test-fixtures';
import { computeRecusal } from '../recusal/recusal.engine';
import type { BodyMandate } from '../recusal/recusal.types';
import { Appeal, AppealGround } from './appeal.entity';
import { AppealErrorCode } from './appeal.errors';

const GROUNDS: AppealGround[] = [{ ground: 'disproportionate_sanction', text: 'A suspension is too harsh for a first incident.' }];
const APPEALS_PANEL = ['ap-1', 'ap-2', 'ap-3'];

const upheldSuspension = () =>
  notifiedFinding([{ verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'uphold', sanction: SUSPENSION }, { verdict: 'not_uphold' }]);

function lodged(finding = upheldSuspension(), appellantId = RESPONDENT, now = at(40)) {
  const { next: appeal } = Appeal.lodge({ appealId: 'appeal-1', finding, appellantId, grounds: GROUNDS, now });
  const { next: underAppeal } = finding.registerAppeal(appeal, now);
  return { appeal, finding: underAppeal };
}

type VoteSanction = Parameters<Appeal['castVote']>[0]['sanction'];

/** Two members of the appeals panel vote for `outcome`: a majority of three. */
function decided(outcome: 'uphold' | 'modify_sanction' | 'remand', sanction?: VoteSanction) {
  const { appeal, finding } = lodged();
  const seated = appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
  const one = seated.castVote({ panelistId: 'ap-1', outcome, sanction, reasons: 'Reasons of the first member.', now: at(59) }).next;
  const done = one.castVote({ panelistId: 'ap-2', outcome, sanction, reasons: 'Reasons of the second member.', now: at(60) }).next;
  return { appeal: done, finding };
}

describe('Appeal: who may appeal, and when', () => {
  it('lets the respondent or the complainant appeal', () => {
    expect(lodged(upheldSuspension(), RESPONDENT).appeal.appellants[0]).toMatchObject({ personId: RESPONDENT, role: 'respondent' });
    expect(lodged(upheldSuspension(), COMPLAINANT).appeal.appellants[0]).toMatchObject({ personId: COMPLAINANT, role: 'complainant' });
  });

  it.each(['ec-chair', 'cc-1', 'some-member'])('refuses %s, who is not a party', (who) => {
    const error = expectDomainError(
      () => Appeal.lodge({ appealId: 'a', finding: upheldSuspension(), appellantId: who, grounds: GROUNDS, now: at(40) }),
      AppealErrorCode.NotAParty,
    );
    expect(error.kind).toBe('forbidden');
  });

  it('accepts an appeal up to the last moment of the 30-day window and refuses it from the deadline on', () => {
    const finding = upheldSuspension(); // notified at day 31 → deadline day 61
    expect(() => Appeal.lodge({ appealId: 'a', finding, appellantId: RESPONDENT, grounds: GROUNDS, now: new Date(Date.parse(at(61)) - 1).toISOString() })).not.toThrow();
    expectDomainError(() => Appeal.lodge({ appealId: 'a', finding, appellantId: RESPONDENT, grounds: GROUNDS, now: at(61) }), AppealErrorCode.WindowClosed);
    expectDomainError(() => Appeal.lodge({ appealId: 'a', finding, appellantId: RESPONDENT, grounds: GROUNDS, now: at(200) }), AppealErrorCode.WindowClosed);
    // and of course a finding already final by lapse of time
    const final = finding.finalizeIfAppealWindowPassed(at(61)).next;
    expectDomainError(() => Appeal.lodge({ appealId: 'a', finding: final, appellantId: RESPONDENT, grounds: GROUNDS, now: at(50) }), AppealErrorCode.WindowClosed);
  });

  it('refuses an appeal before the parties are notified of the finding', () => {
    let f: Finding = openFinding();
    for (const id of PANEL) f = f.castVote({ panelistId: id, verdict: 'uphold', proposedSanction: WARNING, now: at(1) }).next;
    f = f.decide({ rule: '§4', reasons: 'r', now: at(2) }).next;
    expectDomainError(() => Appeal.lodge({ appealId: 'a', finding: f, appellantId: RESPONDENT, grounds: GROUNDS, now: at(3) }), AppealErrorCode.FindingNotAppealable);
  });

  it('requires at least one stated ground, each with a text, from the statutory list', () => {
    const finding = upheldSuspension();
    const lodge = (grounds: unknown) => () => Appeal.lodge({ appealId: 'a', finding, appellantId: RESPONDENT, grounds: grounds as AppealGround[], now: at(40) });
    expectDomainError(lodge([]), AppealErrorCode.GroundsRequired);
    expectDomainError(lodge(undefined), AppealErrorCode.GroundsRequired);
    expectDomainError(lodge([{ ground: 'procedural_error', text: '  ' }]), 'discipline.text_required');
    expectDomainError(lodge([{ ground: 'i_disagree', text: 'x' }]), AppealErrorCode.InvalidGround);
    expectDomainError(
      lodge([
        { ground: 'new_evidence', text: 'a' },
        { ground: 'new_evidence', text: 'b' },
      ]),
      AppealErrorCode.InvalidGround,
    );
  });

  it('has one appeal per finding: the other party joins it within the window', () => {
    const { appeal, finding } = lodged();
    const again = expectDomainError(
      () => Appeal.lodge({ appealId: 'appeal-2', finding, appellantId: COMPLAINANT, grounds: GROUNDS, now: at(41) }),
      AppealErrorCode.AlreadyPending,
    );
    expect(again.details).toEqual({ appealId: 'appeal-1' });
    const joined = appeal.join({ appellantId: COMPLAINANT, grounds: [{ ground: 'disproportionate_sanction', text: 'Too lenient.' }], now: at(41) }).next;
    expect(joined.appellants.map((a) => a.role)).toEqual(['respondent', 'complainant']);
    expectDomainError(() => joined.join({ appellantId: COMPLAINANT, grounds: GROUNDS, now: at(42) }), AppealErrorCode.AlreadyAppellant);
    expectDomainError(() => appeal.join({ appellantId: 'ec-chair', grounds: GROUNDS, now: at(42) }), AppealErrorCode.NotAParty);
    expectDomainError(() => appeal.join({ appellantId: COMPLAINANT, grounds: GROUNDS, now: at(61) }), AppealErrorCode.WindowClosed);
  });
});

describe('Appeal: the Appeals Committee panel', () => {
  it('shares no member with the panel that made the finding, and seats no party', () => {
    const { appeal } = lodged();
    const error = expectDomainError(() => appeal.seatPanel({ memberIds: ['ap-1', 'cc-2', 'ap-3'], now: at(45) }), AppealErrorCode.PanelOverlapsFirstPanel);
    expect(error.details).toEqual({ memberIds: ['cc-2'] });
    expectDomainError(() => appeal.seatPanel({ memberIds: ['ap-1', COMPLAINANT], now: at(45) }), AppealErrorCode.InvalidPanel);
    expectDomainError(() => appeal.seatPanel({ memberIds: ['ap-1', 'ap-1'], now: at(45) }), AppealErrorCode.InvalidPanel);
    expect(appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next.appealsPanelIds).toEqual(APPEALS_PANEL);
  });

  it('is decided by its members’ votes: one vote decides nothing, a majority of the whole panel for the same outcome decides, with counts from the votes', () => {
    const seated = lodged().appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
    const first = seated.castVote({ panelistId: 'ap-1', outcome: 'uphold', reasons: 'Within the panel’s discretion.', now: at(50) });
    expect(first.next.status).toBe('panel_seated');
    expect(first.next.decision).toBeNull();
    expect(first.next.outstandingVoters()).toEqual(['ap-2', 'ap-3']);
    expect(first.events).toEqual([expect.objectContaining({ type: 'discipline.appeal.vote_cast', panelistId: 'ap-1', changed: false })]);
    // A vote for another outcome does not add up with it.
    const second = first.next.castVote({ panelistId: 'ap-2', outcome: 'remand', reasons: 'The new evidence needs weighing.', now: at(51) });
    expect(second.next.decision).toBeNull();
    const third = second.next.castVote({ panelistId: 'ap-3', outcome: 'uphold', reasons: 'Proportionate.', now: at(52) });
    expect(third.next.status).toBe('decided');
    expect(third.next.decision).toEqual({
      outcome: 'uphold',
      sanction: null,
      reasons: 'Within the panel’s discretion.\n\nProportionate.',
      counts: { inFavour: 2, against: 1, notVoted: 0 },
      decidedAt: at(52),
    });
    expect(third.events.map((e) => e.type)).toEqual(['discipline.appeal.vote_cast', 'discipline.appeal.decided']);
    // Decided: no more votes, no change of vote.
    expectDomainError(() => third.next.castVote({ panelistId: 'ap-2', outcome: 'uphold', reasons: 'r', now: at(53) }), AppealErrorCode.WrongStatus);
  });

  it('a majority is reached before everyone has voted; the member who has not voted is counted as such', () => {
    const seated = lodged().appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
    const two = seated
      .castVote({ panelistId: 'ap-1', outcome: 'remand', reasons: 'a', now: at(50) })
      .next.castVote({ panelistId: 'ap-3', outcome: 'remand', reasons: 'b', now: at(51) }).next;
    expect(two.decision).toMatchObject({ outcome: 'remand', counts: { inFavour: 2, against: 0, notVoted: 1 } });
  });

  it('a member may change their vote until the decision; their new vote replaces the old one', () => {
    const seated = lodged().appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
    const once = seated.castVote({ panelistId: 'ap-1', outcome: 'uphold', reasons: 'a', now: at(50) }).next;
    const changed = once.castVote({ panelistId: 'ap-1', outcome: 'remand', reasons: 'On reflection, remand.', now: at(51) });
    expect(changed.events[0]).toMatchObject({ type: 'discipline.appeal.vote_cast', changed: true });
    expect(changed.next.votes).toEqual([expect.objectContaining({ panelistId: 'ap-1', outcome: 'remand', reasons: 'On reflection, remand.' })]);
    // The same member voting twice is still one vote: no majority of three.
    const again = changed.next.castVote({ panelistId: 'ap-1', outcome: 'remand', reasons: 'Still remand.', now: at(52) }).next;
    expect(again.decision).toBeNull();
    expect(again.votes).toHaveLength(1);
  });

  it('for modify_sanction the sanction is part of the vote: different sanctions are not a majority', () => {
    const seated = lodged().appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
    const a = seated.castVote({ panelistId: 'ap-1', outcome: 'modify_sanction', sanction: WARNING, reasons: 'a', now: at(50) }).next;
    const b = a.castVote({ panelistId: 'ap-2', outcome: 'modify_sanction', sanction: { kind: 'conditions', conditions: 'Training.' }, reasons: 'b', now: at(51) }).next;
    expect(b.decision).toBeNull();
    const c = b.castVote({ panelistId: 'ap-3', outcome: 'modify_sanction', sanction: { kind: 'conditions', conditions: 'Training.' }, reasons: 'c', now: at(52) }).next;
    expect(c.decision).toMatchObject({ outcome: 'modify_sanction', sanction: { kind: 'conditions', conditions: 'Training.' }, counts: { inFavour: 2, against: 1, notVoted: 0 }, reasons: 'b\n\nc' });
  });

  it('only a seated member of the appeals panel votes, with reasons, once the panel is seated', () => {
    const { appeal } = lodged();
    expectDomainError(() => appeal.castVote({ panelistId: 'ap-1', outcome: 'uphold', reasons: 'r', now: at(44) }), AppealErrorCode.WrongStatus);
    const seated = appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
    expect(expectDomainError(() => seated.castVote({ panelistId: 'ap-9', outcome: 'uphold', reasons: 'r', now: at(50) }), AppealErrorCode.NotAnAppealsPanelist).kind).toBe('forbidden');
    expectDomainError(() => seated.castVote({ panelistId: 'cc-1', outcome: 'uphold', reasons: 'r', now: at(50) }), AppealErrorCode.NotAnAppealsPanelist);
    expectDomainError(() => seated.castVote({ panelistId: 'ap-1', outcome: 'uphold', reasons: '  ', now: at(50) }), 'discipline.text_required');
    expectDomainError(() => seated.castVote({ panelistId: 'ap-1', outcome: 'uphold', sanction: WARNING, reasons: 'r', now: at(50) }), AppealErrorCode.InvalidOutcome);
    expectDomainError(() => seated.castVote({ panelistId: 'ap-1', outcome: 'dismiss' as never, reasons: 'r', now: at(50) }), AppealErrorCode.InvalidOutcome);
  });

  it('re-seating the panel drops the vote of a member no longer on it', () => {
    const seated = lodged().appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
    const voted = seated.castVote({ panelistId: 'ap-3', outcome: 'uphold', reasons: 'r', now: at(50) }).next;
    const reseated = voted.seatPanel({ memberIds: ['ap-1', 'ap-2', 'ap-4'], now: at(51) }).next;
    expect(reseated.votes).toEqual([]);
  });

  it('cannot modify the sanction into "no finding", into the same sanction, or of a finding that was not upheld', () => {
    const seated = lodged().appeal.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
    const modify = (sanction: VoteSanction) => () => seated.castVote({ panelistId: 'ap-1', outcome: 'modify_sanction', sanction, reasons: 'r', now: at(60) });
    expectDomainError(modify(undefined), AppealErrorCode.InvalidOutcome);
    expectDomainError(modify({ kind: 'no_finding' }), AppealErrorCode.InvalidOutcome);
    expectDomainError(modify(SUSPENSION), AppealErrorCode.InvalidOutcome);
    const notUpheld = notifiedFinding([{ verdict: 'not_uphold' }, { verdict: 'not_uphold' }, { verdict: 'uphold', sanction: WARNING }]);
    const byComplainant = Appeal.lodge({ appealId: 'a', finding: notUpheld, appellantId: COMPLAINANT, grounds: GROUNDS, now: at(40) }).next;
    const s2 = byComplainant.seatPanel({ memberIds: APPEALS_PANEL, now: at(45) }).next;
    expectDomainError(() => s2.castVote({ panelistId: 'ap-1', outcome: 'modify_sanction', sanction: WARNING, reasons: 'r', now: at(60) }), AppealErrorCode.InvalidOutcome);
  });
});

describe('Appeal decisions applied to the finding', () => {
  it('uphold: the finding becomes final as the panel decided', () => {
    const { appeal, finding } = decided('uphold');
    const { next, events } = finding.applyAppealDecision(appeal.decidedView(), at(60));
    expect(next.status).toBe('final');
    expect(next.finalSanction).toEqual(SUSPENSION);
    expect(events[0]).toMatchObject({ type: 'discipline.finding.became_final', via: 'appeal_upheld' });
  });

  it('modify_sanction: final with the new sanction, the panel’s original decision and vote kept', () => {
    const { appeal, finding } = decided('modify_sanction', WARNING);
    const { next } = finding.applyAppealDecision(appeal.decidedView(), at(60));
    expect(next.status).toBe('final');
    expect(next.finalSanction).toEqual(WARNING);
    expect(next.decision).toMatchObject({ sanction: SUSPENSION, counts: { uphold: 2, notUphold: 1 } });
    expect(next.appealOutcome).toMatchObject({ appealId: 'appeal-1', outcome: 'modify_sanction' });
    expect(next.effects().restrictions).toEqual([]);
  });

  it('remand: the finding is set aside and a new panel may include no member of the first nor of the appeals panel', () => {
    const { appeal, finding } = decided('remand');
    const { next } = finding.applyAppealDecision(appeal.decidedView(), at(60));
    expect(next.status).toBe('set_aside');
    expectDomainError(() => next.effects(), FindingErrorCode.NotFinal);
    const excluded = appeal.remandExclusions();
    expect([...excluded].sort()).toEqual([...PANEL, ...APPEALS_PANEL].sort());
    expectDomainError(
      () => openFinding({ findingId: 'finding-2', panelistIds: ['cc-9', 'cc-1', 'cc-8'], excludedPanelistIds: excluded, remandOf: 'finding-1' }),
      FindingErrorCode.PanelistExcluded,
    );
    expectDomainError(
      () => openFinding({ findingId: 'finding-2', panelistIds: ['cc-9', 'ap-2', 'cc-8'], excludedPanelistIds: excluded, remandOf: 'finding-1' }),
      FindingErrorCode.PanelistExcluded,
    );
    const second = openFinding({ findingId: 'finding-2', panelistIds: ['cc-7', 'cc-8', 'cc-9'], excludedPanelistIds: excluded, remandOf: 'finding-1' });
    expect(second.toSnapshot()).toMatchObject({ remandOf: 'finding-1', status: 'deliberating' });
  });

  it('after a second remand, the exclusions accumulate over every earlier panel', () => {
    const { appeal } = decided('remand');
    let f = openFinding({ findingId: 'finding-2', panelistIds: ['cc-7', 'cc-8', 'cc-9'], excludedPanelistIds: appeal.remandExclusions() });
    for (const id of ['cc-7', 'cc-8', 'cc-9']) f = f.castVote({ panelistId: id, verdict: 'uphold', proposedSanction: EXPULSION, now: at(70) }).next;
    f = f.decide({ rule: '§4', reasons: 'r', now: at(71) }).next.notifyParties(at(72)).next;
    const second = Appeal.lodge({ appealId: 'appeal-2', finding: f, appellantId: RESPONDENT, grounds: GROUNDS, now: at(73) }).next;
    expectDomainError(() => second.seatPanel({ memberIds: ['ap-1', 'ap-9'], now: at(74) }), AppealErrorCode.PanelOverlapsFirstPanel);
    const remanded = second
      .seatPanel({ memberIds: ['ap-7', 'ap-8', 'ap-9'], now: at(74) })
      .next.castVote({ panelistId: 'ap-7', outcome: 'remand', reasons: 'r', now: at(79) })
      .next.castVote({ panelistId: 'ap-9', outcome: 'remand', reasons: 'r', now: at(80) }).next;
    expect([...remanded.remandExclusions()].sort()).toEqual(['ap-1', 'ap-2', 'ap-3', 'ap-7', 'ap-8', 'ap-9', 'cc-1', 'cc-2', 'cc-3', 'cc-7', 'cc-8', 'cc-9']);
  });

  it('only a remanded appeal has remand exclusions, and an undecided appeal cannot be applied', () => {
    expectDomainError(() => decided('uphold').appeal.remandExclusions(), AppealErrorCode.NotRemanded);
    expectDomainError(() => lodged().appeal.decidedView(), AppealErrorCode.WrongStatus);
  });

  it('a decision is applied only to the finding it concerns', () => {
    const { appeal, finding } = decided('uphold');
    const aboutAnotherFinding = { ...appeal.decidedView(), findingId: 'finding-other' };
    expectDomainError(() => finding.applyAppealDecision(aboutAnotherFinding, at(60)), FindingErrorCode.AppealMismatch);
    const anotherAppeal = { ...appeal.decidedView(), appealId: 'appeal-other' };
    expectDomainError(() => finding.applyAppealDecision(anotherAppeal, at(60)), FindingErrorCode.AppealMismatch);
  });
});

describe('Appeal: an appeals panel the draw could not fill (S3 shortfall)', () => {
  const recusalFor = (caseId: string, conflicted: string[] = []) =>
    computeRecusal({
      caseId,
      intakeDate: '2026-01-01',
      computedAt: at(41),
      parties: [RESPONDENT, COMPLAINANT],
      witnesses: conflicted,
      supportPersons: [],
      reportedEvents: [],
      candidates: ['n1', 'n2', 'n3'].map((memberId) => ({ memberId, seat: 'ad_hoc' as const })),
      facts: { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [] },
    });
  const check = (caseId: string, o: { conflicted?: string[]; mandates?: BodyMandate[]; activeMember?: boolean } = {}) => ({
    recusal: recusalFor(caseId, o.conflicted),
    mandates: o.mandates ?? [],
    activeMember: o.activeMember ?? true,
  });

  it('the members drawn appoint the missing members by majority; the last appointment seats the panel', () => {
    const { appeal } = lodged();
    const short = appeal.requestAdHocPanel({ committee: ['ap-1', 'ap-2'], seatsToFill: 1, now: at(40) });
    expect(short.adHocCommittee).toEqual(['ap-1', 'ap-2']);
    expect(short.status).toBe('lodged');
    const first = short.nominateAdHocPanelist({ by: 'ap-1', nomineeId: 'n1', check: check(appeal.toSnapshot().caseId), now: at(41) });
    expect(first.next.status).toBe('lodged'); // 1 of 2 is no majority
    expect(first.events).toEqual([expect.objectContaining({ type: 'discipline.appeal.ad_hoc_nomination', nomineeId: 'n1', appointed: false })]);
    const second = first.next.nominateAdHocPanelist({ by: 'ap-2', nomineeId: 'n1', check: check(appeal.toSnapshot().caseId), now: at(42) });
    expect(second.next.status).toBe('panel_seated');
    expect([...second.next.appealsPanelIds].sort()).toEqual(['ap-1', 'ap-2', 'n1']);
    expect(second.events.map((e) => e.type)).toEqual(['discipline.appeal.ad_hoc_nomination', 'discipline.appeal.panel_seated']);
    expect(second.next.adHocCommittee).toEqual([]);
    expectDomainError(() => second.next.nominateAdHocPanelist({ by: 'ap-1', nomineeId: 'n2', check: check(appeal.toSnapshot().caseId), now: at(43) }), AppealErrorCode.NoAdHocSeat);
  });

  it('refuses a nominee who is conflicted, holds an incompatible seat, sat on the first panel, is a party or not an active member — and a nominator not drawn', () => {
    const { appeal } = lodged();
    const caseId = appeal.toSnapshot().caseId;
    const short = appeal.requestAdHocPanel({ committee: ['ap-1', 'ap-2'], seatsToFill: 1, now: at(40) });
    const nominate = (nomineeId: string, c = check(caseId), by = 'ap-1') => () => short.nominateAdHocPanelist({ by, nomineeId, check: c, now: at(41) });
    expectDomainError(nominate('n3', check(caseId, { conflicted: ['n3'] })), 'discipline.ad_hoc_nomination_refused');
    const ccom: BodyMandate = { memberId: 'n2', bodyId: 'ccom', bodyKind: 'CCOM', from: '2025-01-01', to: null };
    expect(expectDomainError(nominate('n2', check(caseId, { mandates: [ccom] })), 'discipline.ad_hoc_nomination_refused').message).toContain('Control Commission');
    expectDomainError(nominate(PANEL[0]), AppealErrorCode.AdHocNomineeRefused);
    expectDomainError(nominate(COMPLAINANT), AppealErrorCode.AdHocNomineeRefused);
    expectDomainError(nominate('ap-2'), AppealErrorCode.AdHocNomineeRefused);
    expectDomainError(nominate('n1', check(caseId, { activeMember: false })), AppealErrorCode.AdHocNomineeRefused);
    expectDomainError(nominate('n1', check(caseId), 'ap-9'), 'discipline.ad_hoc_not_committee_member');
    expectDomainError(() => lodged().appeal.nominateAdHocPanelist({ by: 'ap-1', nomineeId: 'n1', check: check(caseId), now: at(41) }), AppealErrorCode.NoAdHocSeat);
  });
});
