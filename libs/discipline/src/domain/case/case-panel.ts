import { AdHocAppointmentSnapshot } from '../panel/ad-hoc-panel';
import { PanelDrawRecord, verifyDraw } from '../panel/panel-draw';
import { castChallengeVote, lodgeChallenge, PanelChallenge, withoutDecider } from '../recusal/panel-challenge';
import { CandidateSeat } from '../recusal/recusal.types';
import { Timestamp, normalizeTimestamp } from './calendar';
import { caseAccess } from './case-access.policy';
import { requireStage } from './case-lifecycle';
import { CaseErrorCode, caseError, caseNotFound } from './case.errors';
import { CaseEvent } from './case.events';
import { CaseActor, RemovalReason, RemovedPanelist } from './case.types';
import {
  CaseState,
  assertCleared,
  assertRecusalCurrent,
  byId,
  drawStale,
  emit,
  enterStage,
  panelOf,
  removedPanelists,
  sameList,
  seatedPanel,
  stageError,
  usedSeeds,
} from './case-state';
import { MemberId, SealedRef } from './identifiers';

/**
 * The panel of a case (S3): draws and redraws, the seats the Appeals Committee fills when the
 * draw falls short, challenges to a panelist and the votes on them, and the seats that fall
 * vacant. Functions over the case's state, called by `Case`.
 */

/**
 * Records a panel draw — the initial one, or a redraw of a vacated seat. The record must
 * re-run to the same seats (`verifyDraw`), come from the recusal recorded for the case's
 * current people, draw from the full cleared pool (nobody left out, nobody removed before put
 * back), and use a seed never used for this case.
 */
export function recordPanelDraw(s: CaseState, record: PanelDrawRecord, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  if (record.caseId !== s.id) throw drawStale('This draw is for another case.');
  const p = panelOf(s);
  if (record.kind === 'initial') {
    requireStage('recordPanelDraw:initial', s.stage);
    if (s.path === 'record-only') throw stageError('A record-only report has no panel.');
    if (p.draws.length > 0 || p.seats.length > 0) throw stageError('The panel of this case has already been drawn.');
  } else {
    requireStage('recordPanelDraw:redraw', s.stage);
    const vacancy = p.removed.find((r) => r.memberId === record.vacated && r.replacement === 'pending');
    if (!vacancy) throw caseError('conflict', CaseErrorCode.NoVacantSeat, 'This seat is not vacant.');
  }
  const check = verifyDraw(record);
  if (!check.matches) {
    throw caseError('unprocessable', CaseErrorCode.DrawMismatch, 'This draw does not re-run to the recorded seats.', {
      problems: check.problems,
    });
  }
  assertRecusalCurrent(s);
  const r = s.recusal!;
  if (record.recusalComputedAt !== r.computedAt) throw drawStale('Draw again from the recusal recorded for this case.');
  if (usedSeeds(s).includes(record.seed)) {
    throw caseError('invalid', CaseErrorCode.SeedReused, 'Each draw of a case needs a new seed.');
  }
  const kept = [...seatedPanel(s)].sort(byId);
  if (!sameList(kept, record.keptSeats)) throw drawStale('The draw does not keep exactly the seats now held.');
  const removed = removedPanelists(s);
  if (removed.some((m) => !record.excluded.includes(m))) {
    throw drawStale('The draw must exclude everyone removed from this panel before.');
  }
  const skip = new Set([...record.keptSeats, ...record.excluded]);
  const poolOf = (seat: CandidateSeat) =>
    r.eligible.filter((e) => e.seat === seat && !skip.has(e.memberId)).map((e) => e.memberId).sort(byId);
  if (!sameList(poolOf('commissioner'), record.pool.commissioners) || !sameList(poolOf('alternate'), record.pool.alternates)) {
    throw drawStale('The draw must start from every commissioner and alternate cleared for this case.');
  }

  const events: CaseEvent[] = [];
  if (record.kind === 'initial') p.size = record.seatsToFill;
  p.draws = [...p.draws, record];
  p.seats = [...p.seats, ...record.drawn.map((d) => ({ memberId: d.memberId, source: d.source, seatedAt: when }))];
  events.push(
    emit(s, 'PanelDrawn', when, {
      drawKind: record.kind,
      seats: record.drawn.map((d) => d.memberId),
      shortfall: record.shortfall,
    }),
  );
  if (record.kind === 'redraw') {
    markReplacement(s, 'pending', record.drawn.length > 0 ? 'drawn' : 'ad_hoc_requested', record.vacated!);
  }
  if (record.kind === 'redraw' && record.drawn.length > 0) {
    events.push(emit(s, 'PanelistSeated', when, { memberId: record.drawn[0].memberId, source: record.drawn[0].source }));
  }
  if (record.shortfall > 0) {
    p.adHocSeatsRequested += record.shortfall;
    events.push(emit(s, 'AdHocPanelRequested', when, { seatsToFill: p.adHocSeatsRequested }));
  }
  events.push(...seatIfComplete(s, when));
  return events;
}

