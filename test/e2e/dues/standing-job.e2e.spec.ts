import { AuditLog } from '@org/audit';
import { MembershipRegisterPort } from '@org/dues';
import { MemberAccounts, MembershipRegisterFacade } from '@org/membership';
import { Clock, FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

const clock = new FixedClock(new Date('2026-06-15T12:00:00Z'));

/** A: paid up. B: paid to Dec 2025 (5 months behind). C: lapsed last year, has since paid everything. D: 2 months behind. */
async function seed(t: TestApp, f: MembershipFactories, branchId: string) {
  await f.plan({ amountMinor: 1000, graceMonths: 3 });
  const make = async (name: string, through: string | null) => {
    const m = await t.make.member({ branchId, joinedOn: '2025-01-01', lastName: name });
    if (through) await f.monthlyPayments(m.id, '2025-01-01', through);
    return m.id;
  };
  const a = await make('A', '2026-06-01');
  const b = await make('B', '2025-12-01');
  const c = await make('C', '2026-06-01');
  await f.changeStatus(c, 'lapsed', '2025-06-01');
  const d = await make('D', '2026-03-01');
  // The EC member who runs the job is a member in good standing too.
  const ec = await f.ecMember(branchId);
  await f.monthlyPayments(ec.id, '2020-01-01', '2026-06-01');
  return { a, b, c, d, ec };
}

describe('dues: the standing job (lapse, reinstate, reminders)', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branch: string;
  let m: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    branch = await t.make.branch('Job branch');
    m = await seed(t, f, branch);
  });
  afterAll(() => t.close());

  const status = async (id: string) => (await t.db.dataSource.query(`SELECT status FROM membership.members WHERE id = $1`, [id]))[0].status;

  it('lapses active members out of good standing and reinstates lapsed ones back in it, through the member’s history', async () => {
    const res = await t.http().post('/dues/standing/recompute').set(m.ec.auth).send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: '2026-06-15', trigger: 'request', lapsed: 1, reinstated: 1, skipped: 0 });
    expect(await status(m.a)).toBe('active');
    expect(await status(m.b)).toBe('lapsed');
    expect(await status(m.c)).toBe('active');
    expect(await status(m.d)).toBe('active');
    const [last] = await t.db.dataSource.query(`SELECT from_status, to_status, effective_on, source, changed_by FROM membership.status_history WHERE member_id = $1 ORDER BY id DESC LIMIT 1`, [m.b]);
    expect(last).toEqual({ from_status: 'active', to_status: 'lapsed', effective_on: '2026-06-15', source: 'standing-job', changed_by: null });
    const standing = await t.db.dataSource.query(`SELECT member_id, in_good_standing, arrears_months FROM dues.standing WHERE member_id = ANY($1)`, [[m.a, m.b, m.c, m.d]]);
    const byId = Object.fromEntries(standing.map((s: { member_id: string; in_good_standing: boolean; arrears_months: number }) => [s.member_id, [s.in_good_standing, s.arrears_months]]));
    expect(byId).toEqual({ [m.a]: [true, 0], [m.b]: [false, 5], [m.c]: [true, 0], [m.d]: [true, 2] });
    const audit = await t.db.dataSource.query(`SELECT action FROM audit.entries WHERE action IN ('dues.standing-recomputed', 'members.standing-applied') ORDER BY seq`);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['members.standing-applied', 'dues.standing-recomputed']);
  });

  it('records one reminder per member in arrears per month and hands it to the notifications outbox', async () => {
    // Delivery follows the run's commit, batch by batch: wait for it.
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dues.reminders WHERE channel = 'recorded'`);
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const reminders = await t.db.dataSource.query(`SELECT member_id, period, arrears_months, channel FROM dues.reminders ORDER BY arrears_months`);
    expect(reminders).toEqual([
      { member_id: m.d, period: '2026-06', arrears_months: 2, channel: 'outbox' },
      { member_id: m.b, period: '2026-06', arrears_months: 5, channel: 'outbox' },
    ]);
    const notices = await t.db.dataSource.query(`SELECT type FROM notifications.notices`);
    expect(notices.filter((n: { type: string }) => n.type === 'subs-reminder')).toHaveLength(2);
    // A second run the same day changes nothing and reminds nobody again.
    const again = await t.http().post('/dues/standing/recompute').set(m.ec.auth).send({});
    expect(again.body).toMatchObject({ lapsed: 0, reinstated: 0, reminders: 0 });
    expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dues.reminders`)).toEqual([{ n: 2 }]);
  });

  it('a run for a past date computes standing but changes no status', async () => {
    const res = await t.http().post('/dues/standing/recompute').set(m.ec.auth).send({ asOf: '2025-03-01' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: '2025-03-01', lapsed: 0, reinstated: 0, reminders: 0 });
    expect(await status(m.b)).toBe('lapsed');
    const future = await t.http().post('/dues/standing/recompute').set(m.ec.auth).send({ asOf: '2026-07-01' });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('future_date');
  });

  it('a branch treasurer recomputes their own branch only; a member cannot run the job', async () => {
    const other = await t.make.branch('Other job branch');
    const outsider = await t.make.member({ branchId: other });
    const treasurer = await f.treasurer(branch);
    const res = await t.http().post('/dues/standing/recompute').set(treasurer.auth).send({});
    expect(res.status).toBe(200);
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM membership.members WHERE branch_id = $1`, [branch]);
    expect(res.body.members).toBe(n);
    expect(await t.db.dataSource.query(`SELECT 1 FROM dues.standing WHERE member_id = $1 AND as_of = '2026-06-15'`, [outsider.id])).toEqual([]);
    const member = await t.make.signedInMember({ branchId: branch });
    expect((await t.http().post('/dues/standing/recompute').set(member.auth).send({})).status).toBe(403);
  });
});

describe('dues: a failed standing job changes nothing', () => {
  it('rolls back the standing read model when applying statuses fails', async () => {
    const t = await createTestApp({
      clock,
      overrides: [
        {
          provide: MembershipRegisterPort,
          inject: [AuditLog, Clock, MemberAccounts],
          useFactory: (audit: AuditLog, c: Clock, accounts: MemberAccounts) => {
            const real = new MembershipRegisterFacade(audit, c, accounts);
            return Object.assign(Object.create(real), { applyStanding: async () => Promise.reject(new Error('simulated failure')) });
          },
        },
      ],
    });
    try {
      const f = new MembershipFactories(t);
      const m = await seed(t, f, await t.make.branch());
      const res = await t.http().post('/dues/standing/recompute').set(m.ec.auth).send({});
      expect(res.status).toBe(500);
      expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dues.standing`)).toEqual([{ n: 0 }]);
      expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM dues.standing_runs`)).toEqual([{ n: 0 }]);
      expect((await t.db.dataSource.query(`SELECT status FROM membership.members WHERE id = $1`, [m.b]))[0].status).toBe('active');
    } finally {
      await t.close();
    }
  });
});
