import * as fs from 'node:fs';
import * as path from 'node:path';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/imports', name));

type Row = { row: number; ok: boolean; errors: { field: string; message: string }[]; warnings?: { field: string; message: string }[] };

describe('membership: importing the exports of the tools an organization leaves (column mappings)', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let northside: string;
  let riverside: string;
  let oldTown: string;
  let national: Awaited<ReturnType<MembershipFactories['nationalMembershipSecretary']>>;
  let plainMember: Awaited<ReturnType<TestApp['make']['signedInMember']>>;
  let fredInRegister: string;
  const clock = new FixedClock(new Date('2026-06-01T12:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    northside = await t.make.branch('Northside');
    riverside = await t.make.branch('Riverside');
    oldTown = await t.make.branch('Old Town', '1990-01-01');
    national = await f.nationalMembershipSecretary();
    plainMember = await t.make.signedInMember({ branchId: northside });
    for (const [name, amount] of [
      ['Standard', 1500],
      ['Reduced', 500],
      ['Solidarity', 3000],
    ] as const) {
      await t.db.dataSource.query(`INSERT INTO dues.plans (name, kind, period, currency, amount_minor, minimum_minor, is_default) VALUES ($1, 'fixed', 'monthly', 'GBP', $2, $2, false)`, [name, amount]);
    }
    // Already in the register, written differently from the CiviCRM file's row 8.
    const fred = await t.make.member({ branchId: northside, firstName: 'Fred', lastName: 'Quist', email: 'fq-old@example.org' });
    await t.db.dataSource.query(`UPDATE membership.members SET phone = '+44 20 7946 0999' WHERE id = $1`, [fred.id]);
    [{ n: fredInRegister }] = await t.db.dataSource.query(`SELECT register_number AS n FROM membership.members WHERE id = $1`, [fred.id]);
  });
  afterAll(() => t.close());

  const importFile = (body: Buffer, mode: 'dry-run' | 'apply', mapping?: string, auth = national.auth) =>
    t
      .http()
      .post(`/members/import?mode=${mode}${mapping ? `&mapping=${mapping}` : ''}`)
      .set(auth)
      .set('content-type', 'text/csv')
      .send(body);
  const count = async () => Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM membership.members`))[0].n);
  const byRow = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.row, r]));

  it('lists the built-in mappings (CiviCRM, Action Network, a plain spreadsheet); a member without office is refused', async () => {
    const res = await t.http().get('/imports/mappings').set(national.auth);
    expect(res.status).toBe(200);
    expect(res.body.map((m: { name: string; builtIn: boolean }) => [m.name, m.builtIn])).toEqual([
      ['action-network', true],
      ['civicrm', true],
      ['spreadsheet', true],
    ]);
    expect((await t.http().get('/imports/mappings').set(plainMember.auth)).status).toBe(403);
    expect((await t.http().put('/imports/mappings/mine').set(plainMember.auth).send({ fields: { first_name: { column: 'x' } } })).status).toBe(403);
    expect((await importFile(fixture('civicrm-members.csv'), 'dry-run', 'civicrm', plainMember.auth)).status).toBe(403);
  });

  it('a CiviCRM export, dry run: counts, cancelled memberships left out, probable duplicates in the file and in the register; nothing changes', async () => {
    const before = await count();
    const res = await importFile(fixture('civicrm-members.csv'), 'dry-run', 'civicrm');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'dry-run', mapping: 'civicrm', ok: true, accepted: 6, rejected: 0, skipped: 1, applied: false });
    expect(res.body.skippedRows).toEqual([{ row: 5, reason: 'left out by the mapping: Membership Status is "Cancelled"' }]);
    expect(res.body.duplicates.exact).toEqual([]);
    expect(res.body.duplicates.probable).toEqual(
      expect.arrayContaining([
        { reason: 'name+phone', rows: [2, 7], registerMembers: [] },
        { reason: 'name+phone', rows: [8], registerMembers: [fredInRegister] },
      ]),
    );
    const rows = byRow(res.body.rows);
    expect(rows[2].warnings).toEqual([{ field: 'First Name + Phone', message: expect.stringMatching(/probably the same person as row 7 \(same name and phone\)/) }]);
    expect(rows[8].warnings?.[0].message).toMatch(new RegExp(`member ${fredInRegister} in the register`));
    expect(await count()).toBe(before);
  });

  it('a CiviCRM export with bad rows: each error names the row and the CiviCRM column; the apply imports nothing', async () => {
    const before = await count();
    const file = fixture('civicrm-members-with-errors.csv');
    const dry = await importFile(file, 'dry-run', 'civicrm');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: false, accepted: 0, rejected: 6 });
    const fields = Object.fromEntries((dry.body.rows as Row[]).map((r) => [r.row, r.errors.map((e) => e.field)]));
    expect(fields).toEqual({ 2: ['Email'], 3: ['Member Since'], 4: ['Membership Status'], 5: ['Branch'], 6: ['Email'], 7: ['Previous Branch 1 Until'] });
    const rows = byRow(dry.body.rows);
    expect(rows[3].errors[0].message).toBe('"31/31/2020" is not a date written YYYY-MM-DD or MM/DD/YYYY or DD/MM/YYYY');
    expect(rows[4].errors[0].message).toMatch(/"Honorary" is not one of the values the mapping knows/);
    expect(rows[5].errors[0].message).toMatch(/unknown branch "Atlantis"/);
    expect(rows[6].errors[0].message).toBe('gus.hale@example.org is also used on row 2');
    expect(dry.body.duplicates.exact).toEqual([{ kind: 'email', rows: [2, 6], inRegister: false }]);

    const apply = await importFile(file, 'apply', 'civicrm');
    expect(apply.status).toBe(400);
    expect(apply.body.code).toBe('import_rejected');
    expect(await count()).toBe(before);
  });

  it('a CiviCRM export applies all at once: statuses, dates, branch by name, earlier branch periods, date of birth, dues level; the same file again imports nothing', async () => {
    const before = await count();
    const file = fixture('civicrm-members.csv');
    const res = await importFile(file, 'apply', 'civicrm');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, accepted: 6, skipped: 1, applied: true, alreadyApplied: false, mapping: 'civicrm' });
    expect(await count()).toBe(before + 6);

    const people = await t.db.dataSource.query(
      `SELECT m.email, m.status, m.joined_on::text AS joined, m.branch_id, to_char(m.date_of_birth, 'YYYY-MM-DD') AS dob, m.email_consent, m.address
         FROM membership.members m WHERE m.email = ANY($1) ORDER BY m.email`,
      [['ana.lima@example.org', 'ben.okafor@example.org', 'cara.neill@example.org', 'eve.sandoval@example.org', 'dan.morrow@example.org']],
    );
    const by = Object.fromEntries(people.map((p: { email: string }) => [p.email, p]));
    expect(by['dan.morrow@example.org']).toBeUndefined();
    expect(by['ana.lima@example.org']).toMatchObject({ status: 'active', joined: '2015-03-01', branch_id: northside, dob: '1985-04-12', address: '12 Canal Street, Flat 3, Manchester, M1 3HE, United Kingdom' });
    expect(by['ben.okafor@example.org']).toMatchObject({ status: 'active', branch_id: riverside });
    expect(by['cara.neill@example.org']).toMatchObject({ status: 'lapsed', email_consent: false });
    expect(by['eve.sandoval@example.org']).toMatchObject({ status: 'applicant' });

    // Earlier branch periods are the member's branch history (what S3's recusal window reads).
    const periods = await t.db.dataSource.query(
      `SELECT p.branch_id, p.from_date::text AS "from", p.to_date::text AS "to" FROM membership.branch_periods p JOIN membership.members m ON m.id = p.member_id
        WHERE m.email = $1 ORDER BY p.from_date`,
      ['cara.neill@example.org'],
    );
    expect(periods).toEqual([
      { branch_id: oldTown, from: '2012-09-01', to: '2016-01-01' },
      { branch_id: riverside, from: '2016-01-01', to: '2018-05-01' },
      { branch_id: northside, from: '2018-05-01', to: null },
    ]);

    const levels = await t.db.dataSource.query(
      `SELECT m.email, p.name, l.amount_minor, l.effective_from::text AS "from" FROM dues.member_levels l JOIN dues.plans p ON p.id = l.plan_id JOIN membership.members m ON m.id = l.member_id
        WHERE m.email = ANY($1) ORDER BY m.email`,
      [['ana.lima@example.org', 'ben.okafor@example.org', 'fred.quist@example.org']],
    );
    expect(levels).toEqual([
      { email: 'ana.lima@example.org', name: 'Standard', amount_minor: 1500, from: '2015-03-01' },
      { email: 'ben.okafor@example.org', name: 'Reduced', amount_minor: 500, from: '2020-03-15' },
      { email: 'fred.quist@example.org', name: 'Reduced', amount_minor: 500, from: '2018-02-01' },
    ]);

    const again = await importFile(file, 'apply', 'civicrm');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ applied: false, alreadyApplied: true });
    expect(await count()).toBe(before + 6);
  });

  it('an Action Network export imports through its built-in mapping (US dates, subscription status, former members left out)', async () => {
    const before = await count();
    const res = await importFile(fixture('action-network-people.csv'), 'apply', 'action-network');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, accepted: 3, skipped: 1, applied: true });
    expect(res.body.skippedRows).toEqual([{ row: 4, reason: 'left out by the mapping: membership_status is "former"' }]);
    expect(await count()).toBe(before + 3);
    const people = await t.db.dataSource.query(
      `SELECT email, status, joined_on::text AS joined, email_consent, branch_id FROM membership.members WHERE email = ANY($1) ORDER BY email`,
      [['hana.ito@example.org', 'ivo.petrov@example.org', 'kim.sato@example.org']],
    );
    expect(people).toEqual([
      { email: 'hana.ito@example.org', status: 'active', joined: '2019-05-01', email_consent: true, branch_id: northside },
      { email: 'ivo.petrov@example.org', status: 'lapsed', joined: '2017-03-20', email_consent: false, branch_id: riverside },
      { email: 'kim.sato@example.org', status: 'applicant', joined: null, email_consent: true, branch_id: null },
    ]);
    const [hana] = await t.db.dataSource.query(
      `SELECT array_agg(p.from_date::text || '..' || coalesce(p.to_date::text, '') ORDER BY p.from_date) AS periods FROM membership.branch_periods p JOIN membership.members m ON m.id = p.member_id WHERE m.email = 'hana.ito@example.org'`,
    );
    expect(hana.periods).toEqual(['2019-05-01..2021-09-01', '2021-09-01..']);
  });

  it('a mapping saved by name is listed, audited and reads a file; an invalid one names every problem; an unknown one is 404; a file without its columns is refused naming them', async () => {
    const mapping = {
      description: 'The branch spreadsheet of 2024',
      branchBy: 'name',
      fields: {
        first_name: { column: 'Given' },
        last_name: { column: 'Family' },
        email: { column: 'E-mail' },
        joined_on: { column: 'Since', dateFormats: ['D MMM YYYY'] },
        status: { constant: 'active' },
        branch_code: { column: 'Group' },
      },
    };
    const saved = await t.http().put('/imports/mappings/branch-sheet').set(national.auth).send(mapping);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'branch-sheet', builtIn: false, version: 1 });
    const list = await t.http().get('/imports/mappings').set(national.auth);
    expect(list.body.map((m: { name: string }) => m.name)).toContain('branch-sheet');
    const [audit] = await t.db.dataSource.query(`SELECT action, subject_id FROM audit.entries WHERE action = 'import-mapping.saved'`);
    expect(audit).toEqual({ action: 'import-mapping.saved', subject_id: 'branch-sheet' });

    const sheet = Buffer.from('Given,Family,E-mail,Since,Group\nLeo,Marsh,leo.marsh@example.org,3 Feb 2021,Riverside\nMia,Roe,mia.roe@example.org,31 Feb 2021,Riverside\n');
    const dry = await importFile(sheet, 'dry-run', 'branch-sheet');
    expect(dry.status).toBe(200);
    // The report counts the accepted row and lists only the row with a problem.
    expect(dry.body).toMatchObject({ accepted: 1, rejected: 1, rowsNotShown: 0 });
    expect(dry.body.rows).toEqual([{ row: 3, ok: false, errors: [{ field: 'Since', message: '"31 Feb 2021" is not a date written D MMM YYYY' }] }]);

    const bad = await t
      .http()
      .put('/imports/mappings/broken')
      .set(national.auth)
      .send({ fields: { first_name: { column: 'A' }, shoe_size: { column: 'B' }, joined_on: { column: 'C', dateFormats: ['QQ'] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('csv_mapping_invalid');
    expect(bad.body.message).toMatch(/"branch_code" is required/);
    expect(bad.body.message).toMatch(/"status" is required/);
    expect(bad.body.message).toMatch(/"shoe_size" is not a field of this import/);
    expect(bad.body.message).toMatch(/"QQ" is not a date format/);

    const unknown = await importFile(sheet, 'dry-run', 'nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('import_mapping_not_found');

    const wrongFile = await importFile(fixture('action-network-people.csv'), 'dry-run', 'civicrm');
    expect(wrongFile.status).toBe(400);
    expect(wrongFile.body.code).toBe('csv_mapping_column_missing');
    expect(wrongFile.body.message).toMatch(/no column "First Name"/);
  });

  it('the register\'s own refusals also name the file\'s column under a mapping (a reserved member number, an expelled member\'s e-mail)', async () => {
    const expelled = await t.make.member({ branchId: northside, firstName: 'Ezra', lastName: 'Gone', email: 'ezra.gone@example.org' });
    await t.db.dataSource.query(`UPDATE membership.members SET status = 'expelled' WHERE id = $1`, [expelled.id]);
    await t.db.dataSource.query(`INSERT INTO restrictions.readmission_required (member_id, since) VALUES ($1, '2026-01-01T00:00:00Z')`, [expelled.id]);
    const header =
      '"Contact ID","First Name","Last Name","Email","Phone","Street Address","Supplemental Address 1","City","Postal Code","Country","Birth Date","Membership ID","Membership Type","Membership Status","Member Since","Membership End Date","Branch","Previous Branch 1","Previous Branch 1 From","Previous Branch 1 Until","Previous Branch 2","Previous Branch 2 From","Previous Branch 2 Until","Do Not Email"';
    const line = (id: string, first: string, email: string, number: string) => `"${id}","${first}","Mapped","${email}","","","","","","","","${number}","General","Current","2019-01-01","2026-12-31","Northside","","","","","","","0"`;
    const file = Buffer.from([header, line('301', 'Nia', 'nia.mapped@example.org', 'M99999'), line('302', 'Ezra', 'ezra.gone@example.org', '3002')].join('\n') + '\n');
    const dry = await importFile(file, 'dry-run', 'civicrm');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: false, accepted: 0, rejected: 2 });
    const rows = byRow(dry.body.rows);
    expect(rows[2].errors).toEqual([{ field: 'Membership ID', message: expect.stringMatching(/^M99999 has the form M<digits>/) }]);
    expect(rows[3].errors).toEqual([{ field: 'Email', message: expect.stringMatching(/readmission decision/) }]);
    // Without a mapping, the platform's own column names.
    const plain = Buffer.from('first_name,last_name,email,phone,branch_code,joined_on,status,member_number\nNia,Plain,nia.plain@example.org,,' + (await t.db.dataSource.query(`SELECT code FROM membership.branches WHERE id = $1`, [northside]))[0].code + ',2019-01-01,active,M99998\n');
    const plainDry = await importFile(plain, 'dry-run');
    expect(plainDry.body.rows[0].errors).toEqual([{ field: 'member_number', message: expect.stringMatching(/^M99998 has the form/) }]);
  });
});