/**
 * Seats the members appointed by the Appeals Committee for the seats the draw could not fill.
 * The committee members acting must have been cleared for this case (seat 'appeals_member'),
 * the appointees too (seat 'ad_hoc'), by the recusal recorded for its current people.
 */
export function seatAdHocAppointees(s: CaseState, appointment: AdHocAppointmentSnapshot, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  requireStage('seatAdHocAppointees', s.stage);
  if (appointment.caseId !== s.id) throw drawStale('This appointment is for another case.');
  const p = panelOf(s);
  if (p.adHocSeatsRequested === 0) throw caseError('conflict', CaseErrorCode.NoVacantSeat, 'No ad-hoc seat was requested for this case.');
  if (!appointment.completedAt || appointment.appointees.length !== p.adHocSeatsRequested || appointment.seatsToFill !== p.adHocSeatsRequested) {
    throw caseError(
      'unprocessable',
      CaseErrorCode.AdHocAppointmentIncomplete,
      `The Appeals Committee must appoint exactly ${p.adHocSeatsRequested} panelist(s).`,
    );
  }
  assertRecusalCurrent(s);
  for (const m of appointment.committee) assertCleared(s, m, 'appeals_member');
  const removed = new Set(removedPanelists(s));
  for (const m of appointment.appointees) {
    assertCleared(s, m, 'ad_hoc');
    if (removed.has(m) || seatedPanel(s).includes(m)) {
      throw caseError('unprocessable', CaseErrorCode.AdHocNominationRefused, 'An appointee already sat on, or was removed from, this panel.');
    }
  }
  const events: CaseEvent[] = [];
  for (const m of appointment.appointees) {
    p.seats = [...p.seats, { memberId: m, source: 'ad_hoc', seatedAt: when }];
    events.push(emit(s, 'PanelistSeated', when, { memberId: m, source: 'ad_hoc' }));
  }
  markReplacement(s, 'ad_hoc_requested', 'ad_hoc');
  p.adHocSeatsRequested = 0;
  events.push(...seatIfComplete(s, when));
  return events;
}

/** A party challenges a seated panelist, with reasons; the other panelists decide (S3). */
export function challengePanelist(
  s: CaseState,
  actor: CaseActor,
  input: { challengeId: string; panelistId: MemberId; grounds: SealedRef },
  at: Timestamp,
): CaseEvent[] {
  const when = normalizeTimestamp(at);
  const access = caseAccess(s, actor);
  if (access.role === 'none') throw caseNotFound();
  if (access.role !== 'complainant' && access.role !== 'respondent') {
    throw caseError('forbidden', CaseErrorCode.ReservedToParty, 'Only a party to the case can challenge a panelist.');
  }
  requireStage('challengePanelist', s.stage);
  if (
    s.challenges.some(
      (ch) => ch.panelistId === input.panelistId && ch.challenger === access.role && (ch.decision === null || !ch.decision.upheld),
    )
  ) {
    throw caseError('conflict', CaseErrorCode.ChallengeAlreadyLodged, 'You have already challenged this panelist.');
  }
  if (s.challenges.some((ch) => ch.id === input.challengeId)) {
    throw caseError('conflict', CaseErrorCode.ChallengeAlreadyLodged, 'A challenge with this id already exists.');
  }
  const challenge = lodgeChallenge({
    id: input.challengeId,
    panelistId: input.panelistId,
    challenger: access.role,
    grounds: input.grounds,
    seatedPanelists: seatedPanel(s),
    at: when,
  });
  s.challenges = [...s.challenges, challenge];
  const events: CaseEvent[] = [
    emit(s, 
      'PanelistChallenged',
      when,
      { challengeId: challenge.id, panelistId: challenge.panelistId, deciders: challenge.deciders },
      ['panel', access.role],
    ),
  ];
  events.push(...applyChallengeDecision(s, challenge, when));
  return events;
}

