import { DomainError } from '@org/kernel';

/**
 * Codes this context's application layer adds to the domain's (`MembershipErrorCode`). The API's
 * error filter maps every one of both to an HTTP status, with an exhaustiveness check.
 */
export const MembershipApplicationErrorCode = {
  duplicateEmail: 'duplicate_email',
  branchNotFound: 'branch_not_found',
  transferNotFound: 'transfer_not_found',
  rollNotFound: 'roll_not_found',
  importRejected: 'import_rejected',
  csvTooLarge: 'csv_too_large',
  csvNotCsv: 'csv_not_csv',
  idempotencyKeyReused: 'idempotency_key_reused',
  hostNotInBranch: 'host_not_in_branch',
  meetingNotFound: 'meeting_not_found',
  speakerNotInBranch: 'speaker_not_in_branch',
  aggregatesOnly: 'aggregates_only',
  noBranchScope: 'no_branch_scope',
  futureDate: 'future_date',
  applicationNotPossible: 'application_not_possible',
  applicationLinkInvalid: 'application_link_invalid',
} as const;
export type MembershipApplicationErrorCode = (typeof MembershipApplicationErrorCode)[keyof typeof MembershipApplicationErrorCode];

/** The one answer for "not in your scope" and "does not exist" alike. */
export const memberNotFound = (): DomainError => new DomainError('not_found', 'member_not_found', 'No such member.');
export const branchNotFound = (): DomainError => new DomainError('not_found', MembershipApplicationErrorCode.branchNotFound, 'No such branch.');
export const transferNotFound = (): DomainError => new DomainError('not_found', MembershipApplicationErrorCode.transferNotFound, 'No such transfer request.');
export const meetingNotFound = (): DomainError => new DomainError('not_found', MembershipApplicationErrorCode.meetingNotFound, 'No such meeting.');
export const rollNotFound = (): DomainError => new DomainError('not_found', MembershipApplicationErrorCode.rollNotFound, 'No such electoral roll.');

export const duplicateEmail = (email: string): DomainError =>
  new DomainError('conflict', MembershipApplicationErrorCode.duplicateEmail, `email: ${email} already belongs to a member or an open application. Use another address, or sign in to that record.`, {
    field: 'email',
  });
