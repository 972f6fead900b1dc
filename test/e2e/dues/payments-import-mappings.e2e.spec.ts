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
    expect((await upload(fixture('bank-statement.csv'), 'dry-run', 'quickbooks')).status).toBe(400);
  });
});
