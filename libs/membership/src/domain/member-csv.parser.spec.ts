import { DomainError, readCsv, readCsvText } from '@org/kernel';
import { MEMBER_CSV_REPORT_LIMIT, MemberCsvCheck, MemberCsvContext, type MemberCsvRowResult } from './member-csv.parser';
import { MemberCsvExportRow, writeMemberCsv } from './member-csv.writer';

const HEADER = 'first_name,last_name,email,phone,branch_code,joined_on,status';
const context = (over: Partial<MemberCsvContext> = {}): MemberCsvContext => ({
  branches: new Map([
    ['north', 'branch-n'],
    ['SOUTH', 'branch-s'],
  ]),
  existingEmails: new Set(['taken@example.org']),
  today: '2025-01-15',
  ...over,
});

/**
 * The check over a whole file held in memory, with every row's result kept (as a small file's
 * caller may): the problems the summary lists are merged into the rows they name.
 */
function parseMemberCsv(input: Uint8Array | string, ctx: MemberCsvContext) {
  const check = new MemberCsvCheck(ctx);
  const rows: MemberCsvRowResult[] = [];
  for (const record of readCsvText(input)) {
    const r = check.read(record);
    if (r) rows.push(r);
  }
  const summary = check.finish();
  const problems = new Map(summary.problems.map((p) => [p.row, p]));
  for (const r of rows) {
    const p = problems.get(r.row);
    if (!p) continue;
    r.errors = p.errors;
    r.ok = p.ok;
    if (p.warnings) r.warnings = p.warnings;
    if (!p.ok) delete r.member;
  }
  return { ...summary, rows };
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('member CSV import (dry run)', () => {
  it('accepts good rows and returns them ready for import', () => {
    const csv = `${HEADER},email_consent,member_number\nAna,Lima,ANA@example.org,+44 20 7946 0000,north,2021-03-04,active,yes,M-1\nBo,,,,SOUTH,2024-12-01,applicant,,\n`;
    const result = parseMemberCsv(Buffer.from(csv), context());
    expect(result.ok).toBe(true);
    expect(result.accepted).toBe(2);
    expect(result.rows[0]).toEqual({
      row: 2,
      ok: true,
      errors: [],
      member: {
        firstName: 'Ana',
        lastName: 'Lima',
        email: 'ana@example.org',
        phone: '+44 20 7946 0000',
        address: null,
        branchCode: 'NORTH',
        branchId: 'branch-n',
        joinedOn: '2021-03-04',
        status: 'active',
        memberNumber: 'M-1',
        emailConsent: true,
        dateOfBirth: null,
        pastBranchPeriods: [],
        duesLevel: null,
      },
    });
    expect(result.rows[1].member).toMatchObject({ lastName: '', email: null, status: 'applicant', emailConsent: undefined });
  });

  it('columns may come in any order and header names in any case; a BOM is fine', () => {
    const csv = `\ufeffSTATUS,joined_on,Branch_Code,phone,email,last_name,first_name\nactive,2020-01-01,north,,,X,Y\n`;
    expect(parseMemberCsv(Buffer.from(csv, 'utf8'), context()).rows[0].member).toMatchObject({ firstName: 'Y', lastName: 'X' });
  });

  it('reports every problem of every row with the field and the reason', () => {
    const csv = [
      HEADER,
      ',Lima,not-an-email,12,nowhere,2021-02-30,member',
      'Cy,Ng,cy@example.org,,north,2026-01-01,suspended',
      'Di,Ro,taken@example.org,,north,2020-01-01,active',
    ].join('\n');
    const result = parseMemberCsv(csv, context());
    expect(result.ok).toBe(false);
    expect(result.accepted).toBe(0);
    expect(result.rejected).toBe(3);
    expect(result.rows[0]).toEqual({
      row: 2,
      ok: false,
      errors: [
        { field: 'first_name', message: 'is required' },
        { field: 'email', message: '"not-an-email" is not an e-mail address (expected something like name@example.org)' },
        { field: 'phone', message: '"12" is not a phone number: use 6 to 15 digits, optionally starting with + and a country code' },
        { field: 'branch_code', message: 'unknown branch code "NOWHERE"' },
        { field: 'joined_on', message: '"2021-02-30" is not a date written YYYY-MM-DD' },
        { field: 'status', message: '"member" is not one of active, lapsed, applicant' },
      ],
    });
    expect(result.rows[1].errors).toEqual([
      { field: 'joined_on', message: '2026-01-01 is in the future' },
      { field: 'status', message: 'suspended members cannot be imported: sanctions come only from the Control Commission' },
    ]);
    expect(result.rows[2].errors).toEqual([{ field: 'email', message: 'taken@example.org already belongs to a member in the register' }]);
    expect(result.rows[2].member).toBeUndefined();
  });

  it('flags duplicate e-mails and member numbers within the file on every row involved', () => {
    const csv = `${HEADER},member_number\nA,A,dup@example.org,,north,2020-01-01,active,7\nB,B,x@example.org,,north,2020-01-01,active,8\nC,C,DUP@example.org,,north,2020-01-01,active,7\n`;
    const result = parseMemberCsv(csv, context());
    expect(result.rows.map((r) => r.ok)).toEqual([false, true, false]);
    expect(result.rows[0].errors).toEqual([
      { field: 'email', message: 'dup@example.org is also used on row 4' },
      { field: 'member_number', message: '7 is also used on row 4' },
    ]);
    expect(result.rows[2].errors).toEqual([
      { field: 'email', message: 'dup@example.org is also used on row 2' },
      { field: 'member_number', message: '7 is also used on row 2' },
    ]);
  });

  it('a row with the wrong number of values is rejected on its own', () => {
    const result = parseMemberCsv(`${HEADER}\nA,B,,,north,2020-01-01\n`, context());
    expect(result.rows[0].errors).toEqual([{ field: 'row', message: 'has 6 values but the header has 7 columns' }]);
  });

  it('a wrong header names the missing and unknown columns', () => {
    const e = errorOf(() => parseMemberCsv('first_name,surname,email,phone,branch_code,joined_on,status,status\n', context()));
    expect([e.kind, e.code]).toEqual(['invalid', 'csv_bad_header']);
    expect(e.details).toEqual({ row: 1, missing: ['last_name'], unknown: ['surname'], duplicate: ['status'] });
    expect(e.message).toContain('missing column(s): last_name');
    expect(e.message).toContain('unknown column(s): surname');
  });

  it('a semicolon-separated file gets a hint', () => {
    const e = errorOf(() => parseMemberCsv('first_name;last_name;email;phone;branch_code;joined_on;status\n', context()));
    expect(e.message).toContain('";"');
  });

  it('a bad encoding is refused naming the row and byte', () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\nJos`), Buffer.from([0xe9]), Buffer.from(',X,,,north,2020-01-01,active\n')]);
    const e = errorOf(() => parseMemberCsv(bytes, context()));
    expect(e.code).toBe('csv_bad_encoding');
    expect((e.details as { row: number }).row).toBe(2);
  });

  it('an empty file is refused; a header-only file has no rows', () => {
    expect(errorOf(() => parseMemberCsv('', context())).code).toBe('csv_empty');
    expect(parseMemberCsv(`${HEADER}\n`, context())).toEqual({
      rows: [],
      read: 0,
      accepted: 0,
      rejected: 0,
      ok: true,
      problems: [],
      problemsNotShown: 0,
      skipped: [],
      skippedCount: 0,
      duplicates: { exact: [], probable: [], exactNotShown: 0, probableNotShown: 0 },
    });
  });

  it("what the export writes, the import reads back (formula protection included)", () => {
    const rows: MemberCsvExportRow[] = [
      {
        memberNumber: 'M-9',
        firstName: '=cmd',
        lastName: "O'Neil, Jr",
        email: 'a@example.org',
        phone: '+44 20 7946 0000',
        address: '1 "Red" Row\nLeeds',
        branchCode: 'NORTH',
        joinedOn: '2020-02-02',
        status: 'active',
        emailConsent: false,
      },
    ];
    const csv = writeMemberCsv(rows, { bom: true });
    expect(csv.startsWith('\ufeffmember_number,first_name')).toBe(true);
    expect(csv).toContain("'=cmd");
    expect(csv).toContain("'+44 20 7946 0000");
    const back = parseMemberCsv(Buffer.from(csv, 'utf8'), context());
    expect(back.rows[0].errors).toEqual([]);
    expect(back.rows[0].member).toMatchObject({
      memberNumber: 'M-9',
      firstName: '=cmd',
      lastName: "O'Neil, Jr",
      phone: '+44 20 7946 0000',
      address: '1 "Red" Row\nLeeds',
      emailConsent: false,
    });
  });

  it('parses a 100k-row file whole (speed is measured in bench/, not here)', () => {
    const lines = [HEADER];
    for (let i = 0; i < 100_000; i++) lines.push(`First${i},Last${i},m${i}@example.org,+44 20 7946 ${String(i).padStart(4, '0')},north,2020-01-01,active`);
    const result = parseMemberCsv(Buffer.from(lines.join('\n')), context({ existingEmails: new Set() }));
    expect(result.accepted).toBe(100_000);
    expect(result.rejected).toBe(0);
  });

  it('does not hold every row: a file of 5,000 bad rows reports them all in the counts, and lists at most the limit', async () => {
    const n = 5000;
    async function* file() {
      yield `${HEADER}\n`;
      // every row refused (unknown branch), and every tenth repeats the e-mail of the row before it
      for (let i = 0; i < n; i++) yield `F${i},L${i},m${i - (i % 10 === 9 ? 1 : 0)}@example.org,,nowhere,2020-01-01,active\n`;
    }
    const check = new MemberCsvCheck(context({ existingEmails: new Set() }));
    let kept = 0;
    for await (const record of readCsv(file())) if (check.read(record)) kept++;
    const summary = check.finish();
    expect(kept).toBe(n);
    expect(summary).toMatchObject({ read: n, accepted: 0, rejected: n, ok: false });
    expect(summary.problems).toHaveLength(MEMBER_CSV_REPORT_LIMIT);
    expect(summary.problemsNotShown).toBe(n - MEMBER_CSV_REPORT_LIMIT);
    expect(summary.problems[0]).toEqual({ row: 2, ok: false, errors: [{ field: 'branch_code', message: 'unknown branch code "NOWHERE"' }] });
    expect(summary.problems.map((r) => r.row)).toEqual(Array.from({ length: MEMBER_CSV_REPORT_LIMIT }, (_, i) => i + 2));
    expect(summary.duplicates.exact).toHaveLength(n / 10);
  });

  it('a row accepted when read is counted as rejected once a later row repeats its e-mail or number (and only once)', () => {
    const csv = [
      `${HEADER},member_number`,
      'A,One,a@example.org,,north,2020-01-01,active,X1',
      'B,Two,b@example.org,,north,2020-01-01,active,X2',
      'C,Three,a@example.org,,north,2020-01-01,active,X1',
      'D,Four,a@example.org,,north,2020-01-01,active,',
    ].join('\n');
    const result = parseMemberCsv(csv, context());
    expect(result).toMatchObject({ accepted: 1, rejected: 3, ok: false });
    expect(result.rows[0].errors).toEqual([
      { field: 'email', message: 'a@example.org is also used on row 4' },
      { field: 'member_number', message: 'X1 is also used on row 4' },
    ]);
    expect(result.duplicates.exact).toEqual([
      { kind: 'email', rows: [2, 4, 5], inRegister: false },
      { kind: 'member_number', rows: [2, 4], inRegister: false },
    ]);
  });
});
