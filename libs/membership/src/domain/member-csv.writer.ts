import { IsoDate, encodeCsvRecord } from '@org/kernel';
import { MemberStatus } from './member-status.value-object';

/**
 * Member export: the import columns plus member_number, address and email_consent, so a file
 * exported can be edited and imported again. Lines end with CRLF; every cell is protected against
 * formula injection (a leading = + - @ gets an apostrophe) and quoted when needed.
 */
export const MEMBER_CSV_EXPORT_COLUMNS = [
  'member_number',
  'first_name',
  'last_name',
  'email',
  'phone',
  'address',
  'branch_code',
  'joined_on',
  'status',
  'email_consent',
] as const;

export interface MemberCsvExportRow {
  memberNumber: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  branchCode: string;
  joinedOn: IsoDate;
  status: MemberStatus;
  emailConsent: boolean | null;
}

/** Streams the file line by line (header first): for large exports write each line as it comes. */
export function* memberCsvLines(rows: Iterable<MemberCsvExportRow>, options: { bom?: boolean } = {}): Generator<string> {
  yield (options.bom ? '\ufeff' : '') + encodeCsvRecord(MEMBER_CSV_EXPORT_COLUMNS);
  for (const r of rows) {
    yield encodeCsvRecord([
      r.memberNumber,
      r.firstName,
      r.lastName,
      r.email,
      r.phone,
      r.address,
      r.branchCode,
      r.joinedOn,
      r.status,
      r.emailConsent === null ? '' : r.emailConsent ? 'yes' : 'no',
    ]);
  }
}

export function writeMemberCsv(rows: Iterable<MemberCsvExportRow>, options: { bom?: boolean } = {}): string {
  let out = '';
  for (const line of memberCsvLines(rows, options)) out += line;
  return out;
}
