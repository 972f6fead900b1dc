import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

describe('dues: plans, levels, the payments ledger, waivers, standing', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branchA: string;
  let branchB: string;
  let treasurerA: Awaited<ReturnType<MembershipFactories['treasurer']>>;
  let planId: string;
  const clock = new FixedClock(new Date('2026-06-15T12:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    planId = await f.plan({ amountMinor: 1000, graceMonths: 3 });
    branchA = await t.make.branch('Dues A');
    branchB = await t.make.branch('Dues B');
    treasurerA = await f.treasurer(branchA);
    // Paid up, so that a standing run in one test does not lapse the treasurer (a lapse ends their sessions).
    await f.monthlyPayments(treasurerA.id, '2020-01-01', '2026-06-01');
  });
  afterAll(() => t.close());

  const pay = (body: Record<string, unknown>, auth = treasurerA.auth, key?: string) => {
    const req = t.http().post('/dues/payments').set(auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send({ currency: 'EUR', paidOn: '2026-06-01', amountMinor: 1000, ...body });
  };

  it('a treasurer records payments for members of their branch only; others are not found or refused', async () => {
    const a = await t.make.member({ branchId: branchA, joinedOn: '2026-01-01' });
    const b = await t.make.member({ branchId: branchB, joinedOn: '2026-01-01' });
    const ok = await pay({ memberId: a.id, amountMinor: 6000 });
    expect(ok.status).toBe(201);
    expect(ok.body.payment).toMatchObject({ memberId: a.id, amountMinor: 6000, source: 'treasurer' });
    expect(ok.body.standing).toMatchObject({ inGoodStanding: true, arrearsMonths: 0, outstandingMinor: 0 });
    const [row] = await t.db.dataSource.query(`SELECT in_good_standing, as_of FROM dues.standing WHERE member_id = $1`, [a.id]);
    expect(row).toEqual({ in_good_standing: true, as_of: '2026-06-15' });
    const other = await pay({ memberId: b.id });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('member_not_found');
    const secretaryA = await f.secretary(branchA);
    expect((await pay({ memberId: a.id }, secretaryA.auth)).status).toBe(403);
    const member = await t.make.signedInMember({ branchId: branchA });
    expect((await pay({ memberId: a.id }, member.auth)).status).toBe(403);
    expect((await t.http().get(`/dues/members/${b.id}/payments`).set(treasurerA.auth)).status).toBe(404);
    const list = await t.http().get(`/dues/members/${a.id}/payments`).set(treasurerA.auth);
    expect(list.body).toHaveLength(1);
  });

  it('a retry with the same Idempotency-Key records the payment once', async () => {
    const a = await t.make.member({ branchId: branchA });
    const first = await pay({ memberId: a.id }, treasurerA.auth, 'pay-once-0001');
    const second = await pay({ memberId: a.id }, treasurerA.auth, 'pay-once-0001');
    expect(second.status).toBe(201);
    expect(second.body.payment.id).toBe(first.body.payment.id);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dues.payments WHERE member_id = $1`, [a.id]);
    expect(n).toBe(1);
    const reused = await pay({ memberId: a.id, amountMinor: 999 }, treasurerA.auth, 'pay-once-0001');
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it('bad input is refused naming the field: negative or non-numeric amounts, unknown currency, a future date, a reused receipt', async () => {
    const a = await t.make.member({ branchId: branchA });
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ amountMinor: -500 }, 400, 'validation_failed', 'amountMinor'],
      [{ amountMinor: '12.50' }, 400, 'validation_failed', 'amountMinor'],
      [{ amountMinor: 12.5 }, 400, 'validation_failed', 'amountMinor'],
      [{ currency: 'XYZ' }, 400, 'unknown_currency', 'currency'],
      [{ currency: 'GBP' }, 400, 'currency_mismatch', 'currency'],
      [{ paidOn: '2026-07-01' }, 400, 'payment_date_in_future', 'paidOn'],
      [{ paidOn: '2026-02-30' }, 400, 'validation_failed', 'paidOn'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await pay({ memberId: a.id, ...body });
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
      const fields = Array.isArray(res.body.details) ? res.body.details.map((d: { field: string }) => d.field) : [res.body.details?.field];
      expect(fields).toContain(field);
    }
    expect((await pay({ memberId: a.id, receiptRef: 'R-1' })).status).toBe(201);
    const dup = await pay({ memberId: a.id, receiptRef: 'R-1' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_payment');
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dues.payments WHERE member_id = $1`, [a.id]);
    expect(n).toBe(1);
  });

  it('S9: a suspended member’s payment is recorded but leaves them without standing', async () => {
    const m = await t.make.member({ branchId: branchA, joinedOn: '2025-01-01' });
    await f.monthlyPayments(m.id, '2025-01-01', '2025-06-01'); // paid to June 2025: a year in arrears now
    await f.changeStatus(m.id, 'suspended', '2026-01-10');
    const res = await pay({ memberId: m.id, amountMinor: 50_000, paidOn: '2026-06-10' });
    expect(res.status).toBe(201);
    expect(res.body.standing).toMatchObject({ inGoodStanding: false, reason: 'suspended', status: 'suspended' });
    expect(res.body.standing.heldMinor).toBe(50_000);
    expect(res.body.standing.outstandingMinor).toBeGreaterThan(0);
    const later = await t.http().get(`/dues/members/${m.id}/standing`).set(treasurerA.auth);
    expect(later.body.inGoodStanding).toBe(false);
    // Neither the standing job nor the payment restores the status.
    const ec = await f.ecMember();
    await t.http().post('/dues/standing/recompute').set(ec.auth).send({});
    const [row] = await t.db.dataSource.query(`SELECT m.status, s.in_good_standing FROM membership.members m JOIN dues.standing s ON s.member_id = m.id WHERE m.id = $1`, [m.id]);
    expect(row).toEqual({ status: 'suspended', in_good_standing: false });
  });

  it('a member sets or lowers their own level without approval or notice; below the minimum is refused', async () => {
    const ec = await f.ecMember();
    const sliding = await t.http().post('/dues/plans').set(ec.auth).send({
      name: 'Sliding',
      kind: 'sliding-scale',
      currency: 'EUR',
      minimumMinor: 300,
      bands: [
        { code: 'low', label: 'Low income', amountMinor: 300 },
        { code: 'mid', label: 'Middle income', amountMinor: 1500 },
      ],
    });
    expect(sliding.status).toBe(201);
    expect(sliding.body.isDefault).toBe(false);
    const m = await t.make.signedInMember({ branchId: branchA });
    const noticesBefore = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.notices`))[0].n;
    const up = await t.http().put('/me/dues-level').set(m.auth).send({ planId: sliding.body.id, bandCode: 'mid' });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ amountMinor: 1500, bandCode: 'mid', effectiveFrom: '2026-06-15' });
    const down = await t.http().put('/me/dues-level').set(m.auth).send({ amountMinor: 400 });
    expect(down.status).toBe(200);
    expect(down.body.amountMinor).toBe(400);
    const tooLow = await t.http().put('/me/dues-level').set(m.auth).send({ amountMinor: 100 });
    expect(tooLow.status).toBe(422);
    expect(tooLow.body).toMatchObject({ code: 'level_below_minimum', details: { field: 'amountMinor' } });
    const past = await t.http().put('/me/dues-level').set(m.auth).send({ amountMinor: 500, effectiveFrom: '2026-01-01' });
    expect(past.status).toBe(409);
    const levels = await t.db.dataSource.query(`SELECT amount_minor, income_band FROM dues.member_levels WHERE member_id = $1`, [m.id]);
    expect(levels).toEqual([{ amount_minor: 400, income_band: null }]);
    // No notice to anyone, and the audit log records that it changed, not to what.
    const audit = await t.db.dataSource.query(`SELECT action, data FROM audit.entries WHERE subject_id = $1 AND context = 'dues'`, [m.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['dues.level-set', 'dues.level-set']);
    expect(JSON.stringify(audit)).not.toMatch(/400|1500|mid/);
    const notices = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.notices`);
    expect(notices[0].n).toBe(noticesBefore);
    const mine = await t.http().get('/me/dues').set(m.auth);
    expect(mine.status).toBe(200);
    expect(mine.body.level).toMatchObject({ amountMinor: 400, planId: sliding.body.id });
    // Only the EC or the national treasurer sets plans.
    expect((await t.http().post('/dues/plans').set(treasurerA.auth).send({ name: 'X', kind: 'fixed', currency: 'EUR', amountMinor: 1 })).status).toBe(403);
    const badPlan = await t.http().post('/dues/plans').set(ec.auth).send({ name: 'X', kind: 'fixed', currency: 'ABC', amountMinor: 100 });
    expect(badPlan.status).toBe(400);
    expect(badPlan.body.code).toBe('unknown_currency');
    void planId;
  });

  it('hardship waivers are granted and seen by treasurers only, and lift the arrears they cover', async () => {
    const m = await t.make.signedInMember({ branchId: branchA, joinedOn: '2025-01-01' });
    await f.monthlyPayments(m.id, '2025-01-01', '2025-12-01');
    const before = await t.http().get(`/dues/members/${m.id}/standing`).set(treasurerA.auth);
    expect(before.body.arrearsMonths).toBeGreaterThan(3);
    const bad = await t.http().post(`/dues/members/${m.id}/waivers`).set(treasurerA.auth).send({ from: '2026-07-01', to: '2026-01-01', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('waiver_ends_before_start');
    const w = await t.http().post(`/dues/members/${m.id}/waivers`).set(treasurerA.auth).send({ from: '2026-01-01', to: '2026-07-01', reason: 'Lost their job in December' });
    expect(w.status).toBe(201);
    const after = await t.http().get(`/dues/members/${m.id}/standing`).set(treasurerA.auth);
    expect(after.body).toMatchObject({ inGoodStanding: true, arrearsMonths: 0 });
    const list = await t.http().get(`/dues/members/${m.id}/waivers`).set(treasurerA.auth);
    expect(list.body[0].treasurerOnlyReason).toBe('Lost their job in December');
    const secretaryA = await f.secretary(branchA);
    expect((await t.http().get(`/dues/members/${m.id}/waivers`).set(secretaryA.auth)).status).toBe(403);
    const secView = await t.http().get(`/dues/members/${m.id}/standing`).set(secretaryA.auth);
    expect(secView.status).toBe(200);
    expect(secView.body.inGoodStanding).toBe(true);
    expect(secView.body.owedMinor).toBe(0);
    const own = await t.http().get('/me/dues').set(m.auth);
    expect(JSON.stringify(own.body)).not.toMatch(/Lost their job|waiver/i);
    const audit = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE action = 'dues.waiver-granted'`);
    expect(JSON.stringify(audit)).not.toMatch(/Lost their job/);
  });

  it('standing as of any date: a payment made later never changes the answer for an earlier date', async () => {
    const m = await t.make.member({ branchId: branchA, joinedOn: '2025-01-01' });
    await f.monthlyPayments(m.id, '2025-01-01', '2025-02-01');
    const q = (asOf: string) => t.http().get(`/dues/members/${m.id}/standing?asOf=${asOf}`).set(treasurerA.auth);
    const before = (await q('2025-09-01')).body;
    expect(before.inGoodStanding).toBe(false);
    await pay({ memberId: m.id, amountMinor: 20_000, paidOn: '2026-06-01' });
    expect((await q('2025-09-01')).body).toEqual(before);
    expect((await q('2026-06-15')).body.inGoodStanding).toBe(true);
    expect((await q('2025-13-01')).status).toBe(400);
  });
});
