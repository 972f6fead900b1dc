/**
 * The dues domain's public API: plain TypeScript, no framework. See ../../README.md,
 * "Domain rules", for each rule and the test that proves it.
 */
// Calendar dates and the CSV reader are the shared kernel's (one implementation for every context).
export { isIsoDate, isIsoInstant, daysInMonth, addDays, daysBetween, addMonths, minDate, maxDate, minEnd, monthsBetween, monthStart, nextMonthStart } from '@org/kernel';
export type { IsoDate, IsoInstant } from '@org/kernel';
export * from './dues.errors';
export * from './currency';
export * from './money.value-object';
export * from './dues-plan.entity';
export * from './payment.entity';
export * from './hardship-waiver.value-object';
export * from './good-standing.policy';
export * from './dues-account.entity';
export * from './bank-csv.parser';
export { decodeCsv, readCsv, readCsvText } from '@org/kernel';
export type { CsvRecord } from '@org/kernel';
