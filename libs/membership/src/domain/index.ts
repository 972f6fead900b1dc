/**
 * The membership domain's public API: plain TypeScript, no framework. See ../../README.md,
 * "Domain rules", for each rule and the test that proves it.
 */
export * from './calendar-date';
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
export * from './electoral-roll';
export * from './apportionment';
export {
  decodeCsv,
  parseCsvRecords,
  encodeCsvField,
  encodeCsvRecord,
  unprotectCsvField,
  firstInvalidUtf8Byte,
} from './csv-table.parser';
export type { CsvRecord } from './csv-table.parser';
export * from './member-csv.parser';
export * from './member-csv.writer';
export * from './member-search-criteria.value-object';
