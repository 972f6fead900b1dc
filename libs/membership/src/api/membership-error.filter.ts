import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { replyWithDomainError } from '@org/platform';
import { MembershipErrorCode } from '../domain';
import { MembershipApplicationErrorCode } from '../application/membership-application.errors';

type Code = MembershipErrorCode | MembershipApplicationErrorCode;

/**
 * Every code this context owns → its HTTP status. `satisfies Record<Code, …>` makes a new code
 * without a status a compile error (the exhaustiveness check).
 */
export const MEMBERSHIP_ERROR_STATUS = {
  invalid_date: 400,
  invalid_instant: 400,
  invalid_member_profile: 400,
  invalid_member_snapshot: 409,
  invalid_status_transition: 409,
  actor_not_allowed: 403,
  member_not_found: 404,
  reason_required: 400,
  readmission_required: 422,
  status_change_out_of_order: 409,
  period_ends_before_start: 400,
  empty_branch_period: 400,
  branch_periods_overlap: 409,
  multiple_open_periods: 409,
  no_open_branch_period: 409,
  already_in_branch: 409,
  same_branch_transfer: 400,
  blocked_by_restriction: 409,
  transfer_not_pending: 409,
  protected_transfer_takes_no_reason: 400,
  protected_transfer_not_confirmed: 403,
  branch_not_active: 409,
  branch_has_members: 409,
  merge_into_self: 400,
  invalid_branch: 400,
  invalid_seat_count: 400,
  invalid_roll_size: 400,
  duplicate_branch: 409,
  too_few_seats_for_minimum: 422,
  empty_roll: 422,
  csv_bad_encoding: 400,
  csv_bad_header: 400,
  csv_malformed: 400,
  csv_empty: 400,
  csv_mapping_invalid: 400,
  csv_mapping_column_missing: 400,
  import_mapping_not_found: 404,
  invalid_cursor: 400,
  invalid_page_size: 400,
  invalid_search_filter: 400,
  already_on_speakers_list: 409,
  speaker_not_listed: 404,
  duplicate_email: 409,
  branch_not_found: 404,
  transfer_not_found: 404,
  roll_not_found: 404,
  import_rejected: 400,
  csv_too_large: 413,
  csv_not_csv: 415,
  idempotency_key_reused: 409,
  host_not_in_branch: 409,
  meeting_not_found: 404,
  speaker_not_in_branch: 409,
  aggregates_only: 403,
  no_branch_scope: 403,
  future_date: 400,
  application_not_possible: 409,
  application_link_invalid: 400,
} as const satisfies Record<Code, number>;

/**
 * The membership context's error mapping. Codes from other contexts (authentication, validation)
 * fall back to their kind. A restriction is always answered with the one confidential message.
 */
@Catch(DomainError)
export class MembershipErrorFilter implements ExceptionFilter {
  catch(e: DomainError, host: ArgumentsHost): void {
    replyWithDomainError(host, e, MEMBERSHIP_ERROR_STATUS, [MembershipErrorCode.blockedByRestriction]);
  }
}
