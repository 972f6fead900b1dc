import { DomainError } from '@org/kernel';

/** Every error code the dues context owns (see libs/membership for the conventions). */
export const DuesErrorCode = {
  invalidDate: 'invalid_date',
  invalidAmount: 'invalid_amount',
  unknownCurrency: 'unknown_currency',
  currencyMismatch: 'currency_mismatch',
  paymentDateInFuture: 'payment_date_in_future',
  invalidPayment: 'invalid_payment',
  duplicatePayment: 'duplicate_payment',
  invalidPlan: 'invalid_plan',
  levelBelowMinimum: 'level_below_minimum',
  unknownIncomeBand: 'unknown_income_band',
  levelChangeOutOfOrder: 'level_change_out_of_order',
  invalidWaiver: 'invalid_waiver',
  waiverEndsBeforeStart: 'waiver_ends_before_start',
  invalidStatusHistory: 'invalid_status_history',
  invalidGracePeriod: 'invalid_grace_period',
  csvBadEncoding: 'csv_bad_encoding',
  csvBadHeader: 'csv_bad_header',
  csvMalformed: 'csv_malformed',
  csvEmpty: 'csv_empty',
} as const;
export type DuesErrorCode = (typeof DuesErrorCode)[keyof typeof DuesErrorCode];

export interface FieldError {
  field: string;
  message: string;
}

export function invalidDate(field: string, value: unknown): DomainError {
  return new DomainError('invalid', DuesErrorCode.invalidDate, `${field} must be a calendar date written YYYY-MM-DD (for example 2024-03-01); got ${JSON.stringify(value)}.`, {
    field,
  });
}
