import { BoundColumnMapping, DomainError, IsoDate, isIsoDate, isBlankRecord, probableMatchKeys, unprotectCsvField, type CsvRecord, type ProbableMatchReason } from '@org/kernel';
import { normalizeBranchCode } from './branch.entity';
import { expandMemberMapping, type MemberImportMapping } from './member-import-mapping';
import { MemberProfile } from './member-profile.value-object';
import { FieldError, MembershipErrorCode } from './membership.errors';

/**
 * Member import file (UTF-8, comma-separated, one header row, columns in any order, header names
 * case-insensitive):
 *
 * | column          | required | content                                                        |
 * |-----------------|----------|----------------------------------------------------------------|
 * | first_name      | yes      | 1–100 characters                                               |
 * | last_name       | yes (column); value may be empty for a single name                        |
 * | email           | yes (column); value may be empty. Unique in the file and the register      |
 * | phone           | yes (column); value may be empty. 6–15 digits, optional leading +          |
 * | branch_code     | yes      | a branch code the importer may import into                     |
 * | joined_on       | yes      | YYYY-MM-DD, not in the future (applicants: date of application) |
 * | status          | yes      | active, lapsed or applicant                                    |
 * | member_number   | no       | unique in the file and the register                            |
 * | address         | no       | up to 500 characters                                           |
 * | email_consent   | no       | yes/no, true/false, 1/0 or empty (not asked)                   |
 * | date_of_birth   | no       | YYYY-MM-DD                                                     |
 * | past_branches   | no       | earlier branch periods: `CODE:FROM..UNTIL; …` (dates YYYY-MM-DD, |
 * |                 |          | UNTIL = first day no longer there); the current period starts   |
 * |                 |          | at the latest UNTIL (else at joined_on)                         |
 * | dues_level      | no       | the name of a dues plan (Standard, Reduced…)                    |
 *
 * With a column mapping (`MemberImportMapping`), the file is another tool's export: each of these
 * fields is read from the source columns the mapping names, and errors name those columns.
 * Suspended and expelled cannot be imported: sanctions come only from the Control Commission.
 * A value the export protected against formula injection (`'+44…`) is read back without the
 * apostrophe. A UTF-8 byte-order mark is accepted.
 */
export const MEMBER_CSV_REQUIRED_COLUMNS = ['first_name', 'last_name', 'email', 'phone', 'branch_code', 'joined_on', 'status'] as const;
export const MEMBER_CSV_OPTIONAL_COLUMNS = ['member_number', 'address', 'email_consent', 'date_of_birth', 'past_branches', 'dues_level'] as const;
export type MemberCsvColumn = (typeof MEMBER_CSV_REQUIRED_COLUMNS)[number] | (typeof MEMBER_CSV_OPTIONAL_COLUMNS)[number];

export type ImportableStatus = 'active' | 'lapsed' | 'applicant';

/** A row that passed every check, ready for `Member.importRecord`. */
export interface MemberCsvRow {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  branchCode: string;
  branchId: string;
  joinedOn: IsoDate;
  status: ImportableStatus;
  memberNumber: string | null;
  /** undefined: the file says nothing about consent. */
  emailConsent: boolean | undefined;
  dateOfBirth: IsoDate | null;
  /** Earlier branch periods `[from, to)`, oldest first; the current one starts at the last `to` (else `joinedOn`). */
  pastBranchPeriods: { branchId: string; from: IsoDate; to: IsoDate }[];
  /** A dues plan name as the register's plans write it, or null. */
  duesLevel: string | null;
}

export interface MemberCsvRowResult {
  row: number;
  ok: boolean;
  errors: FieldError[];
  /** Probable duplicates: reported, not refused (the importer checks them). */
  warnings?: FieldError[];
  member?: MemberCsvRow;
}

/** Exact duplicates are refused (same e-mail or member number); probable ones are reported. */
export interface MemberCsvDuplicates {
  exact: { kind: 'email' | 'member_number'; rows: number[]; inRegister: boolean }[];
  probable: { reason: ProbableMatchReason; rows: number[]; registerMembers: string[] }[];
  /** Groups beyond the ones listed (each list holds at most `MEMBER_CSV_REPORT_LIMIT`). */
  exactNotShown: number;
  probableNotShown: number;
}