/** One of the other panelists votes on a challenge. */
export function voteOnChallenge(s: CaseState, voter: MemberId, challengeId: string, uphold: boolean, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  if (!seatedPanel(s).includes(voter)) throw caseNotFound();
  requireStage('voteOnChallenge', s.stage);
  const current = s.challenges.find((ch) => ch.id === challengeId);
  if (!current) throw caseError('not_found', CaseErrorCode.ChallengeNotFound, 'There is no such challenge in this case.');
  if (!current.decision && !seatedPanel(s).includes(current.panelistId)) {
    throw caseError('conflict', CaseErrorCode.ChallengeAlreadyDecided, 'The challenged panelist has already left the panel.');
  }
  const next = castChallengeVote(current, voter, uphold, when);
  replaceChallenge(s, next);
  return [
    emit(s, 'ChallengeVoteCast', when, { challengeId, voterId: voter }),
    ...applyChallengeDecision(s, next, when),
  ];
}

export function applyChallengeDecision(s: CaseState, challenge: PanelChallenge, at: Timestamp): CaseEvent[] {
  if (!challenge.decision) return [];
  const d = challenge.decision;
  const events: CaseEvent[] = [
    emit(s, 
      'ChallengeDecided',
      at,
      {
        challengeId: challenge.id,
        panelistId: challenge.panelistId,
        upheld: d.upheld,
        votesToUphold: d.votesToUphold,
        votesToReject: d.votesToReject,
      },
      ['panel', challenge.challenger],
    ),
  ];
  if (d.upheld && seatedPanel(s).includes(challenge.panelistId)) {
    events.push(...vacateSeat(s, challenge.panelistId, 'challenge_upheld', at));
  }
  return events;
}

export function replaceChallenge(s: CaseState, next: PanelChallenge): void {
  s.challenges = s.challenges.map((ch) => (ch.id === next.id ? next : ch));
}

export function vacateSeat(s: CaseState, memberId: MemberId, reason: RemovalReason, at: Timestamp): CaseEvent[] {
  const p = panelOf(s);
  p.seats = p.seats.filter((x) => x.memberId !== memberId);
  p.removed = [...p.removed, { memberId, reason, at, replacement: 'pending' }];
  const events: CaseEvent[] = [emit(s, 'PanelSeatVacated', at, { memberId, reason, redrawRequired: true })];
  // A pending challenge whose decider just left is decided by those who remain.
  for (const { id } of [...s.challenges]) {
    const current = s.challenges.find((ch) => ch.id === id)!;
    if (current.decision) continue;
    const next = withoutDecider(current, memberId, at);
    if (next === current) continue;
    replaceChallenge(s, next);
    if (next.decision && seatedPanel(s).includes(next.panelistId)) events.push(...applyChallengeDecision(s, next, at));
  }
  return events;
}

export function markReplacement(
  s: CaseState,
  from: RemovedPanelist['replacement'],
  to: RemovedPanelist['replacement'],
  only?: MemberId,
): void {
  panelOf(s).removed = panelOf(s).removed.map((r) =>
    r.replacement === from && (only === undefined || r.memberId === only) ? { ...r, replacement: to } : r,
  );
}

export function seatIfComplete(s: CaseState, at: Timestamp): CaseEvent[] {
  const p = panelOf(s);
  if (s.stage !== 'triaged' || p.size === null || p.seats.length < p.size) return [];
  s.panelSeatedAt = at;
  enterStage(s, 'panel_seated', at);
  return [emit(s, 'PanelSeated', at, { panel: p.seats.map((x) => x.memberId) })];
}
