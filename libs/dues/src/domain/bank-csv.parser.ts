import { createHash } from 'node:crypto';
import { BoundColumnMapping, checkMappingDefinition, DomainError, IsoDate, isIsoDate, isBlankRecord, readCsvText, type ColumnMappingDefinition, type CsvRecord } from '@org/kernel';
import { isCurrencyCode } from './currency';
import { DuesErrorCode, FieldError } from './dues.errors';
import { parseMajorAmount } from './money.value-object';

/**
 * Bank export accepted for import (UTF-8, comma-separated, one header row, columns in any order,
 * header names case-insensitive; a UTF-8 BOM is accepted):
 *
 * | column         | content                                                                    |
 * |----------------|----------------------------------------------------------------------------|
 * | date           | YYYY-MM-DD, the day the money arrived; not in the future                   |
 * | amount         | major units with a dot, e.g. `12.50`; must be positive (incoming money)    |
 * | currency       | ISO 4217 code, must be the organization's dues currency                    |
 * | reference      | the payer's reference: must contain the member number or e-mail address    |
 * | transaction_id | the bank's id for the transaction; may be empty if the bank gives none    |
 *
 * **Idempotency.** Each row gets a key: `txn:<transaction_id>` when the bank gives one, otherwise
 * `row:<sha-256 of date|amount|currency|reference>:<n>` where n counts earlier rows of this file
 * with the same content (so two identical payments on one day stay two payments). Importing the
 * same file again — or a later export that repeats those rows in the same order — yields the same
 * keys, and rows whose key is already in the ledger are reported as `already-imported` and add
 * nothing.
 *
 * **Matching.** The reference is searched for e-mail addresses and for tokens (runs of letters,
 * digits, `-` and `_`) that are member numbers, compared in upper case. Exactly one member must
 * match.
 */
export const BANK_CSV_COLUMNS = ['date', 'amount', 'currency', 'reference', 'transaction_id'] as const;
type BankColumn = (typeof BANK_CSV_COLUMNS)[number];

/**
 * A payments history exported by another tool, read through a column mapping (the kernel's
 * `column-mapping.ts`): the fields are the bank file's columns, plus `status`, read only to
 * leave rows out (`skipWhen`, e.g. a pending or refunded contribution). Without a currency
 * column, amounts are in the organization's dues currency.
 */
export const PAYMENT_MAPPING_FIELDS: readonly string[] = [...BANK_CSV_COLUMNS, 'status'];
export const PAYMENT_MAPPING_REQUIRED: readonly string[] = ['date', 'amount', 'reference'];