/** How many problem rows, skipped rows and duplicate groups a report lists at most; the rest are counted. */
export const MEMBER_CSV_REPORT_LIMIT = 1000;
/** How many rows one duplicate group lists at most. */
const GROUP_ROWS_LIMIT = 100;

/**
 * What the check of a whole file found, without holding every row: the counts, and the rows with
 * a problem (rejected, or with a probable-duplicate warning) up to the limit, in row order.
 */
export interface MemberCsvSummary {
  /** Data rows read (skipped ones included). */
  read: number;
  accepted: number;
  rejected: number;
  /** Rows with errors or warnings, at most `MEMBER_CSV_REPORT_LIMIT`, in row order (no `member`). */
  problems: MemberCsvRowResult[];
  /** Rows with a problem that `problems` leaves out. */
  problemsNotShown: number;
  /** Rows a mapping leaves out (e.g. a "Cancelled" membership), with why: at most the limit. */
  skipped: { row: number; reason: string }[];
  skippedCount: number;
  duplicates: MemberCsvDuplicates;
  /** True when every row is acceptable: the import may then be applied (all or nothing). */
  ok: boolean;
}

/** A person already in the register, for probable duplicates (member number shown only when the importer may see them). */
export interface RegisterPerson {
  memberNumber: string | null;
  name: string;
  dateOfBirth?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
}

export interface MemberCsvContext {
  /** Branch codes (any case) the importer may import into → branch id. Others read as unknown. */
  branches: ReadonlyMap<string, string>;
  /** E-mails already in the register, normalized (lower case, trimmed). */
  existingEmails: { has(email: string): boolean };
  existingMemberNumbers?: { has(memberNumber: string): boolean };
  today: IsoDate;
  /** Default 200,000. */
  maxRows?: number;
  /** Every branch, closed ones included (past periods may name them): code → id, and name → code. */
  allBranches?: { byCode: ReadonlyMap<string, string>; codeByName: ReadonlyMap<string, string> };
  /** Dues plan names (any case) → the plan's own spelling. Without it, `dues_level` is refused. */
  duesLevels?: ReadonlyMap<string, string>;
  /** People in the register, for probable duplicates. */
  register?: Iterable<RegisterPerson>;
  /** Read the file as another tool's export through this mapping. */
  mapping?: { name: string; definition: MemberImportMapping };
}

const IMPORTABLE: readonly string[] = ['active', 'lapsed', 'applicant'];
const CONSENT: Record<string, boolean> = { yes: true, y: true, true: true, '1': true, no: false, n: false, false: false, '0': false };

/** Checks the header, naming missing, unknown and repeated columns. Returns column → index. */
export function readMemberCsvHeader(fields: readonly string[]): Map<MemberCsvColumn, number> {
  const names = fields.map((f) => f.trim().toLowerCase());
  const known: readonly string[] = [...MEMBER_CSV_REQUIRED_COLUMNS, ...MEMBER_CSV_OPTIONAL_COLUMNS];
  const missing = MEMBER_CSV_REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !known.includes(n));
  const duplicate = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (missing.length > 0 || unknown.length > 0 || duplicate.length > 0) {
    const parts: string[] = [];
    if (missing.length) parts.push(`missing column(s): ${missing.join(', ')}`);
    if (unknown.length) parts.push(`unknown column(s): ${unknown.map((u) => (u === '' ? '(empty)' : u)).join(', ')}`);
    if (duplicate.length) parts.push(`repeated column(s): ${duplicate.join(', ')}`);
    const hint = fields.length === 1 && fields[0].includes(';') ? ' The file seems to use ";" between columns; save it with commas (CSV UTF-8).' : '';
    throw new DomainError(
      'invalid',
      MembershipErrorCode.csvBadHeader,
      `The header row (row 1) is wrong — ${parts.join('; ')}. The header must contain ${MEMBER_CSV_REQUIRED_COLUMNS.join(',')} and may add ${MEMBER_CSV_OPTIONAL_COLUMNS.join(',')}.${hint}`,
      { row: 1, missing, unknown, duplicate },
    );
  }
  const index = new Map<MemberCsvColumn, number>();
  names.forEach((n, i) => index.set(n as MemberCsvColumn, i));
  return index;
}

