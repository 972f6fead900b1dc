import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

describe('dues: bank CSV import (dry run, all or nothing, idempotent)', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branchA: string;
  let treasurer: Awaited<ReturnType<MembershipFactories['treasurer']>>;
  let numberOf: (id: string) => Promise<string>;
  const clock = new FixedClock(new Date('2026-06-15T12:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    await f.plan({ amountMinor: 1000 });
    branchA = await t.make.branch('Bank A');
    treasurer = await f.treasurer(branchA);
    numberOf = async (id) => (await t.db.dataSource.query(`SELECT register_number FROM membership.members WHERE id = $1`, [id]))[0].register_number;
  });
  afterAll(() => t.close());

  const upload = (csv: string | Buffer, mode: 'dry-run' | 'apply', query = '') =>
    t.http().post(`/dues/bank-imports?mode=${mode}${query}`).set(treasurer.auth).set('content-type', 'text/csv').send(typeof csv === 'string' ? Buffer.from(csv) : csv);
  const paymentsOf = async (id: string) => Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM dues.payments WHERE member_id = $1`, [id]))[0].n);

  it('re-importing the same file adds nothing', async () => {
    const a = await t.make.member({ branchId: branchA, email: 'ann.bank@example.org' });
    const b = await t.make.member({ branchId: branchA });
    const csv = [
      'date,amount,currency,reference,transaction_id',
      `2026-06-01,10.00,EUR,Subs ${await numberOf(a.id)},TX-1`,
      `2026-06-02,10.00,EUR,subs from ann.bank@example.org,`,
      `2026-06-03,12.50,EUR,${await numberOf(b.id)} June,`,
      `2026-06-03,12.50,EUR,${await numberOf(b.id)} June,`,
    ].join('\n');
    const dry = await upload(csv, 'dry-run');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, newPayments: 4, alreadyImported: 0, rejected: 0, applied: false });
    expect(await paymentsOf(a.id)).toBe(0);
    const first = await upload(csv, 'apply');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ applied: true, added: 4 });
    expect(await paymentsOf(a.id)).toBe(2);
    expect(await paymentsOf(b.id)).toBe(2); // two identical payments on one day stay two payments
    const second = await upload(csv, 'apply');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ applied: true, added: 0, newPayments: 0, alreadyImported: 4 });
    expect(second.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['already-imported', 'already-imported', 'already-imported', 'already-imported']);
    expect(await paymentsOf(a.id)).toBe(2);
    expect(await paymentsOf(b.id)).toBe(2);
    // A later export repeating these rows plus a new one adds only the new one.
    const longer = `${csv}\n2026-06-10,10.00,EUR,Subs ${await numberOf(a.id)},TX-2`;
    const third = await upload(longer, 'apply');
    expect(third.body).toMatchObject({ added: 1, alreadyImported: 4 });
    expect(await paymentsOf(a.id)).toBe(3);
    // Each apply is recorded as a batch, with one row per line.
    const batches = await t.db.dataSource.query(`SELECT new_payments, already_imported FROM dues.bank_import_batches ORDER BY new_payments DESC`);
    expect(batches).toEqual([
      { new_payments: 4, already_imported: 0 },
      { new_payments: 1, already_imported: 4 },
      { new_payments: 0, already_imported: 4 },
    ]);
  });

  it('the dry run says why each row would be rejected; applying then imports nothing unless asked to skip them', async () => {
    const c = await t.make.member({ branchId: branchA });
    const otherBranch = await t.make.branch();
    const outsider = await t.make.member({ branchId: otherBranch });
    const n = await numberOf(c.id);
    const csv = [
      'date,amount,currency,reference,transaction_id',
      `2026-06-05,10.00,EUR,${n},OK-1`,
      `2026-06-05,-10.00,EUR,${n},NEG-1`,
      `2026-06-05,ten,EUR,${n},NAN-1`,
      `2026-06-05,10.00,XXY,${n},CUR-1`,
      `2026-06-05,10.00,GBP,${n},CUR-2`,
      `2026-07-05,10.00,EUR,${n},FUT-1`,
      `2026-06-05,10.00,EUR,nobody we know,REF-1`,
      `2026-06-05,10.00,EUR,${await numberOf(outsider.id)},OUT-1`,
    ].join('\n');
    const dry = await upload(csv, 'dry-run');
    expect(dry.status).toBe(200);
    const why = Object.fromEntries(dry.body.rows.map((r: { row: number; outcome: string; errors: { field: string }[] }) => [r.row, [r.outcome, ...r.errors.map((e) => e.field)]]));
    expect(why).toEqual({
      2: ['new'],
      3: ['rejected', 'amount'],
      4: ['rejected', 'amount'],
      5: ['rejected', 'currency'],
      6: ['rejected', 'currency'],
      7: ['rejected', 'date'],
      8: ['rejected', 'reference'],
      9: ['rejected', 'reference'], // a member of another branch is unknown to this treasurer
    });
    const refused = await upload(csv, 'apply');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('import_rejected');
    expect(refused.body.message).toMatch(/row 3/);
    expect(await paymentsOf(c.id)).toBe(0);
    const [{ batches }] = await t.db.dataSource.query(`SELECT count(*)::int AS batches FROM dues.bank_import_batches WHERE file_sha256 = $1`, [dry.body.fileSha256]);
    expect(batches).toBe(0);
    const partial = await upload(csv, 'apply', '&skipRejected=true');
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ added: 1, rejected: 7 });
    expect(await paymentsOf(c.id)).toBe(1);
    expect(await paymentsOf(outsider.id)).toBe(0);
  });

  it('a wrong header or a bad encoding is a 400 naming the row; other roles are refused', async () => {
    const header = await upload('day,amount,currency,reference\n2026-06-01,1.00,EUR,x\n', 'dry-run');
    expect(header.status).toBe(400);
    expect(header.body.code).toBe('csv_bad_header');
    expect(header.body.message).toMatch(/row 1/);
    const enc = await upload(Buffer.concat([Buffer.from('date,amount,currency,reference,transaction_id\n2026-06-01,1.00,EUR,Caf'), Buffer.from([0xe9, 0x0a])]), 'dry-run');
    expect(enc.status).toBe(400);
    expect(enc.body.code).toBe('csv_bad_encoding');
    expect(enc.body.message).toMatch(/row 2/);
    const secretary = await f.secretary(branchA);
    const res = await t.http().post('/dues/bank-imports?mode=dry-run').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from('date,amount,currency,reference,transaction_id\n'));
    expect(res.status).toBe(403);
  });
});
