import { RecusalOutcome } from '../recusal/recusal.types';
import { Timestamp, normalizeTimestamp } from './calendar';
import { requireStage } from './case-lifecycle';
import { CaseErrorCode, caseError, caseNotFound } from './case.errors';
import { CaseEvent } from './case.events';
import {
  CaseState,
  assertCleared,
  byId,
  emit,
  participantsForRecusal,
  recusalExclusions,
  sameList,
  seatedPanel,
  stageError,
  stale,
} from './case-state';
import { vacateSeat } from './case-panel';
import { MemberId, SealedRef } from './identifiers';

/**
 * Recusal in a case (S3): the recorded outcome for the case's current people (whoever it finds
 * conflicted leaves at once), the duty commissioner chosen by rotation, and standing down.
 * Functions over the case's state, called by `Case`.
 */

/**
 * Records a recusal outcome for the case's current people. Any seated panelist or duty
 * commissioner it finds conflicted leaves at once (never shown the case again); the events
 * ask the application layer to redraw that seat or assign another duty commissioner.
 */
export function recordRecusal(s: CaseState, outcome: RecusalOutcome, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  if (outcome.caseId !== s.id) throw stale('The recusal outcome given is for another case.');
  const now = participantsForRecusal(s);
  if (
    !sameList(outcome.considered.parties, now.parties) ||
    !sameList(outcome.considered.witnesses, now.witnesses) ||
    !sameList(outcome.considered.supportPersons, now.supportPersons)
  ) {
    throw stale("Recompute recusal with the case's current parties, witnesses and support person.");
  }
  const assessed = new Map(outcome.assessments.map((a) => [a.memberId, a]));
  const ex = recusalExclusions(s);
  for (const m of [...ex.selfRecused, ...ex.challengeUpheld]) {
    if (assessed.get(m)?.eligible) {
      throw stale('Recompute recusal including the members who stood down from, or were removed from, this case.');
    }
  }
  const mustAssess = [...seatedPanel(s), ...(s.dutyCommissionerId ? [s.dutyCommissionerId] : [])];
  if (mustAssess.some((m) => !assessed.has(m))) {
    throw stale('Recompute recusal including every seated panelist and the duty commissioner.');
  }
  s.recusal = {
    computedAt: outcome.computedAt,
    considered: {
      parties: [...outcome.considered.parties],
      witnesses: [...outcome.considered.witnesses],
      supportPersons: [...outcome.considered.supportPersons],
    },
    eligible: outcome.assessments.filter((a) => a.eligible).map((a) => ({ memberId: a.memberId, seat: a.seat })),
    conflicted: [...new Set(outcome.assessments.filter((a) => !a.eligible).map((a) => a.memberId))].sort(byId),
    conflictCount: outcome.assessments.filter((a) => !a.eligible).length,
  };
  const events: CaseEvent[] = [
    emit(s, 'RecusalRecorded', when, {
      eligible: s.recusal.eligible.length,
      conflicted: s.recusal.conflicted.length,
    }),
  ];
  for (const memberId of seatedPanel(s)) {
    if (!assessed.get(memberId)!.eligible) events.push(...vacateSeat(s, memberId, 'conflict', when));
  }
  const duty = s.dutyCommissionerId;
  if (duty && !assessed.get(duty)!.eligible) {
    s.dutyCommissionerId = null;
    events.push(emit(s, 'DutyCommissionerVacated', when, { commissionerId: duty, reason: 'conflict' }));
  }
  return events;
}

/** The duty commissioner for triage, chosen by rotation (`nextDutyCommissioner`). */
export function assignDutyCommissioner(s: CaseState, memberId: MemberId, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  requireStage('assignDutyCommissioner', s.stage);
  if (s.panelSeatedAt !== null) throw stageError('A duty commissioner is assigned only before a panel is seated.');
  assertCleared(s, memberId, 'commissioner');
  if (s.selfRecusals.some((r) => r.memberId === memberId)) {
    throw caseError('unprocessable', CaseErrorCode.CommissionerConflicted, 'This commissioner stood down from this case.');
  }
  if (s.dutyCommissionerId === memberId) return [];
  s.dutyCommissionerId = memberId;
  return [emit(s, 'DutyCommissionerAssigned', when, { commissionerId: memberId })];
}

/**
 * A panelist or the duty commissioner stands down from the case, with a reason the domain
 * keeps sealed. A panelist's seat is then redrawn; the person is never drawn again.
 */
export function selfRecuse(s: CaseState, memberId: MemberId, reason: SealedRef, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  if (!reason) throw caseError('invalid', CaseErrorCode.InvalidComplaint, 'Give a reason for standing down.');
  const onPanel = seatedPanel(s).includes(memberId);
  const onDuty = s.dutyCommissionerId === memberId && s.panelSeatedAt === null;
  if (!onPanel && !onDuty) throw caseNotFound();
  requireStage('selfRecuse', s.stage);
  if (onPanel) {
    s.selfRecusals = [...s.selfRecusals, { memberId, role: 'panelist', reason, at: when }];
    return vacateSeat(s, memberId, 'self_recusal', when);
  }
  s.selfRecusals = [...s.selfRecusals, { memberId, role: 'duty_commissioner', reason, at: when }];
  s.dutyCommissionerId = null;
  return [emit(s, 'DutyCommissionerVacated', when, { commissionerId: memberId, reason: 'self_recusal' })];
}