/**
 * The check of a member file, one record at a time, so that a file of any length is read as it
 * arrives and never held whole: `read` each record of the file (header first) and get the row's
 * result (accepted with its member, or rejected and why), `reject` a row for a reason found
 * outside the file (the register), then `finish` for the summary. Whole-file problems (header,
 * too many rows) throw a `DomainError` naming the row. Nothing here changes any state.
 *
 * What is kept per row is only what the cross-row checks need (e-mails, member numbers, the
 * probable-match keys, each with its row number) and one bit per row; the report holds the rows
 * with a problem up to `MEMBER_CSV_REPORT_LIMIT` and counts the rest.
 */
export class MemberCsvCheck {
  private header: Map<MemberCsvColumn, number> | null = null;
  private bound: BoundColumnMapping | null = null;
  private headerWidth = 0;
  private readonly maxRows: number;
  private readonly branches = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly branchBy: 'code' | 'name' | 'name-or-code';
  private readonly pastGroups: number;
  private readonly firstRowByEmail = new RowTable();
  private readonly firstRowByNumber = new RowTable();
  /** First rows already told that a later row repeats their value (one entry per duplicate group). */
  private readonly flaggedFirst = new Set<string>();
  private readonly exactGroups = new Map<string, MemberCsvDuplicates['exact'][number]>();
  private exactNotShown = 0;
  private readonly people = new PeopleInFile();
  private readonly report = new ProblemRows(MEMBER_CSV_REPORT_LIMIT);
  private readonly skipped: { row: number; reason: string }[] = [];
  private skippedCount = 0;
  private dataRows = 0;
  private rejectedCount = 0;

  constructor(private readonly context: MemberCsvContext) {
    this.maxRows = context.maxRows ?? 200_000;
    for (const [code, id] of context.branches) this.branches.set(normalizeBranchCode(code), id);
    for (const [name, code] of context.allBranches?.codeByName ?? []) this.byName.set(name.trim().toLowerCase(), normalizeBranchCode(code));
    this.branchBy = context.mapping?.definition.branchBy ?? 'code';
    this.pastGroups = context.mapping?.definition.pastBranches?.length ?? 0;
  }

  /** True while no row has been rejected: an apply may go on writing. */
  get clean(): boolean {
    return this.rejectedCount === 0;
  }

  /**
   * The file's own column for a platform field (`member_number` → "Membership ID" under a
   * mapping; the field itself without one), so that errors added after parsing name it too.
   */
  column(field: string): string {
    return this.bound ? sourceColumn(this.bound, field) : field;
  }

