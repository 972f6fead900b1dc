import { Timestamp, normalizeTimestamp } from './calendar';
import { caseAccess } from './case-access.policy';
import { CASE_COMMANDS, requireStage } from './case-lifecycle';
import { CaseErrorCode, caseError, caseNotFound } from './case.errors';
import { CaseEvent } from './case.events';
import { CaseActor, DeadlineKind, FormalTrackStage } from './case.types';
import { CaseState, assertComplainant, byId, emit, enterStage, stageError } from './case-state';
import { endInterimMeasures } from './case-investigation';
import { MemberId, SealedRef } from './identifiers';

/**
 * How a case ends or moves on (S4, S6): informal resolution (proposed by the panel, confirmed
 * only by the complainant), withdrawal, the formal track's last stages (finding → final → published), and the
 * escalation of missed deadlines. Functions over the case's state, called by `Case`.
 */

/** A seated panelist puts terms to the complainant (only on the path the complainant chose). */
export function proposeInformalResolution(s: CaseState, actor: CaseActor, terms: SealedRef, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  const access = caseAccess(s, actor);
  if (access.role === 'none') throw caseNotFound();
  if (access.role !== 'panelist') {
    throw caseError(
      'forbidden',
      CaseErrorCode.PathReservedToComplainant,
      'Informal resolution happens only when the complainant chooses it, and the panel conducts it.',
    );
  }
  if (s.path !== 'informal') {
    throw caseError(
      'forbidden',
      CaseErrorCode.PathReservedToComplainant,
      'The complainant has not chosen informal resolution; only they can choose it.',
    );
  }
  requireStage('proposeInformalResolution', s.stage);
  if (!terms) throw caseError('invalid', CaseErrorCode.InvalidComplaint, 'State the proposed terms.');
  s.informalResolution = { proposedBy: actor.memberId!, proposedAt: when, terms, confirmedAt: null };
  return [emit(s, 'InformalResolutionProposed', when, { by: actor.memberId! })];
}

/** Only the complainant's confirmation resolves a case informally. */
export function confirmInformalResolution(s: CaseState, actor: CaseActor, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  assertComplainant(s, actor, CaseErrorCode.ReservedToComplainant, 'Only the complainant can confirm an informal resolution.');
  const pending = s.informalResolution;
  if (s.path !== 'informal' || !pending || pending.confirmedAt !== null) {
    throw caseError('conflict', CaseErrorCode.InformalResolutionNotPending, 'There is no proposed informal resolution to confirm.');
  }
  requireStage('confirmInformalResolution', s.stage);
  s.informalResolution = { ...pending, confirmedAt: when };
  enterStage(s, 'resolved_informally', when);
  s.closedAt = when;
  return [emit(s, 'CaseResolvedInformally', when, {}), ...endInterimMeasures(s, when)];
}

/** The complainant withdraws; the record is kept (S10 links it), interim measures end. */
export function withdraw(s: CaseState, actor: CaseActor, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  assertComplainant(s, actor, CaseErrorCode.ReservedToComplainant, 'Only the complainant can withdraw a complaint.');
  const fromStage = s.stage;
  requireStage('withdraw', fromStage);
  enterStage(s, 'withdrawn', when);
  s.closedAt = when;
  return [emit(s, 'CaseWithdrawn', when, { fromStage }), ...endInterimMeasures(s, when)];
}

/**
 * Hook for the findings, finality and publication: moves the formal track forward in order
 * investigating → finding → final → published. Part 2's domain decides when; this only keeps
 * the stage, its history and the deadlines consistent.
 */
export function advanceToStage(s: CaseState, stage: FormalTrackStage, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  const command = `advanceToStage:${stage}` as const;
  if (!(CASE_COMMANDS as readonly string[]).includes(command)) {
    throw stageError(`The case cannot move to "${stage}" from "${s.stage}".`);
  }
  requireStage(command, s.stage);
  if (stage === 'finding') s.findingAt = when;
  enterStage(s, stage, when);
  return [emit(s, 'CaseStageAdvanced', when, { stage })];
}

/**
 * Records an escalation of a missed deadline (see `escalateOverdue`). Idempotent: the same
 * deadline (kind and due moment) escalates once.
 */
export function recordEscalation(
  s: CaseState,
  deadline: DeadlineKind,
  dueAt: Timestamp,
  recipients: readonly MemberId[],
  at: Timestamp,
): CaseEvent[] {
  requireStage('recordEscalation', s.stage);
  const when = normalizeTimestamp(at);
  const due = normalizeTimestamp(dueAt);
  if (s.escalations.some((e) => e.deadline === deadline && e.dueAt === due)) return [];
  const to = [...new Set(recipients)].sort(byId);
  s.escalations = [...s.escalations, { deadline, dueAt: due, escalatedAt: when, recipients: to }];
  return [emit(s, 'DeadlineEscalated', when, { deadline, dueAt: due, recipients: to })];
}
