import { InterimMeasure, endMeasuresOf, makeInterimDecision } from '../interim/interim-measures';
import { Timestamp, normalizeTimestamp } from './calendar';
import { requireStage } from './case-lifecycle';
import { CaseErrorCode, caseError, caseNotFound } from './case.errors';
import { CaseEvent } from './case.events';
import {
  CaseState,
  assertCleared,
  assertPanelist,
  assertRecusalCurrent,
  byId,
  emit,
  enterStage,
  respondentMemberIds,
  seatedPanel,
  stageError,
  vacantSeats,
} from './case-state';
import { MemberId, SealedRef } from './identifiers';

/**
 * The case under investigation (S5, S12): the seated panel begins its work, and interim
 * measures are decided — by the duty commissioner before a panel is seated, then by the panel —
 * and end. Functions over the case's state, called by `Case`; each checks who acts and asks the
 * life-cycle table (`case-lifecycle.ts`) whether the stage allows it.
 */

/** The seated panel starts its work; the respondents are told of the case from now on. */
export function beginInvestigation(s: CaseState, by: MemberId, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  assertPanelist(s, by);
  requireStage('beginInvestigation', s.stage);
  if (vacantSeats(s) > 0) throw stageError('Fill the vacant seat before the investigation begins.');
  enterStage(s, 'investigating', when);
  return [emit(s, 'InvestigationBegun', when, { respondentsNotified: respondentMemberIds(s) })];
}

/**
 * Records the interim-measures decision. Before a panel is seated the duty commissioner —
 * the commission's member on duty for this case — decides alone, because the 72-hour limit
 * usually falls before a panel can be seated (14 days); once the panel is seated it decides,
 * by a majority of its full size, and may revise the earlier decision. Each decision replaces
 * the previous one. Not for record-only reports: the complainant chose no action.
 */
export function recordInterimDecision(
  s: CaseState,
  input: {
    decisionId: string;
    decidedBy: readonly MemberId[];
    outcome: 'measures' | 'no_measures';
    measures: readonly InterimMeasure[];
    reasons: SealedRef;
  },
  at: Timestamp,
): CaseEvent[] {
  const when = normalizeTimestamp(at);
  const deciders = [...new Set(input.decidedBy)];
  const actorIsInvolved = deciders.some(
    (m) => seatedPanel(s).includes(m) || (s.dutyCommissionerId === m && s.panelSeatedAt === null),
  );
  if (!actorIsInvolved) throw caseNotFound();
  requireStage('recordInterimDecision', s.stage);
  if (s.path === 'record-only') {
    throw stageError('A record-only report leads to no action; interim measures need the complainant to choose a path.');
  }
  assertRecusalCurrent(s);
  const refuse = (message: string) => caseError('forbidden', CaseErrorCode.InterimDecisionNotAuthorized, message);
  if (s.panelSeatedAt === null) {
    const duty = s.dutyCommissionerId;
    if (!duty || deciders.length !== 1 || deciders[0] !== duty) {
      throw refuse('Before a panel is seated, the duty commissioner of this case decides interim measures.');
    }
    assertCleared(s, duty, 'commissioner');
  } else {
    const seated = seatedPanel(s);
    if (deciders.some((m) => !seated.includes(m))) throw refuse('Only seated panelists decide interim measures.');
    if (2 * deciders.length <= (s.panel.size ?? seated.length)) {
      throw refuse('Interim measures are decided by a majority of the panel.');
    }
  }
  if (s.interimDecisions.some((d) => d.id === input.decisionId)) {
    throw caseError('conflict', CaseErrorCode.InvalidInterimMeasure, 'A decision with this id already exists.');
  }
  const decision = makeInterimDecision({
    id: input.decisionId,
    caseId: s.id,
    decidedAt: when,
    decidedBy: deciders,
    outcome: input.outcome,
    measures: input.measures,
    reasons: input.reasons,
    subjects: respondentMemberIds(s),
  });
  const events: CaseEvent[] = endInterimMeasures(s, when, false);
  s.interimDecisions = [...s.interimDecisions, decision];
  events.push(
    emit(s, 'InterimDecisionRecorded', when, {
      decisionId: decision.id,
      outcome: decision.outcome,
      measureCount: decision.measures.length,
    }),
  );
  return events;
}

/** Ends the decision in force (superseded by a new one, or the case closed). */
export function endInterimMeasures(s: CaseState, at: Timestamp, announce = true): CaseEvent[] {
  const events: CaseEvent[] = [];
  s.interimDecisions = s.interimDecisions.map((d) => {
    if (d.endedAt !== null) return d;
    if (announce && d.outcome === 'measures') events.push(emit(s, 'InterimMeasuresEnded', at, { decisionId: d.id }));
    return { ...d, endedAt: at };
  });
  return events;
}

/**
 * Ends the interim measures binding these members (S5, S9): the finding about them became
 * final, or the case ended without one pending for them (`respondentsReleasedFromInterimMeasures`).
 * Measures on other respondents stay. Part 2 calls it in the transaction that makes a finding
 * final; closing a case (withdrawal, informal resolution, record only) ends every measure.
 */
export function endInterimMeasuresOf(s: CaseState, memberIds: readonly MemberId[], at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  const events: CaseEvent[] = [];
  s.interimDecisions = s.interimDecisions.map((d) => {
    const next = endMeasuresOf(d, memberIds, when);
    if (next === d) return d;
    const released = [...new Set(d.measures.filter((m, i) => m.endedAt === undefined && next.measures[i].endedAt !== undefined).map((m) => m.memberId))].sort(byId);
    events.push(emit(s, 'InterimMeasuresEnded', when, { decisionId: d.id, memberIds: released }));
    return next;
  });
  return events;
}
