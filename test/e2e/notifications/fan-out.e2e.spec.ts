import type { EntityManager } from 'typeorm';
import { fanOutToMembers } from '@org/notifications';
import { rowsOf } from '@org/platform';
import { createNotificationsTestApp, type NotificationsTestApp } from './support/notifications-app';

/**
 * A notice to the whole membership: one outbox row per recipient, written in batches inside
 * PostgreSQL — Node never holds the member list.
 */
const N = 1500;

/** The generated membership, and who is in good standing, decided here independently of the SQL. */
function memberSpec(g: number): { status: string; standing: boolean | null; consent: boolean; prefOff: boolean } {
  const k = g % 20;
  const status = k === 0 ? 'suspended' : k === 1 ? 'expelled' : k === 2 || k === 3 ? 'lapsed' : k === 4 ? 'applicant' : 'active';
  const standing = k === 3 ? true : k === 5 ? false : k === 6 ? true : null;
  return { status, standing, consent: g % 10 !== 7, prefOff: g % 25 === 8 };
}
const inGoodStanding = (s: ReturnType<typeof memberSpec>) => (s.status === 'active' || s.status === 'lapsed') && (s.standing ?? s.status === 'active');

/** Counts the rows every query hands back to Node. */
function countingManager(manager: EntityManager) {
  const stats = { queries: 0, rows: 0, maxRows: 0 };
  const proxy = new Proxy(manager, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return async (sql: string, params?: unknown[]) => {
          const r = await target.query(sql, params);
          const rows = rowsOf(r);
          stats.queries++;
          stats.rows += rows.length;
          stats.maxRows = Math.max(stats.maxRows, rows.length);
          return r;
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { manager: proxy, stats };
}

describe('fan-out to the membership', () => {
  let t: NotificationsTestApp;
  let branchA: string;
  let branchB: string;
  beforeAll(async () => {
    t = await createNotificationsTestApp({ mode: 'direct', apiSettings: { dispatch: false }, settings: { fanOutBatch: 200 } });
    branchA = await t.make.branch();
    branchB = await t.make.branch();
    await t.db.dataSource.query(
      `INSERT INTO membership.members (first_name, last_name, email, status, email_consent, applied_on, joined_on, branch_id)
       SELECT 'Fan', 'Member ' || g, 'fan-' || g || '@test.localhost',
              CASE g % 20 WHEN 0 THEN 'suspended' WHEN 1 THEN 'expelled' WHEN 2 THEN 'lapsed' WHEN 3 THEN 'lapsed' WHEN 4 THEN 'applicant' ELSE 'active' END,
              g % 10 <> 7, '2020-01-01', '2020-01-01', CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END
         FROM generate_series(1, $1::int) g`,
      [N, branchA, branchB],
    );
    await t.db.dataSource.query(
      `INSERT INTO dues.standing (member_id, in_good_standing, arrears_months, computed_at)
       SELECT id, (split_part(last_name, ' ', 2)::int % 20) <> 5, 0, now() FROM membership.members
        WHERE email LIKE 'fan-%' AND (split_part(last_name, ' ', 2)::int % 20) IN (3, 5, 6)`,
    );
    await t.db.dataSource.query(
      `INSERT INTO notifications.preferences (member_id, email_non_essential, updated_at)
       SELECT id, false, now() FROM membership.members WHERE email LIKE 'fan-%' AND (split_part(last_name, ' ', 2)::int % 25) = 8`,
    );
  });
  afterAll(() => t?.close());

  const OUTCOME = {
    respondentName: 'Sam Example',
    rule: 'Code of conduct 2.1',
    upheld: true,
    sanction: { kind: 'expulsion' as const, suspendedUntil: null },
    panelSanction: null,
    decidedOn: '2026-10-01',
    finalOn: '2026-11-01',
    panelVote: { uphold: 3, notUphold: 0 },
    appealOutcome: null,
  };

  it(`an outcome notice reaches every member in good standing (${N} generated), in batches, with flat memory`, async () => {
    const specs = Array.from({ length: N }, (_, i) => memberSpec(i + 1));
    const expected = specs.filter(inGoodStanding).length;
    const heapBefore = process.memoryUsage().heapUsed;
    const { result, stats } = await t.ds.transaction(async (m) => {
      const counting = countingManager(m);
      const result = await t.outbox.fanOutToMembers(counting.manager, { type: 'outcome-notice', data: OUTCOME, audience: 'good-standing', dedupeKey: 'outcome:test-1' });
      return { result, stats: counting.stats };
    });
    const heapAfter = process.memoryUsage().heapUsed;
    console.log(`fan-out of ${result.recipients} feed entries / ${result.emails} emails: ${stats.queries} queries returned ${stats.rows} rows to Node (max ${stats.maxRows} per query); heap ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB`);

    expect(result.recipients).toBe(expected);
    // Outcome notices are essential: everyone with an address gets email, preference or not.
    expect(result.emails).toBe(expected);
    const [feed] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.feed_entries WHERE notice_id = $1`, [result.noticeId]);
    expect(feed.n).toBe(expected);
    const [rows] = await t.db.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT member_id)::int AS d FROM notifications.outbox WHERE notice_id = $1`, [result.noticeId]);
    expect(rows).toEqual({ n: expected, d: expected });
    // Nobody outside good standing: suspended, expelled, applicants, lapsed without a verdict, active members found in arrears.
    const wrong = await t.db.dataSource.query(
      `SELECT m.status, s.in_good_standing FROM notifications.feed_entries f JOIN membership.members m ON m.id = f.member_id
         LEFT JOIN dues.standing s ON s.member_id = m.id
        WHERE f.notice_id = $1 AND (m.status NOT IN ('active', 'lapsed') OR s.in_good_standing = false OR (s.member_id IS NULL AND m.status = 'lapsed'))`,
      [result.noticeId],
    );
    expect(wrong).toEqual([]);
    // Memory: the member list never came to Node — 8 batches of 200, one summary row each.
    expect(stats.maxRows).toBeLessThanOrEqual(2);
    expect(stats.rows).toBeLessThan(30);
    // Audited once, with the count.
    const audit = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE subject_id = $1`, [result.noticeId]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ type: 'outcome-notice', audience: 'good-standing', recipients: expected, emails: expected });
  });

  it('the same dedupe key publishes once', async () => {
    const again = await t.ds.transaction((m) => t.outbox.fanOutToMembers(m, { type: 'outcome-notice', data: OUTCOME, audience: 'good-standing', dedupeKey: 'outcome:test-1' }));
    expect(again.duplicate).toBe(true);
    const [n] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.notices WHERE dedupe_key = 'outcome:test-1'`);
    expect(n.n).toBe(1);
  });

  it("a branch's members get a non-essential announcement in the feed; email follows consent and preference", async () => {
    const specs = Array.from({ length: N }, (_, i) => ({ g: i + 1, ...memberSpec(i + 1) })).filter((s) => s.g % 2 === 0);
    const inBranch = specs.filter((s) => ['active', 'lapsed', 'suspended'].includes(s.status));
    const emailed = inBranch.filter((s) => s.consent && !s.prefOff);
    // The standalone function, used by a context with its own transaction.
    const result = await t.ds.transaction((m) => fanOutToMembers(m, { type: 'announcement', data: { title: 'Branch AGM', text: 'Saturday' }, audience: { branchId: branchA }, essential: false }, { batchSize: 300 }));
    expect(result.recipients).toBe(inBranch.length);
    expect(result.emails).toBe(emailed.length);
    const other = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications.feed_entries f JOIN membership.members m ON m.id = f.member_id WHERE f.notice_id = $1 AND m.branch_id <> $2`,
      [result.noticeId, branchA],
    );
    expect(other[0].n).toBe(0);
  });

  it('refuses types that go to one person only, and bad audiences', async () => {
    await expect(t.ds.transaction((m) => t.outbox.fanOutToMembers(m, { type: 'case-update', data: {}, audience: 'good-standing' }))).rejects.toMatchObject({ code: 'notification_invalid' });
    await expect(
      t.ds.transaction((m) => t.outbox.fanOutToMembers(m, { type: 'password-reset', data: { resetUrl: 'https://x.example/r?t=1' }, audience: 'good-standing' })),
    ).rejects.toMatchObject({ code: 'notification_invalid' });
    await expect(
      t.ds.transaction((m) => t.outbox.fanOutToMembers(m, { type: 'announcement', data: { title: 'x', text: 'y' }, audience: { branchId: 'nope' } })),
    ).rejects.toMatchObject({ code: 'notification_invalid' });
  });
});
