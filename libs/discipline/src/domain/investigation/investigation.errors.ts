import { DomainError, DomainErrorKind } from '@org/kernel';

/** Error codes of the investigation (S7, S12). */
export const InvestigationErrorCode = {
  StatementAlreadyExists: 'discipline.statement.already_exists',
  StatementNotFound: 'discipline.statement.not_found',
  StatementInvalid: 'discipline.statement.invalid',
  StatementAlreadyGiven: 'discipline.statement.already_given',
  StatementNotGiven: 'discipline.statement.not_given',
  AddendumOnlyByAuthor: 'discipline.statement.addendum_only_by_author',
  ComplaintIsStatement: 'discipline.statement.complaint_is_statement',
  NotARetelling: 'discipline.statement.questions_not_a_retelling',
  NotFromInterview: 'discipline.statement.not_from_an_interview_attended',
  ApprovalOnlyByPerson: 'discipline.statement.approval_only_by_person',
  NotAwaitingApproval: 'discipline.statement.not_awaiting_approval',
  AddendumRequestNotFound: 'discipline.statement.addendum_request_not_found',
  InterviewTopicsRequired: 'discipline.interview.topics_required',
  InterviewInsufficientNotice: 'discipline.interview.insufficient_notice',
  InterviewTopicsLocked: 'discipline.interview.topics_locked',
  InterviewWrongStatus: 'discipline.interview.wrong_status',
  InterviewNotYetDue: 'discipline.interview.not_yet_due',
  EvidenceEmpty: 'discipline.evidence.empty',
  EvidenceTooLarge: 'discipline.evidence.too_large',
  EvidenceTypeNotAllowed: 'discipline.evidence.type_not_allowed',
  EvidenceTypeMismatch: 'discipline.evidence.type_mismatch',
  EvidenceInvalid: 'discipline.evidence.invalid',
  MessageSenderNotPermitted: 'discipline.message.sender_not_permitted',
  MessageAudienceNotPermitted: 'discipline.message.audience_not_permitted',
  MessageNotFound: 'discipline.message.not_found',
} as const;

export type InvestigationErrorCode = (typeof InvestigationErrorCode)[keyof typeof InvestigationErrorCode];

export function investigationError(
  kind: DomainErrorKind,
  code: InvestigationErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return new DomainError(kind, code, message, details);
}
