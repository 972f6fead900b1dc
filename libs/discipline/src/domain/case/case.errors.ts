import { DomainError, DomainErrorKind } from '@org/kernel';

/**
 * Error codes of the disciplinary case (intake, path, recusal, panel, deadlines,
 * interim measures). Messages are written for the person who reads them: what was wrong and
 * what to do. None reveals whether a case exists to someone without a role in it: that caller
 * gets `case_not_found`, exactly as for an id that was never issued.
 */
export const CaseErrorCode = {
  CaseNotFound: 'discipline.case_not_found',
  InvalidComplaint: 'discipline.invalid_complaint',
  InvalidDate: 'discipline.invalid_date',
  InvalidTimestamp: 'discipline.invalid_timestamp',
  InvalidReference: 'discipline.invalid_case_reference',
  InvalidConfiguration: 'discipline.invalid_configuration',
  StageDoesNotAllow: 'discipline.stage_does_not_allow',
  PathReservedToComplainant: 'discipline.path_reserved_to_complainant',
  InformalRequiresConsent: 'discipline.informal_requires_consent',
  PathChangeNotAllowedNow: 'discipline.path_change_not_allowed_now',
  ReservedToComplainant: 'discipline.reserved_to_complainant',
  ReservedToParty: 'discipline.reserved_to_party',
  NotDutyCommissioner: 'discipline.not_duty_commissioner',
  NotPanelist: 'discipline.not_panelist',
  CommissionerConflicted: 'discipline.commissioner_conflicted',
  RecusalRequired: 'discipline.recusal_required',
  RecusalStale: 'discipline.recusal_stale',
  InvalidRecusalInput: 'discipline.invalid_recusal_input',
  DrawMismatch: 'discipline.draw_mismatch',
  DrawStale: 'discipline.draw_stale',
  SeedReused: 'discipline.draw_seed_reused',
  NoVacantSeat: 'discipline.no_vacant_seat',
  ChallengeNotAllowed: 'discipline.challenge_not_allowed',
  ChallengeAlreadyLodged: 'discipline.challenge_already_lodged',
  ChallengeNotFound: 'discipline.challenge_not_found',
  NotAChallengeDecider: 'discipline.not_a_challenge_decider',
  ChallengeAlreadyDecided: 'discipline.challenge_already_decided',
  InterimDecisionNotAuthorized: 'discipline.interim_decision_not_authorized',
  InvalidInterimMeasure: 'discipline.invalid_interim_measure',
  InformalResolutionNotPending: 'discipline.informal_resolution_not_pending',
  AdHocNominationRefused: 'discipline.ad_hoc_nomination_refused',
  AdHocNotCommitteeMember: 'discipline.ad_hoc_not_committee_member',
  AdHocAppointmentClosed: 'discipline.ad_hoc_appointment_closed',
  AdHocAppointmentIncomplete: 'discipline.ad_hoc_appointment_incomplete',
} as const;

export type CaseErrorCode = (typeof CaseErrorCode)[keyof typeof CaseErrorCode];

export function caseError(
  kind: DomainErrorKind,
  code: CaseErrorCode,
  message: string,
  details?: Record<string, unknown> | unknown[],
): DomainError {
  return new DomainError(kind, code, message, details);
}

/** What anyone without a role in a case is told — the same as for a case that does not exist. */
export function caseNotFound(): DomainError {
  return caseError(
    'not_found',
    CaseErrorCode.CaseNotFound,
    'No case with this reference is available to you. Check the reference you were given.',
  );
}