  /** One record of the file. Returns the data row's result; null for the header, blank and skipped rows. */
  read(record: CsvRecord): MemberCsvRowResult | null {
    const context = this.context;
    if (this.header === null) {
      if (isBlankRecord(record.fields)) return null;
      if (context.mapping) {
        this.bound = BoundColumnMapping.bind(expandMemberMapping(context.mapping.definition), record.fields, context.mapping.name);
        this.header = new Map();
        this.headerWidth = record.fields.length;
      } else {
        this.header = readMemberCsvHeader(record.fields);
        this.headerWidth = this.header.size;
      }
      return null;
    }
    if (isBlankRecord(record.fields)) return null;
    if (this.dataRows - this.skippedCount >= this.maxRows) {
      throw new DomainError('invalid', MembershipErrorCode.csvMalformed, `The file has more than ${this.maxRows} rows; split it into smaller files.`, { row: record.row });
    }
    this.dataRows++;
    const result: MemberCsvRowResult = { row: record.row, ok: false, errors: [] };
    if (record.fields.length !== this.headerWidth) {
      result.errors.push({ field: 'row', message: `has ${record.fields.length} values but the header has ${this.headerWidth} columns` });
      return this.done(result);
    }
    const bound = this.bound;
    const header = this.header;
    const mapped = bound ? bound.map(record.fields) : null;
    if (mapped?.skipped) {
      this.skippedCount++;
      if (this.skipped.length < MEMBER_CSV_REPORT_LIMIT) this.skipped.push({ row: record.row, reason: `left out by the mapping: ${mapped.skipped}` });
      return null;
    }
    const get = (c: string): string => {
      if (mapped) return mapped.values.get(c) ?? '';
      const i = header.get(c as MemberCsvColumn);
      return i === undefined ? '' : unprotectCsvField(record.fields[i]);
    };

    const errors = result.errors;
    const { profile, errors: profileErrors } = MemberProfile.check({
      firstName: get('first_name'),
      lastName: get('last_name'),
      email: get('email'),
      phone: get('phone'),
      address: get('address'),
    });
    const column: Record<string, MemberCsvColumn> = { firstName: 'first_name', lastName: 'last_name', email: 'email', phone: 'phone', address: 'address' };
    for (const e of profileErrors) errors.push({ field: column[e.field] ?? e.field, message: e.message });

    const branchBy = this.branchBy;
    const branchCode = resolveBranch(get('branch_code'), branchBy, this.byName);
    const branchId = this.branches.get(branchCode);
    if (branchCode === '') errors.push({ field: 'branch_code', message: 'is required' });
    else if (branchId === undefined) {
      errors.push({ field: 'branch_code', message: branchBy === 'code' ? `unknown branch code "${branchCode}"` : `unknown branch "${get('branch_code').trim()}" (not the name or code of a branch you may import into)` });
    }

    const joinedOn = get('joined_on').trim();
    if (joinedOn === '') errors.push({ field: 'joined_on', message: 'is required (YYYY-MM-DD)' });
    else if (!isIsoDate(joinedOn)) errors.push({ field: 'joined_on', message: `"${joinedOn}" is not a date written YYYY-MM-DD` });
    else if (joinedOn > context.today) errors.push({ field: 'joined_on', message: `${joinedOn} is in the future` });

    const status = get('status').trim().toLowerCase();
    if (status === '') errors.push({ field: 'status', message: 'is required: active, lapsed or applicant' });
    else if (status === 'suspended' || status === 'expelled') {
      errors.push({ field: 'status', message: `${status} members cannot be imported: sanctions come only from the Control Commission` });
    } else if (!IMPORTABLE.includes(status)) errors.push({ field: 'status', message: `"${status}" is not one of active, lapsed, applicant` });

    const consentText = get('email_consent').trim().toLowerCase();
    const emailConsent = consentText === '' ? undefined : CONSENT[consentText];
    if (consentText !== '' && emailConsent === undefined) errors.push({ field: 'email_consent', message: `"${consentText}" is not yes or no` });

    const memberNumber = get('member_number').trim() || null;
    if (memberNumber !== null && !/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(memberNumber)) {
      errors.push({ field: 'member_number', message: 'use 1 to 32 letters, digits, - or _' });
    }

    const dobText = get('date_of_birth').trim();
    let dateOfBirth: IsoDate | null = null;
    if (dobText !== '') {
      if (!isIsoDate(dobText)) errors.push({ field: 'date_of_birth', message: `"${dobText}" is not a date written YYYY-MM-DD` });
      else if (dobText > context.today || dobText < '1900-01-01') errors.push({ field: 'date_of_birth', message: `${dobText} is not a plausible date of birth` });
      else dateOfBirth = dobText;
    }

    const duesText = get('dues_level').trim();
    let duesLevel: string | null = null;
    if (duesText !== '') {
      duesLevel = context.duesLevels?.get(duesText.toLowerCase()) ?? null;
      if (duesLevel === null) {
        const known = [...(context.duesLevels?.values() ?? [])];
        errors.push({ field: 'dues_level', message: `"${duesText}" is not a dues plan of the organization${known.length ? ` (plans: ${known.join(', ')})` : ' (it has none yet)'}` });
      }
    }

    const past = readPastBranches(get, this.pastGroups, mapped !== null, branchBy, this.byName, context.allBranches?.byCode);
    errors.push(...past.errors);
    const pastBranchPeriods = past.periods;
    if (pastBranchPeriods.length > 0 && isIsoDate(joinedOn)) {
      if (status === 'applicant') errors.push({ field: 'past_branches', message: 'an applicant has no branch history yet; leave it empty or import them as active' });
      const first = pastBranchPeriods[0];
      const last = pastBranchPeriods[pastBranchPeriods.length - 1];
      if (first.from < joinedOn) errors.push({ field: 'past_branches', message: `the period from ${first.from} begins before joined_on ${joinedOn}` });
      if (last.to > context.today) errors.push({ field: 'past_branches', message: `the period until ${last.to} ends in the future; the current branch is the branch column` });
    }

    const email = profile?.email ?? null;
    if (email !== null) this.unique('email', email, record.row, context.existingEmails.has(email), errors);
    if (memberNumber !== null) this.unique('member_number', memberNumber, record.row, context.existingMemberNumbers?.has(memberNumber) ?? false, errors);

    if (profile) {
      const p = profile.toSnapshot();
      this.people.note(record.row, probableMatchKeys({ name: `${p.firstName} ${p.lastName}`, dateOfBirth, phone: p.phone, postalAddress: p.address }));
    }
    if (mapped) {
      // A value the mapping could not read is reported once, by the mapping, on its source column.
      const failed = new Set(mapped.errors.map((e) => e.field));
      const kept = errors.filter((e) => !failed.has(e.field));
      errors.length = 0;
      errors.push(...mapped.errors.map((e) => ({ field: e.field, message: e.message })), ...kept);
    }
    if (errors.length === 0 && profile) {
      result.ok = true;
      result.member = {
        ...profile.toSnapshot(),
        branchCode,
        branchId: branchId!,
        joinedOn,
        status: status as ImportableStatus,
        memberNumber,
        emailConsent,
        dateOfBirth,
        pastBranchPeriods,
        duesLevel,
      };
    }
    return this.done(result);
  }

