import { DomainError } from '@org/kernel';

/** Codes the dues application layer adds to the domain's (`DuesErrorCode`). */
export const DuesApplicationErrorCode = {
  memberNotFound: 'member_not_found',
  noDuesPlan: 'no_dues_plan',
  planNotFound: 'plan_not_found',
  importRejected: 'import_rejected',
  csvTooLarge: 'csv_too_large',
  csvNotCsv: 'csv_not_csv',
  idempotencyKeyReused: 'idempotency_key_reused',
  standingJobRunning: 'standing_job_running',
  futureDate: 'future_date',
  noTreasurerScope: 'no_treasurer_scope',
  invalidIdempotencyKey: 'invalid_idempotency_key',
  invalidLookup: 'invalid_lookup',
  paymentMappingNotFound: 'payment_mapping_not_found',
  /** A payments mapping that cannot be saved (or a bad mapping name). */
  csvMappingInvalid: 'csv_mapping_invalid',
  /** The kernel's column mapping: a file without a column the mapping reads. */
  csvMappingColumnMissing: 'csv_mapping_column_missing',
} as const;
export type DuesApplicationErrorCode = (typeof DuesApplicationErrorCode)[keyof typeof DuesApplicationErrorCode];

export const memberNotFound = (): DomainError => new DomainError('not_found', DuesApplicationErrorCode.memberNotFound, 'No such member.');
export const noDuesPlan = (): DomainError =>
  new DomainError('conflict', DuesApplicationErrorCode.noDuesPlan, 'There is no dues plan yet. The EC (or the national treasurer) must create a default plan first.');