/** Built-in payment mappings, chosen by name (`?mapping=`). Sample files: test/fixtures/imports/. */
export const BUILT_IN_PAYMENT_MAPPINGS: Readonly<Record<string, ColumnMappingDefinition>> = {
  /** CiviContribute: Search > Find Contributions > Export, with the contact's e-mail. */
  civicontribute: {
    fields: {
      date: { column: 'Date Received', dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY'] },
      amount: { column: 'Total Amount' },
      currency: { column: 'Currency', optional: true },
      reference: { columns: ['Email', 'Source'], join: ' ' },
      transaction_id: { column: 'Transaction ID', optional: true },
      status: { column: 'Contribution Status', skipWhen: ['Pending', 'Cancelled', 'Failed', 'Refunded', 'In Progress', 'Overdue'] },
    },
  },
  /** A bank statement saved as CSV: Date (DD/MM/YYYY), Amount, Description (the payer's reference), optional Transaction ID. */
  bank: {
    fields: {
      date: { column: 'Date', dateFormats: ['DD/MM/YYYY', 'YYYY-MM-DD'] },
      amount: { column: 'Amount' },
      currency: { column: 'Currency', optional: true },
      reference: { column: 'Description' },
      transaction_id: { column: 'Transaction ID', optional: true },
    },
  },
};

/** A payments mapping a treasurer saves by name: what export it reads, and the fields. */
export interface PaymentImportMapping extends ColumnMappingDefinition {
  description?: string;
}

/**
 * Every problem of a payments mapping, in words (an unknown field, a required one not mapped, a
 * bad date format, an unknown key); empty when it can be saved.
 */
export function checkPaymentImportMapping(def: unknown): string[] {
  const problems = checkMappingDefinition(def, { known: PAYMENT_MAPPING_FIELDS, required: PAYMENT_MAPPING_REQUIRED });
  if (problems.length > 0 && problems[0].startsWith('a mapping needs')) return problems;
  const d = def as PaymentImportMapping;
  if (d.description !== undefined && (typeof d.description !== 'string' || d.description.length > 500)) problems.push('"description" is text of up to 500 characters');
  for (const k of Object.keys(d)) if (k !== 'fields' && k !== 'description') problems.push(`"${k}" is not part of a payments mapping (only "description" and "fields")`);
  return problems;
}

/** Looks members up for matching; only members the importer may record payments for. */
export interface MemberDirectory {
  memberIdByNumber(memberNumber: string): string | undefined;
  /** `email` is lower-cased and trimmed. */
  memberIdByEmail(email: string): string | undefined;
}

export interface BankPaymentCandidate {
  memberId: string;
  amountMinor: number;
  currency: string;
  paidOn: IsoDate;
  source: 'bank-import';
  /** The idempotency key; store it as the payment's externalRef. */
  externalRef: string;
  reference: string;
}

export type BankRowOutcome = 'new' | 'already-imported' | 'duplicate-in-file' | 'rejected';

export interface BankCsvRowResult {
  row: number;
  outcome: BankRowOutcome;
  /** True for rows that are fine: new, or already imported (nothing to do). */
  ok: boolean;
  errors: FieldError[];
  idempotencyKey: string | null;
  payment?: BankPaymentCandidate;
}

export interface BankCsvDryRun {
  rows: BankCsvRowResult[];
  newPayments: number;
  alreadyImported: number;
  rejected: number;
  /** No rejected rows. */
  ok: boolean;
  /** Rows a mapping leaves out (e.g. a refunded contribution), with why. */
  skipped: { row: number; reason: string }[];
}

export interface BankCsvContext {
  currency: string;
  today: IsoDate;
  directory: MemberDirectory;
  /** Keys already in the ledger (payments' externalRef with source bank-import). */
  alreadyImported: { has(key: string): boolean };
  maxRows?: number;
  /** Read the file as another tool's export through this mapping. */
  mapping?: { name: string; definition: ColumnMappingDefinition };
}

const EMAIL_RE = /[^\s,;:<>()\[\]"'\\]+@[^\s,;:<>()\[\]"'\\]+\.[^\s,;:<>()\[\]"'\\.]+/g;

/** The idempotency key for a row without a bank transaction id. */
export function contentKey(fields: { date: string; amount: string; currency: string; reference: string }, occurrence: number): string {
  const canonical = [fields.date.trim(), fields.amount.trim(), fields.currency.trim().toUpperCase(), fields.reference.trim().replace(/\s+/g, ' ')].join('|');
  return `row:${createHash('sha256').update(canonical, 'utf8').digest('hex')}:${occurrence}`;
}

/** Member ids the reference points at (distinct, in order of appearance). */
export function matchReference(reference: string, directory: MemberDirectory): string[] {
  const found: string[] = [];
  const add = (id: string | undefined) => {
    if (id !== undefined && !found.includes(id)) found.push(id);
  };
  const emails = reference.match(EMAIL_RE) ?? [];
  for (const e of emails) add(directory.memberIdByEmail(e.toLowerCase().replace(/[.]+$/, '')));
  const rest = emails.reduce((text, e) => text.replace(e, ' '), reference);
  for (const token of rest.split(/[^A-Za-z0-9_-]+/)) {
    const t = token.replace(/^[-_]+|[-_]+$/g, '');
    if (t !== '') add(directory.memberIdByNumber(t.toUpperCase()));
  }
  return found;
}

function readHeader(fields: readonly string[]): Map<BankColumn, number> {
  const names = fields.map((f) => f.trim().toLowerCase());
  const missing = BANK_CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(BANK_CSV_COLUMNS as readonly string[]).includes(n));
  const duplicate = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (missing.length || unknown.length || duplicate.length) {
    const parts: string[] = [];
    if (missing.length) parts.push(`missing column(s): ${missing.join(', ')}`);
    if (unknown.length) parts.push(`unknown column(s): ${unknown.map((u) => (u === '' ? '(empty)' : u)).join(', ')}`);
    if (duplicate.length) parts.push(`repeated column(s): ${duplicate.join(', ')}`);
    const hint = fields.length === 1 && fields[0].includes(';') ? ' The file seems to use ";" between columns; export it with commas.' : '';
    throw new DomainError(
      'invalid',
      DuesErrorCode.csvBadHeader,
      `The header row (row 1) is wrong — ${parts.join('; ')}. The header must be ${BANK_CSV_COLUMNS.join(',')}.${hint}`,
      { row: 1, missing, unknown, duplicate },
    );
  }
  const index = new Map<BankColumn, number>();
  names.forEach((n, i) => index.set(n as BankColumn, i));
  return index;
}

/**
 * The dry run of a bank import (the file's bytes, or its records as the platform's CSV reader read them): for every row, whether it is a new payment, already imported, a
 * repeat within the file, or rejected and why. Changes nothing. Whole-file problems (encoding,
 * header, broken quoting) throw, naming the row.
 */
