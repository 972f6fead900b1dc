import { DomainError, DomainErrorKind } from '@org/kernel';

/** Error codes of findings and sanctions (S7, S9). */
export const FindingErrorCode = {
  InvalidPanel: 'discipline.finding.invalid_panel',
  PanelistExcluded: 'discipline.finding.panelist_excluded',
  NotAPanelist: 'discipline.finding.not_a_panelist',
  AlreadyVoted: 'discipline.finding.already_voted',
  VoteSanctionMismatch: 'discipline.finding.vote_sanction_mismatch',
  VotesOutstanding: 'discipline.finding.votes_outstanding',
  WrongStatus: 'discipline.finding.wrong_status',
  AppealWindowClosed: 'discipline.finding.appeal_window_closed',
  AppealMismatch: 'discipline.finding.appeal_mismatch',
  FinalExceptByAppeal: 'discipline.finding.final_except_by_appeal',
  NotFinal: 'discipline.finding.not_final',
} as const;

export type FindingErrorCode = (typeof FindingErrorCode)[keyof typeof FindingErrorCode];

export function findingError(
  kind: DomainErrorKind,
  code: FindingErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(kind, code, message, details);
}