  /** A row refused for a reason found outside the file (the register); `field` is the platform field, or "row". */
  reject(row: number, field: string, message: string): void {
    this.addError(row, { field: field === 'row' ? field : this.column(field), message });
  }

  /** The summary, once every record has been read; `register`: people already in it, for probable duplicates. */
  finish(): MemberCsvSummary {
    if (this.header === null) {
      throw new DomainError(
        'invalid',
        MembershipErrorCode.csvEmpty,
        `The file is empty. It needs a header row (${MEMBER_CSV_REQUIRED_COLUMNS.join(',')}) and one row per member.`,
      );
    }
    const probable = probableDuplicates(this.people, this.context.register ?? [], this.bound, (row, warning) => this.report.warn(row, warning));
    const read = this.dataRows - this.skippedCount;
    return {
      read: this.dataRows,
      accepted: read - this.rejectedCount,
      rejected: this.rejectedCount,
      problems: this.report.rows(),
      problemsNotShown: this.report.notShown,
      skipped: this.skipped,
      skippedCount: this.skippedCount,
      duplicates: { exact: [...this.exactGroups.values()], probable: probable.listed, exactNotShown: this.exactNotShown, probableNotShown: probable.notShown },
      ok: this.rejectedCount === 0,
    };
  }

  private done(result: MemberCsvRowResult): MemberCsvRowResult {
    if (this.bound) for (const e of result.errors) e.field = sourceColumn(this.bound, e.field);
    if (result.errors.length > 0) {
      result.ok = false;
      delete result.member;
      for (const e of result.errors) this.addError(result.row, e);
    }
    return result;
  }

  /** Counts a row as rejected once, and lists the error while the report has room. */
  private addError(row: number, error: FieldError): void {
    if (!this.report.isRejected(row)) this.rejectedCount++;
    this.report.error(row, error);
  }

  /** The first row with a value a later row repeats: rejected too (it may have been accepted when read). */
  private rejectEarlier(row: number, field: string, message: string): void {
    const key = `${field}|${row}`;
    if (this.flaggedFirst.has(key)) return;
    this.flaggedFirst.add(key);
    this.addError(row, { field: this.column(field), message });
  }

  /** An e-mail or member number must be new to the register and appear once in the file; a repeat rejects both rows. */
  private unique(kind: 'email' | 'member_number', value: string, row: number, inRegister: boolean, errors: FieldError[]): void {
    if (inRegister) {
      errors.push({ field: kind, message: `${value} already belongs to a member in the register` });
      this.addExactInRegister(kind, row);
    }
    const firstRows = kind === 'email' ? this.firstRowByEmail : this.firstRowByNumber;
    const key = compactKey(value);
    const first = firstRows.get(key);
    if (first === undefined) {
      firstRows.set(key, row);
      return;
    }
    this.addExact(kind, first, row);
    errors.push({ field: kind, message: `${value} is also used on row ${first}` });
    this.rejectEarlier(first, kind, `${value} is also used on row ${row}`);
  }

