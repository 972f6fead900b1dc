/**
 * The dues domain's public API: plain TypeScript, no framework. See ../../README.md,
 * "Domain rules", for each rule and the test that proves it.
 */
export * from './calendar-date';
export * from './dues.errors';
export * from './currency';
export * from './money.value-object';
export * from './dues-plan.entity';
export * from './payment.entity';
export * from './hardship-waiver.value-object';
export * from './good-standing.policy';
export * from './dues-account.entity';
export * from './bank-csv.parser';
export { decodeCsv, parseCsvRecords } from './csv-table.parser';
export type { CsvRecord } from './csv-table.parser';
