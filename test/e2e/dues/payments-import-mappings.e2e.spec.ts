import * as fs from 'node:fs';
import * as path from 'node:path';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/imports', name));

describe('dues: a payments history from the tools an organization leaves (column mappings)', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branch: string;
  let treasurer: Awaited<ReturnType<MembershipFactories['treasurer']>>;
  let ana: string;
  let bo: string;
  const clock = new FixedClock(new Date('2026-06-15T12:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    await f.plan({ amountMinor: 1500, currency: 'EUR' });
    branch = await t.make.branch('Payments branch');
    treasurer = await f.treasurer(branch);
    ana = (await t.make.member({ branchId: branch, email: 'ana.pay@example.org' })).id;
    bo = (await t.make.member({ branchId: branch, email: 'bo.pay@example.org' })).id;
    await t.make.member({ branchId: branch, email: 'cy.pay@example.org' });
  });
  afterAll(() => t.close());

  const upload = (body: Buffer, mode: 'dry-run' | 'apply', mapping: string) =>
    t.http().post(`/dues/bank-imports?mode=${mode}&mapping=${mapping}`).set(treasurer.auth).set('content-type', 'text/csv').send(body);
  const payments = async (id: string) =>
    t.db.dataSource.query(`SELECT amount_minor, currency, paid_on::text AS paid_on FROM dues.payments WHERE member_id = $1 ORDER BY paid_on`, [id]);
  const total = async () => Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM dues.payments`))[0].n);

  it('a CiviContribute export with an unknown contributor: the error names the row and the CiviCRM columns; the apply adds nothing', async () => {
    const before = await total();
    const file = Buffer.concat([fixture('civicontribute-payments.csv'), Buffer.from('"304","Nobody","nobody@example.org","Donation","20.00","EUR","2026-05-05","Credit Card","Completed","","ch_3M3"\r\n')]);
    const dry = await upload(file, 'dry-run', 'civicontribute');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: false, newPayments: 3, rejected: 1, mapping: 'civicontribute' });
    expect(dry.body.rows.find((r: { ok: boolean }) => !r.ok)).toEqual({ row: 6, outcome: 'rejected', ok: false, memberId: null, errors: [{ field: 'Email + Source', message: 'contains no known member number or e-mail address' }] });
    const apply = await upload(file, 'apply', 'civicontribute');
    expect(apply.status).toBe(400);
    expect(apply.body.code).toBe('import_rejected');
    expect(await total()).toBe(before);
  });

  it('a CiviContribute export applies: completed contributions only, dates with times or US dates, matched by e-mail; the same file again adds nothing', async () => {
    const dry = await upload(fixture('civicontribute-payments.csv'), 'dry-run', 'civicontribute');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, newPayments: 3, rejected: 0 });
    expect(dry.body.skippedRows).toEqual([{ row: 5, reason: 'left out by the mapping: Contribution Status is "Refunded"' }]);
    const apply = await upload(fixture('civicontribute-payments.csv'), 'apply', 'civicontribute');
    expect(apply.status).toBe(200);
    expect(apply.body).toMatchObject({ applied: true, added: 3 });
    expect(await payments(ana)).toEqual([
      { amount_minor: 1500, currency: 'EUR', paid_on: '2026-04-01' },
      { amount_minor: 1500, currency: 'EUR', paid_on: '2026-05-01' },
    ]);
    expect(await payments(bo)).toEqual([{ amount_minor: 500, currency: 'EUR', paid_on: '2026-05-03' }]);
    const again = await upload(fixture('civicontribute-payments.csv'), 'apply', 'civicontribute');
    expect(again.body).toMatchObject({ added: 0, alreadyImported: 3 });
  });

  it('a bank statement: European dates, no currency column (the dues currency), the payer found in the description', async () => {
    const before = await total();
    const apply = await upload(fixture('bank-statement.csv'), 'apply', 'bank');
    expect(apply.status).toBe(200);
    expect(apply.body).toMatchObject({ ok: true, applied: true, added: 2, mapping: 'bank' });
    expect(await total()).toBe(before + 2);
    expect((await payments(bo)).map((p: { paid_on: string }) => p.paid_on)).toEqual(['2026-05-03', '2026-06-02']);
  });

  it('a file without the columns the mapping reads is refused naming them; an unknown mapping is refused', async () => {
    const wrong = await upload(fixture('bank-statement.csv'), 'dry-run', 'civicontribute');
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('csv_mapping_column_missing');
    expect(wrong.body.message).toMatch(/no column "Date Received"/);
    const unknown = await upload(fixture('bank-statement.csv'), 'dry-run', 'quickbooks');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('payment_mapping_not_found');
    expect(unknown.body.message).toMatch(/GET \/dues\/import-mappings/);
    expect((await upload(fixture('bank-statement.csv'), 'dry-run', 'Not%20A%20Name')).status).toBe(400);
  });

  describe('a mapping saved by name', () => {
    // Another bank's statement: German dates, the amount in "Credit", the payer in "Purpose", the
    // booking reference in "Ref"; debits ("D") are left out.
    const statement = (lines: string[]) => Buffer.from(['Booking date;Purpose;Credit;Ref;Type', ...lines].map((l) => l.replace(/;/g, ',')).join('\r\n'));
    const definition = {
      description: 'Our bank, statement export',
      fields: {
        date: { column: 'Booking date', dateFormats: ['DD.MM.YYYY'] },
        amount: { column: 'Credit' },
        reference: { column: 'Purpose' },
        transaction_id: { column: 'Ref', optional: true },
        status: { column: 'Type', skipWhen: ['D'] },
      },
    };
    const save = (name: string, body: object, auth = treasurer.auth) => t.http().put(`/dues/import-mappings/${name}`).set(auth).send(body);

    it('a treasurer saves one (audited), lists and reads it, and imports a statement through it; a second save is a new version', async () => {
      const saved = await save('our-bank', definition);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ name: 'our-bank', builtIn: false, version: 1, definition });
      const [audit] = await t.db.dataSource.query(`SELECT actor_id, data FROM audit.entries WHERE action = 'payment-mapping.saved' AND subject_id = 'our-bank'`);
      expect(audit).toMatchObject({ actor_id: treasurer.id, data: { version: 1 } });

      const list = await t.http().get('/dues/import-mappings').set(treasurer.auth);
      expect(list.status).toBe(200);
      expect(list.body.map((m: { name: string; builtIn: boolean }) => [m.name, m.builtIn])).toEqual([
        ['bank', true],
        ['civicontribute', true],
        ['our-bank', false],
      ]);
      expect((await t.http().get('/dues/import-mappings/our-bank').set(treasurer.auth)).body).toMatchObject({ name: 'our-bank', version: 1 });

      const before = await total();
      const file = statement(['03.06.2026;Subs ana.pay@example.org;15.00;R-1;C', '04.06.2026;Card fee;2.00;R-2;D', '05.06.2026;bo.pay@example.org;5.00;R-3;C']);
      const dry = await upload(file, 'dry-run', 'our-bank');
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ ok: true, newPayments: 2, rejected: 0, mapping: 'our-bank' });
      expect(dry.body.skippedRows).toEqual([{ row: 3, reason: 'left out by the mapping: Type is "D"' }]);
      const apply = await upload(file, 'apply', 'our-bank');
      expect(apply.body).toMatchObject({ applied: true, added: 2, mapping: 'our-bank' });
      expect(await total()).toBe(before + 2);
      expect((await payments(ana)).map((p: { paid_on: string }) => p.paid_on)).toContain('2026-06-03');
      const [imported] = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE action = 'dues.bank-imported' AND subject_id = $1`, [apply.body.batchId]);
      expect(imported.data.mapping).toEqual({ name: 'our-bank', version: 1 });

      const again = await save('our-bank', { ...definition, fields: { ...definition.fields, date: { column: 'Booking date', dateFormats: ['DD.MM.YYYY', 'YYYY-MM-DD'] } } });
      expect(again.body).toMatchObject({ version: 2 });
    });

    it('a saved mapping of a built-in name replaces it for the organization', async () => {
      const saved = await save('bank', { fields: { ...definition.fields } });
      expect(saved.status).toBe(200);
      const dry = await upload(statement(['06.06.2026;ana.pay@example.org;15.00;R-9;C']), 'dry-run', 'bank');
      expect(dry.body).toMatchObject({ ok: true, newPayments: 1, mapping: 'bank' });
      expect((await t.http().get('/dues/import-mappings/bank').set(treasurer.auth)).body).toMatchObject({ builtIn: false, version: 1 });
    });

    it('a mapping that cannot work is refused naming every problem; nothing is saved', async () => {
      const bad = await save('broken', { fields: { date: { column: 'Booking date', dateFormats: ['QQ.YYYY'] }, amount: { column: 'Credit' }, payer: { column: 'Purpose' } } });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('csv_mapping_invalid');
      expect(bad.body.message).toMatch(/"reference" is required/);
      expect(bad.body.message).toMatch(/"payer" is not a field of this import/);
      expect(bad.body.message).toMatch(/"QQ.YYYY" is not a date format/);
      expect((await save('broken', { description: 'x' })).status).toBe(400);
      expect((await save('Bad Name', definition)).status).toBe(400);
      expect((await t.http().get('/dues/import-mappings/broken').set(treasurer.auth)).status).toBe(404);
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dues.import_mappings WHERE name = 'broken'`);
      expect(n).toBe(0);
    });

    it('only a treasurer (or the national office) may list, read or save payments mappings', async () => {
      const { auth } = await t.make.signedInMember({ branchId: branch, email: 'plain.payments@example.org' });
      expect((await t.http().get('/dues/import-mappings').set(auth)).status).toBe(403);
      expect((await save('mine', definition, auth)).status).toBe(403);
      const secretary = await f.secretary(branch);
      expect((await save('mine', definition, secretary.auth)).status).toBe(403);
      expect((await t.http().get('/dues/import-mappings/bank').set(secretary.auth)).status).toBe(403);
    });
  });
});
