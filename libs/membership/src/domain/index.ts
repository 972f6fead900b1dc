/**
 * The membership domain's public API: plain TypeScript, no framework. See ../../README.md,
 * "Domain rules", for each rule and the test that proves it.
 */
// Calendar dates are the shared kernel's (one implementation for every context).
export { isIsoDate, isIsoInstant, daysInMonth, addDays, daysBetween, addMonths, minDate, maxDate, minEnd } from '@org/kernel';
export type { IsoDate, IsoInstant } from '@org/kernel';
export * from './moment';
export * from './membership.errors';
export * from './member-status.value-object';
export * from './member-profile.value-object';
export * from './member.entity';
export * from './branch-history.value-object';
export { Branch, mergeBranches, normalizeBranchCode } from './branch.entity';
export type { BranchSnapshot, BranchStatus, BranchEvent } from './branch.entity';
export * from './transfer.entity';
export * from './restriction-check.port';
export * from './meeting-speakers';
export * from './electoral-roll';
export * from './rejoin.policy';
export * from './apportionment';
export {
  decodeCsv,
  readCsv,
  readCsvText,
  encodeCsvField,
  encodeCsvRecord,
  unprotectCsvField,
  firstInvalidUtf8Byte,
} from '@org/kernel';
export type { CsvRecord } from '@org/kernel';
export * from './member-csv.parser';
export * from './member-csv.writer';
export * from './member-search-criteria.value-object';
export * from './member-import-mapping';
