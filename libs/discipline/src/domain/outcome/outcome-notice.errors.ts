import { DomainError, DomainErrorKind } from '@org/kernel';

/** Error codes of outcome notices (S8). */
export const OutcomeNoticeErrorCode = {
  FindingNotFinal: 'discipline.outcome_notice.finding_not_final',
  InvalidPolicy: 'discipline.outcome_notice.invalid_policy',
  ReviewClosed: 'discipline.outcome_notice.review_closed',
  WordingFrozen: 'discipline.outcome_notice.wording_frozen',
  WordingMentionsForbiddenTerm: 'discipline.outcome_notice.wording_mentions_forbidden_term',
  AlreadyDelayed: 'discipline.outcome_notice.already_delayed',
  DelayTooLong: 'discipline.outcome_notice.delay_too_long',
  InvalidDelay: 'discipline.outcome_notice.invalid_delay',
  AlreadyPublished: 'discipline.outcome_notice.already_published',
  NotDue: 'discipline.outcome_notice.not_due',
  WrongStatus: 'discipline.outcome_notice.wrong_status',
} as const;

export type OutcomeNoticeErrorCode = (typeof OutcomeNoticeErrorCode)[keyof typeof OutcomeNoticeErrorCode];

export function outcomeNoticeError(
  kind: DomainErrorKind,
  code: OutcomeNoticeErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(kind, code, message, details);
}