  private addExact(kind: 'email' | 'member_number', firstRow: number, row: number): void {
    const key = `${kind}|${firstRow}`;
    const group = this.exactGroups.get(key);
    if (group) {
      if (group.rows.length < GROUP_ROWS_LIMIT) group.rows.push(row);
    } else if (this.exactGroups.size < MEMBER_CSV_REPORT_LIMIT) this.exactGroups.set(key, { kind, rows: [firstRow, row], inRegister: false });
    else this.exactNotShown++;
  }

  private addExactInRegister(kind: 'email' | 'member_number', row: number): void {
    if (this.exactGroups.size < MEMBER_CSV_REPORT_LIMIT) this.exactGroups.set(`${kind}|register|${row}`, { kind, rows: [row], inRegister: true });
    else this.exactNotShown++;
  }
}

/**
 * The rows with a problem, bounded: one bit per row says whether it was rejected (and one whether
 * it is counted among the problem rows); the first `limit` problem rows keep their errors and
 * warnings, the others are only counted.
 */
class ProblemRows {
  private readonly listed = new Map<number, MemberCsvRowResult>();
  private readonly rejectedBits = new RowBits();
  private readonly problemBits = new RowBits();
  private count = 0;

  constructor(private readonly limit: number) {}

  get notShown(): number {
    return this.count - this.listed.size;
  }

  isRejected(row: number): boolean {
    return this.rejectedBits.has(row);
  }

  error(row: number, error: FieldError): void {
    this.rejectedBits.add(row);
    const entry = this.entry(row);
    if (!entry) return;
    entry.ok = false;
    entry.errors.push(error);
  }

  warn(row: number, warning: FieldError): void {
    const entry = this.entry(row);
    if (entry) (entry.warnings ??= []).push(warning);
  }

  rows(): MemberCsvRowResult[] {
    return [...this.listed.values()].sort((a, b) => a.row - b.row);
  }

  private entry(row: number): MemberCsvRowResult | null {
    if (!this.problemBits.has(row)) {
      this.problemBits.add(row);
      this.count++;
      if (this.listed.size < this.limit) this.listed.set(row, { row, ok: !this.rejectedBits.has(row), errors: [] });
    }
    return this.listed.get(row) ?? null;
  }
}

/** One bit per row number. */
class RowBits {
  private bits = new Uint8Array(1024);

  has(row: number): boolean {
    return row >> 3 < this.bits.length && (this.bits[row >> 3] & (1 << (row & 7))) !== 0;
  }

