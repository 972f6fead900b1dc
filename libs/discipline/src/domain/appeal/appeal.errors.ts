import { DomainError, DomainErrorKind } from '@org/kernel';

/** Error codes of appeals (S7). */
export const AppealErrorCode = {
  NotAParty: 'discipline.appeal.not_a_party',
  WindowClosed: 'discipline.appeal.window_closed',
  FindingNotAppealable: 'discipline.appeal.finding_not_appealable',
  AlreadyPending: 'discipline.appeal.already_pending',
  AlreadyAppellant: 'discipline.appeal.already_appellant',
  GroundsRequired: 'discipline.appeal.grounds_required',
  InvalidGround: 'discipline.appeal.invalid_ground',
  InvalidPanel: 'discipline.appeal.invalid_panel',
  PanelOverlapsFirstPanel: 'discipline.appeal.panel_overlaps_first_panel',
  NotAnAppealsPanelist: 'discipline.appeal.not_an_appeals_panelist',
  WrongStatus: 'discipline.appeal.wrong_status',
  InvalidOutcome: 'discipline.appeal.invalid_outcome',
  NotRemanded: 'discipline.appeal.not_remanded',
  NoAdHocSeat: 'discipline.appeal.no_ad_hoc_seat',
  AdHocNomineeRefused: 'discipline.appeal.ad_hoc_nominee_refused',
} as const;

export type AppealErrorCode = (typeof AppealErrorCode)[keyof typeof AppealErrorCode];

export function appealError(
  kind: DomainErrorKind,
  code: AppealErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(kind, code, message, details);
}
