import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { replyWithDomainError } from '@org/platform';
import { DuesErrorCode } from '../domain';
import { DuesApplicationErrorCode } from '../application/dues-application.errors';

type Code = DuesErrorCode | DuesApplicationErrorCode;

/** Every code the dues context owns → HTTP status; a code without one fails to compile. */
export const DUES_ERROR_STATUS = {
  invalid_date: 400,
  invalid_amount: 400,
  unknown_currency: 400,
  currency_mismatch: 400,
  payment_date_in_future: 400,
  invalid_payment: 400,
  duplicate_payment: 409,
  invalid_plan: 400,
  level_below_minimum: 422,
  unknown_income_band: 400,
  level_change_out_of_order: 409,
  invalid_waiver: 400,
  waiver_ends_before_start: 400,
  invalid_status_history: 409,
  invalid_grace_period: 400,
  csv_bad_encoding: 400,
  csv_bad_header: 400,
  csv_malformed: 400,
  csv_empty: 400,
  member_not_found: 404,
  no_dues_plan: 409,
  plan_not_found: 404,
  import_rejected: 400,
  csv_too_large: 413,
  csv_not_csv: 415,
  idempotency_key_reused: 409,
  standing_job_running: 409,
  future_date: 400,
  no_treasurer_scope: 403,
  invalid_idempotency_key: 400,
  invalid_lookup: 400,
  payment_mapping_not_found: 404,
  csv_mapping_invalid: 400,
  csv_mapping_column_missing: 400,
} as const satisfies Record<Code, number>;

/** The dues context's error mapping; other contexts' codes fall back to their kind. */
@Catch(DomainError)
export class DuesErrorFilter implements ExceptionFilter {
  catch(e: DomainError, host: ArgumentsHost): void {
    replyWithDomainError(host, e, DUES_ERROR_STATUS);
  }
}
