import { DomainError } from '@org/kernel';

/**
 * Every error code the membership context owns. The HTTP layer maps `DomainError.kind` to a
 * status; the code is stable for clients and tests; the message is written for the person who
 * will read it (what was wrong, what to do) and never reveals confidential facts.
 */
export const MembershipErrorCode = {
  invalidDate: 'invalid_date',
  invalidInstant: 'invalid_instant',
  invalidMemberProfile: 'invalid_member_profile',
  invalidMemberSnapshot: 'invalid_member_snapshot',
  invalidStatusTransition: 'invalid_status_transition',
  actorNotAllowed: 'actor_not_allowed',
  memberNotFound: 'member_not_found',
  reasonRequired: 'reason_required',
  readmissionRequired: 'readmission_required',
  statusChangeOutOfOrder: 'status_change_out_of_order',
  periodEndsBeforeStart: 'period_ends_before_start',
  emptyBranchPeriod: 'empty_branch_period',
  branchPeriodsOverlap: 'branch_periods_overlap',
  multipleOpenPeriods: 'multiple_open_periods',
  noOpenBranchPeriod: 'no_open_branch_period',
  alreadyInBranch: 'already_in_branch',
  sameBranchTransfer: 'same_branch_transfer',
  blockedByRestriction: 'blocked_by_restriction',
  transferNotPending: 'transfer_not_pending',
  protectedTransferTakesNoReason: 'protected_transfer_takes_no_reason',
  protectedTransferNotConfirmed: 'protected_transfer_not_confirmed',
  branchNotActive: 'branch_not_active',
  branchHasMembers: 'branch_has_members',
  mergeIntoSelf: 'merge_into_self',
  invalidBranch: 'invalid_branch',
  invalidSeatCount: 'invalid_seat_count',
  invalidRollSize: 'invalid_roll_size',
  duplicateBranch: 'duplicate_branch',
  tooFewSeatsForMinimum: 'too_few_seats_for_minimum',
  emptyRoll: 'empty_roll',
  csvBadEncoding: 'csv_bad_encoding',
  csvBadHeader: 'csv_bad_header',
  csvMalformed: 'csv_malformed',
  csvEmpty: 'csv_empty',
  csvMappingInvalid: 'csv_mapping_invalid',
  csvMappingColumnMissing: 'csv_mapping_column_missing',
  importMappingNotFound: 'import_mapping_not_found',
  invalidCursor: 'invalid_cursor',
  invalidPageSize: 'invalid_page_size',
  invalidSearchFilter: 'invalid_search_filter',
  alreadyOnSpeakersList: 'already_on_speakers_list',
  speakerNotListed: 'speaker_not_listed',
} as const;
export type MembershipErrorCode = (typeof MembershipErrorCode)[keyof typeof MembershipErrorCode];

/** One problem with one field, as shown next to that field (or that CSV column). */
export interface FieldError {
  field: string;
  message: string;
}

/** The message the S13 rule requires: it says *that* a restriction applies, never *why*. */
export const BLOCKED_BY_RESTRICTION_MESSAGE =
  'This assignment is blocked by a confidential restriction. Contact the Control Commission if you believe this is wrong.';

export function invalidDate(field: string, value: unknown): DomainError {
  return new DomainError(
    'invalid',
    MembershipErrorCode.invalidDate,
    `${field} must be a calendar date written YYYY-MM-DD (for example 2024-03-01); got ${JSON.stringify(value)}.`,
    { field },
  );
}

export function invalidInstant(field: string, value: unknown): DomainError {
  return new DomainError(
    'invalid',
    MembershipErrorCode.invalidInstant,
    `${field} must be an ISO-8601 date and time with a time zone (for example 2024-03-01T10:00:00Z); got ${JSON.stringify(value)}.`,
    { field },
  );
}

export function blockedByRestriction(): DomainError {
  return new DomainError('conflict', MembershipErrorCode.blockedByRestriction, BLOCKED_BY_RESTRICTION_MESSAGE);
}

export function fieldErrors(code: MembershipErrorCode, what: string, errors: FieldError[]): DomainError {
  const list = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new DomainError('invalid', code, `${what} — ${list}`, errors);
}