export function parseBankCsv(input: Uint8Array | string | readonly CsvRecord[], context: BankCsvContext): BankCsvDryRun {
  const maxRows = context.maxRows ?? 500_000;
  let header: Map<BankColumn, number> | null = null;
  let bound: BoundColumnMapping | null = null;
  let headerWidth = 0;
  const skipped: { row: number; reason: string }[] = [];
  const rows: BankCsvRowResult[] = [];
  const occurrences = new Map<string, number>();
  const byTxn = new Map<string, { row: number; content: string }>();

  for (const record of Array.isArray(input) ? (input as readonly CsvRecord[]) : readCsvText(input as Uint8Array | string)) {
    if (header === null) {
      if (isBlankRecord(record.fields)) continue;
      if (context.mapping) {
        bound = BoundColumnMapping.bind(context.mapping.definition, record.fields, context.mapping.name);
        header = new Map();
        headerWidth = record.fields.length;
      } else {
        header = readHeader(record.fields);
        headerWidth = header.size;
      }
      continue;
    }
    if (isBlankRecord(record.fields)) continue;
    if (rows.length >= maxRows) {
      throw new DomainError('invalid', DuesErrorCode.csvMalformed, `The file has more than ${maxRows} rows; split it into smaller files.`, { row: record.row });
    }
    const result: BankCsvRowResult = { row: record.row, outcome: 'rejected', ok: false, errors: [], idempotencyKey: null };
    if (record.fields.length !== headerWidth) {
      rows.push(result);
      result.errors.push({ field: 'row', message: `has ${record.fields.length} values but the header has ${headerWidth} columns` });
      continue;
    }
    const mapped = bound ? bound.map(record.fields) : null;
    if (mapped?.skipped) {
      skipped.push({ row: record.row, reason: `left out by the mapping: ${mapped.skipped}` });
      continue;
    }
    rows.push(result);
    if (mapped && mapped.errors.length > 0) {
      // A value the mapping could not read (a date in another format, an unknown value): named on its source column.
      result.errors.push(...mapped.errors.map((e) => ({ field: e.column, message: e.message })));
      continue;
    }
    const get = (c: BankColumn): string => (mapped ? (mapped.values.get(c) ?? '') : record.fields[header!.get(c)!]);
    const raw = { date: get('date'), amount: get('amount'), currency: mapped && get('currency').trim() === '' ? context.currency : get('currency'), reference: get('reference') };
    const txn = get('transaction_id').trim();

    // the key first: a row seen before is reported as such even if it would now be rejected
    const content = contentKey(raw, 0);
    let key: string;
    if (txn !== '') {
      key = `txn:${txn}`;
      const seen = byTxn.get(txn);
      if (seen) {
        result.idempotencyKey = key;
        if (seen.content === content) {
          result.outcome = 'duplicate-in-file';
          result.ok = true;
          result.errors.push({ field: 'transaction_id', message: `repeats row ${seen.row}; it will be imported once` });
        } else {
          result.errors.push({ field: 'transaction_id', message: `${txn} is also used on row ${seen.row} with different details` });
        }
        continue;
      }
      byTxn.set(txn, { row: record.row, content });
    } else {
      const n = occurrences.get(content) ?? 0;
      occurrences.set(content, n + 1);
      key = contentKey(raw, n);
    }
    result.idempotencyKey = key;
    if (context.alreadyImported.has(key)) {
      result.outcome = 'already-imported';
      result.ok = true;
      continue;
    }

    const errors = result.errors;
    const date = raw.date.trim();
    if (!isIsoDate(date)) errors.push({ field: 'date', message: `"${raw.date}" is not a date written YYYY-MM-DD` });
    else if (date > context.today) errors.push({ field: 'date', message: `${date} is in the future` });

    const currency = raw.currency.trim().toUpperCase();
    let currencyOk = false;
    if (!isCurrencyCode(currency)) errors.push({ field: 'currency', message: `"${raw.currency}" is not a known currency code` });
    else if (currency !== context.currency) errors.push({ field: 'currency', message: `dues are paid in ${context.currency}, not ${currency}` });
    else currencyOk = true;

    let amountMinor: number | null = null;
    if (currencyOk) {
      try {
        amountMinor = parseMajorAmount(raw.amount, currency);
        if (amountMinor <= 0) {
          errors.push({ field: 'amount', message: `${raw.amount.trim()} is not an incoming payment: only positive amounts can be imported` });
          amountMinor = null;
        }
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        errors.push({ field: 'amount', message: e.message.replace(/^amount /, '') });
      }
    }

    const matches = matchReference(raw.reference, context.directory);
    if (matches.length === 0) errors.push({ field: 'reference', message: 'contains no known member number or e-mail address' });
    else if (matches.length > 1) errors.push({ field: 'reference', message: `matches ${matches.length} different members; record this payment by hand` });

    if (errors.length > 0) continue;
    result.outcome = 'new';
    result.ok = true;
    result.payment = { memberId: matches[0], amountMinor: amountMinor!, currency, paidOn: date, source: 'bank-import', externalRef: key, reference: raw.reference.trim() };
  }
  if (header === null) {
    throw new DomainError('invalid', DuesErrorCode.csvEmpty, `The file is empty. It needs the header row ${BANK_CSV_COLUMNS.join(',')} and one row per transaction.`);
  }
  // Under a mapping, errors name the file's own columns.
  if (bound) for (const r of rows) for (const e of r.errors) if (PAYMENT_MAPPING_FIELDS.includes(e.field)) e.field = bound.sourceOf(e.field) ?? e.field;
  const count = (o: BankRowOutcome) => rows.filter((r) => r.outcome === o).length;
  const rejected = count('rejected');
  return { rows, newPayments: count('new'), alreadyImported: count('already-imported'), rejected, ok: rejected === 0, skipped };
}
