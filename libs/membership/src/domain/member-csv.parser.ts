import { DomainError, IsoDate, isIsoDate, decodeCsv, isBlankRecord, parseCsvRecords, unprotectCsvField } from '@org/kernel';
import { normalizeBranchCode } from './branch.entity';
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
 *
 * Suspended and expelled cannot be imported: sanctions come only from the Control Commission.
 * A value the export protected against formula injection (`'+44…`) is read back without the
 * apostrophe. A UTF-8 byte-order mark is accepted.
 */
export const MEMBER_CSV_REQUIRED_COLUMNS = ['first_name', 'last_name', 'email', 'phone', 'branch_code', 'joined_on', 'status'] as const;
export const MEMBER_CSV_OPTIONAL_COLUMNS = ['member_number', 'address', 'email_consent'] as const;
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
}

export interface MemberCsvRowResult {
  row: number;
  ok: boolean;
  errors: FieldError[];
  member?: MemberCsvRow;
}

export interface MemberCsvDryRun {
  rows: MemberCsvRowResult[];
  accepted: number;
  rejected: number;
  /** True when every row is acceptable: the import may then be applied (all or nothing). */
  ok: boolean;
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
 * The dry run: checks the whole file and reports, for every data row, whether it would be
 * accepted and why not. Whole-file problems (encoding, header, broken quoting) throw a
 * `DomainError` naming the row instead. Nothing here changes any state.
 */
export function parseMemberCsv(input: Uint8Array | string, context: MemberCsvContext): MemberCsvDryRun {
  const text = decodeCsv(input);
  const maxRows = context.maxRows ?? 200_000;
  const branches = new Map<string, string>();
  for (const [code, id] of context.branches) branches.set(normalizeBranchCode(code), id);

  const records = parseCsvRecords(text);
  let header: Map<MemberCsvColumn, number> | null = null;
  const rows: MemberCsvRowResult[] = [];
  const firstRowByEmail = new Map<string, MemberCsvRowResult>();
  const firstRowByNumber = new Map<string, MemberCsvRowResult>();
  const flaggedFirst = new Set<MemberCsvRowResult>();

  for (const record of records) {
    if (header === null) {
      if (isBlankRecord(record.fields)) continue;
      header = readMemberCsvHeader(record.fields);
      continue;
    }
    if (isBlankRecord(record.fields)) continue;
    if (rows.length >= maxRows) {
      throw new DomainError('invalid', MembershipErrorCode.csvMalformed, `The file has more than ${maxRows} rows; split it into smaller files.`, { row: record.row });
    }
    const result: MemberCsvRowResult = { row: record.row, ok: false, errors: [] };
    rows.push(result);
    if (record.fields.length !== header.size) {
      result.errors.push({ field: 'row', message: `has ${record.fields.length} values but the header has ${header.size} columns` });
      continue;
    }
    const get = (c: MemberCsvColumn): string => {
      const i = header!.get(c);
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

    const branchCode = normalizeBranchCode(get('branch_code'));
    const branchId = branches.get(branchCode);
    if (branchCode === '') errors.push({ field: 'branch_code', message: 'is required' });
    else if (branchId === undefined) errors.push({ field: 'branch_code', message: `unknown branch code "${branchCode}"` });

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

    const email = profile?.email ?? null;
    if (email !== null) {
      if (context.existingEmails.has(email)) errors.push({ field: 'email', message: `${email} already belongs to a member in the register` });
      const first = firstRowByEmail.get(email);
      if (first) {
        errors.push({ field: 'email', message: `${email} is also used on row ${first.row}` });
        if (!flaggedFirst.has(first)) {
          first.errors.push({ field: 'email', message: `${email} is also used on row ${record.row}` });
          first.ok = false;
          flaggedFirst.add(first);
        }
      } else firstRowByEmail.set(email, result);
    }
    if (memberNumber !== null) {
      if (context.existingMemberNumbers?.has(memberNumber)) errors.push({ field: 'member_number', message: `${memberNumber} already belongs to a member in the register` });
      const first = firstRowByNumber.get(memberNumber);
      if (first) {
        errors.push({ field: 'member_number', message: `${memberNumber} is also used on row ${first.row}` });
        if (!first.errors.some((e) => e.field === 'member_number' && e.message.includes('also used'))) {
          first.errors.push({ field: 'member_number', message: `${memberNumber} is also used on row ${record.row}` });
          first.ok = false;
        }
      } else firstRowByNumber.set(memberNumber, result);
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
      };
    }
  }
  if (header === null) {
    throw new DomainError(
      'invalid',
      MembershipErrorCode.csvEmpty,
      `The file is empty. It needs a header row (${MEMBER_CSV_REQUIRED_COLUMNS.join(',')}) and one row per member.`,
    );
  }
  for (const r of rows) if (!r.ok) delete r.member;
  const accepted = rows.filter((r) => r.ok).length;
  return { rows, accepted, rejected: rows.length - accepted, ok: accepted === rows.length };
}