  add(row: number): void {
    if (row >> 3 >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, (row >> 3) + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[row >> 3] |= 1 << (row & 7);
  }
}

const PAST_COLUMNS = { branch: 'past_branches', from: 'past_branches', until: 'past_branches' };

/** The source column(s) of a platform field under a mapping (`past.0.from` → its column). */
function sourceColumn(bound: BoundColumnMapping, field: string): string {
  const m = /^past\.(\d+)\.(branch|from|until)$/.exec(field);
  if (m) return bound.sourceOf(field) ?? PAST_COLUMNS[m[2] as keyof typeof PAST_COLUMNS];
  return bound.sourceOf(field) ?? field;
}

function resolveBranch(raw: string, by: 'code' | 'name' | 'name-or-code', byName: ReadonlyMap<string, string>): string {
  const text = raw.trim();
  if (by === 'code') return normalizeBranchCode(text);
  const code = byName.get(text.toLowerCase());
  if (code !== undefined) return code;
  return by === 'name' && text !== '' ? `name:${text}` : normalizeBranchCode(text);
}

/**
 * Earlier branch periods: from the `past_branches` column (`CODE:FROM..UNTIL; …`), or from a
 * mapping's column groups. Branches closed since are accepted (it is history); by code, or by name
 * when the mapping says so.
 */
function readPastBranches(
  get: (c: string) => string,
  groups: number,
  mapped: boolean,
  by: 'code' | 'name' | 'name-or-code',
  byName: ReadonlyMap<string, string>,
  byCode: ReadonlyMap<string, string> | undefined,
): { periods: { branchId: string; from: IsoDate; to: IsoDate }[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const raw: { field: string; branch: string; from: string; until: string }[] = [];
  if (mapped) {
    for (let i = 0; i < groups; i++) {
      const branch = get(`past.${i}.branch`).trim();
      const from = get(`past.${i}.from`).trim();
      const until = get(`past.${i}.until`).trim();
      if (branch === '' && from === '' && until === '') continue;
      raw.push({ field: `past.${i}.branch`, branch, from, until });
    }
  } else {
    const text = get('past_branches').trim();
    if (text !== '') {
      for (const part of text.split(';').map((x) => x.trim()).filter(Boolean)) {
        const m = /^(.+):\s*(\S+)\s*\.\.\s*(\S+)$/.exec(part);
        if (!m) {
          errors.push({ field: 'past_branches', message: `"${part}" is not written CODE:FROM..UNTIL (e.g. NORTH:2015-03-01..2019-06-30)` });
          continue;
        }
        raw.push({ field: 'past_branches', branch: m[1].trim(), from: m[2], until: m[3] });
      }
    }
  }
  const periods: { branchId: string; from: IsoDate; to: IsoDate }[] = [];
  for (const r of raw) {
    const code = resolveBranch(r.branch, by, byName);
    const branchId = byCode?.get(code);
    if (r.branch === '') errors.push({ field: r.field, message: 'names no branch, but the period has dates' });
    else if (branchId === undefined) errors.push({ field: r.field, message: `unknown branch "${r.branch}"` });
    const fromField = r.field.startsWith('past.') ? r.field.replace('.branch', '.from') : r.field;
    const untilField = r.field.startsWith('past.') ? r.field.replace('.branch', '.until') : r.field;
    if (!isIsoDate(r.from)) errors.push({ field: fromField, message: r.from === '' ? 'the start of the earlier branch period is missing' : `"${r.from}" is not a date written YYYY-MM-DD` });
    if (!isIsoDate(r.until)) errors.push({ field: untilField, message: r.until === '' ? 'the end of the earlier branch period is missing' : `"${r.until}" is not a date written YYYY-MM-DD` });
    else if (isIsoDate(r.from) && r.until <= r.from) errors.push({ field: untilField, message: `the period in ${r.branch} ends (${r.until}) on or before it starts (${r.from})` });
    if (branchId !== undefined && isIsoDate(r.from) && isIsoDate(r.until) && r.until > r.from) periods.push({ branchId, from: r.from, to: r.until });
  }
  periods.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < periods.length; i++) {
    if (periods[i].from < periods[i - 1].to) {
      errors.push({ field: raw.length && raw[0].field.startsWith('past.') ? raw[0].field : 'past_branches', message: `the earlier branch periods overlap (${periods[i - 1].from}..${periods[i - 1].to} and ${periods[i].from}..${periods[i].to})` });
    }
  }
  return { periods: errors.length ? [] : periods, errors };
}

/**
 * What the cross-row checks keep of a value: a 64-bit digest (two independent 32-bit hashes,
 * FNV-1a and a multiplicative one, each finished with MurmurHash3's mix) as 8 one-byte characters,
 * instead of the value itself. Not cryptographic — a file can only collide with itself, and a
 * chance collision in a file of a million values is about 1 in 36 million.
 */
function compactKey(value: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = mix(a);
  b = mix(b ^ value.length);
  return String.fromCharCode(a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, b >>> 24, (b >>> 16) & 255, (b >>> 8) & 255, b & 255);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Compact key → first row, in typed arrays (12 bytes a slot, open addressing), so that what a
 * large file leaves behind per row is a few bytes, not a string and a map entry.
 */
class RowTable {
  private slots = new Uint32Array(3 * 1024);
  private size = 0;

  get(key: string): number | undefined {
    const i = this.find(key);
    return this.slots[i + 2] === 0 ? undefined : this.slots[i + 2];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, row: number): void {
    if ((this.size + 1) * 2 > this.slots.length / 3) this.grow();
    const i = this.find(key);
    if (this.slots[i + 2] === 0) this.size++;
    const [a, b] = halves(key);
    this.slots[i] = a;
    this.slots[i + 1] = b;
    this.slots[i + 2] = row;
  }

  private find(key: string): number {
    const [a, b] = halves(key);
    const n = this.slots.length / 3;
    let k = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
    for (;;) {
      const i = 3 * (k & (n - 1));
      if (this.slots[i + 2] === 0 || (this.slots[i] === a && this.slots[i + 1] === b)) return i;
      k++;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    const n = this.slots.length / 3;
    for (let j = 0; j < old.length; j += 3) {
      if (old[j + 2] === 0) continue;
      let k = (old[j] ^ Math.imul(old[j + 1], 0x9e3779b1)) >>> 0;
      for (;;) {
        const i = 3 * (k & (n - 1));
        if (this.slots[i + 2] === 0) {
          this.slots.set(old.subarray(j, j + 3), i);
          break;
        }
        k++;
      }
    }
  }
}

/** Two 32-bit numbers from a key's characters (one byte each: a digest read as latin1, perhaps after a digit). */
function halves(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (i < 4) b = ((b << 8) | c) >>> 0;
    else a = Math.imul(a ^ c, 0x01000193) >>> 0;
  }
  return [a, b];
}

const MATCH_REASONS: readonly ProbableMatchReason[] = ['name+date_of_birth', 'name+phone', 'name+address'];

/** A probable-match key, compact: the reason's digit, then the key's digest. */
function matchId(reason: ProbableMatchReason, key: string): string {
  return String(MATCH_REASONS.indexOf(reason)) + compactKey(key);
}

/**
 * The probable-match keys of the file's rows, held compactly: one entry per key with its first row,
 * and a group only where a second row has the same key (a 100,000-row file has ~300,000 keys and
 * very few groups).
 */
class PeopleInFile {
  readonly first = new RowTable();
  readonly groups = new Map<string, number[]>();

  note(row: number, keys: readonly { reason: ProbableMatchReason; key: string }[]): void {
    for (const k of keys) {
      const id = matchId(k.reason, k.key);
      const group = this.groups.get(id);
      if (group) {
        if (group[group.length - 1] !== row && group.length < GROUP_ROWS_LIMIT) group.push(row);
        continue;
      }
      const earlier = this.first.get(id);
      if (earlier === undefined) this.first.set(id, row);
      else if (earlier !== row) this.groups.set(id, [earlier, row]);
    }
  }
}

/**
 * Probable duplicates: rows with the same normalized name together with the same date of birth,
 * phone or postal address — within the file and against the register. Reported as warnings on
 * each row involved (`warn`); they do not stop the import. Lists at most the report limit of groups.
 */
function probableDuplicates(
  people: PeopleInFile,
  register: Iterable<RegisterPerson>,
  bound: BoundColumnMapping | null,
  warn: (row: number, warning: FieldError) => void,
): { listed: MemberCsvDuplicates['probable']; notShown: number } {
  const inRegister = new Map<string, string[]>();
  for (const p of register) {
    for (const k of probableMatchKeys(p)) {
      const id = matchId(k.reason, k.key);
      if (!people.first.has(id)) continue;
      const list = inRegister.get(id) ?? [];
      if (list.length < GROUP_ROWS_LIMIT) list.push(p.memberNumber ?? '');
      inRegister.set(id, list);
    }
  }
  const listed: MemberCsvDuplicates['probable'] = [];
  let notShown = 0;
  const label = (reason: ProbableMatchReason) => {
    const col = { 'name+date_of_birth': 'date_of_birth', 'name+phone': 'phone', 'name+address': 'address' }[reason];
    return bound ? `${bound.sourceOf('first_name') ?? 'first_name'} + ${bound.sourceOf(col) ?? col}` : `first_name + last_name + ${col}`;
  };
  const ids = [...new Set([...people.groups.keys(), ...inRegister.keys()])].map((id) => ({ id, first: people.first.get(id)! })).sort((a, b) => a.first - b.first);
  for (const { id, first } of ids) {
    const reason = MATCH_REASONS[id.charCodeAt(0) - 48];
    const rows = people.groups.get(id) ?? [first];
    const reg = inRegister.get(id) ?? [];
    if (rows.length < 2 && reg.length === 0) continue;
    if (listed.length < MEMBER_CSV_REPORT_LIMIT) listed.push({ reason, rows, registerMembers: reg.filter(Boolean) });
    else notShown++;
    for (const r of rows) {
      const others = rows.filter((x) => x !== r);
      const parts = [others.length ? `row${others.length > 1 ? 's' : ''} ${others.join(', ')}` : '', reg.length ? (reg.some(Boolean) ? `member ${reg.filter(Boolean).join(', ')} in the register` : 'a member already in the register') : '']
        .filter(Boolean)
        .join(' and ');
      warn(r, { field: label(reason), message: `probably the same person as ${parts} (same ${reason.replace('+', ' and ').replace(/_/g, ' ')}); check before applying` });
    }
  }
  return { listed, notShown };
}
