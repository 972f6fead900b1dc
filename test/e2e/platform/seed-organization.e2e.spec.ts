import { generateOrganization } from '../../../apps/api/src/seed/organization-generator';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/**
 * `npm run seed` (apps/api/src/seed/organization-generator.ts): the organization it writes with
 * set-based SQL is one the platform could have recorded — branches in regions, one open branch
 * period for every member in a branch and none for a former member, unique e-mails, lapsed
 * members behind with their subs, nothing dated in the future — and the same seed gives the same
 * organization.
 */
const MEMBERS = 8_000;

describe('the benchmark organization written by the seed', () => {
  let db: TestDatabase;
  const today = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    db = await createTestDatabase();
    // Three batches, so each continues where the one before stopped.
    await db.dataSource.transaction((m) => generateOrganization(m, { members: MEMBERS, branches: 120, years: 10, seed: 'spec', today, batchSize: 3_000 }));
  }, 300_000);
  afterAll(() => db.close());

  const one = async (sql: string): Promise<Record<string, number>> => (await db.dataSource.query(sql))[0];

  it('has its branches in regions, and members with unique e-mails in plausible shares of each status', async () => {
    expect(await one(`SELECT count(*)::int AS branches, count(region_id)::int AS in_region, count(DISTINCT region_id)::int AS regions FROM membership.branches`)).toEqual({ branches: 120, in_region: 120, regions: 6 });
    const m = await one(
      `SELECT count(*)::int AS n, count(DISTINCT lower(email))::int AS emails,
              count(*) FILTER (WHERE status = 'active')::int AS active, count(*) FILTER (WHERE status = 'lapsed')::int AS lapsed,
              count(*) FILTER (WHERE status = 'resigned')::int AS resigned FROM membership.members`,
    );
    expect(m.n).toBe(MEMBERS);
    expect(m.emails).toBe(MEMBERS);
    expect(m.lapsed / m.n).toBeGreaterThan(0.06);
    expect(m.lapsed / m.n).toBeLessThan(0.1);
    expect(m.resigned / m.n).toBeGreaterThan(0.03);
    expect(m.resigned / m.n).toBeLessThan(0.05);
    expect(m.active + m.lapsed + m.resigned).toBe(m.n);
  });

  it('keeps branch histories consistent: one open period in the current branch, none for a former member, transfers for some', async () => {
    expect(
      await one(
        `SELECT count(*)::int AS wrong FROM membership.members m
           LEFT JOIN membership.branch_periods p ON p.member_id = m.id AND p.to_date IS NULL
          WHERE p.branch_id IS DISTINCT FROM m.branch_id`,
      ),
    ).toEqual({ wrong: 0 });
    expect(await one(`SELECT count(*)::int AS inverted FROM membership.branch_periods WHERE to_date <= from_date`)).toEqual({ inverted: 0 });
    const { transfers } = await one(`SELECT (count(*) - count(DISTINCT member_id))::int AS transfers FROM membership.branch_periods`);
    expect(transfers / MEMBERS).toBeGreaterThan(0.15);
    expect(transfers / MEMBERS).toBeLessThan(0.3);
  });

  it('dates nothing in the future, and lapsed members stopped paying more than three months ago while active ones are paid up', async () => {
    expect(await one(`SELECT count(*)::int AS future FROM membership.status_history WHERE effective_on > CURRENT_DATE`)).toEqual({ future: 0 });
    expect(await one(`SELECT count(*)::int AS future FROM dues.payments WHERE paid_on > CURRENT_DATE`)).toEqual({ future: 0 });
    expect(
      await one(
        `SELECT count(*) FILTER (WHERE m.status = 'lapsed' AND last_paid > CURRENT_DATE - 90)::int AS lapsed_but_paid,
                count(*) FILTER (WHERE m.status = 'active' AND (last_paid IS NULL OR last_paid < date_trunc('month', CURRENT_DATE)))::int AS active_unpaid
           FROM membership.members m LEFT JOIN LATERAL (SELECT max(paid_on) AS last_paid FROM dues.payments p WHERE p.member_id = m.id) x ON true`,
      ),
    ).toEqual({ lapsed_but_paid: 0, active_unpaid: 0 });
    expect(await one(`SELECT count(*)::int AS without FROM membership.members m WHERE status <> 'resigned' AND NOT EXISTS (SELECT 1 FROM identity.accounts a WHERE a.member_id = m.id)`)).toEqual({ without: 0 });
  });

  it('gives the same organization for the same seed', async () => {
    const again = await createTestDatabase();
    try {
      await again.dataSource.transaction((m) => generateOrganization(m, { members: 1_000, branches: 20, years: 5, seed: 'same', today, batchSize: 400 }));
      const third = await createTestDatabase();
      try {
        await third.dataSource.transaction((m) => generateOrganization(m, { members: 1_000, branches: 20, years: 5, seed: 'same', today, batchSize: 400 }));
        const shape = `SELECT email, status, joined_on::text, (SELECT code FROM membership.branches b WHERE b.id = m.branch_id) AS branch,
                              (SELECT count(*)::int FROM dues.payments p WHERE p.member_id = m.id) AS payments
                         FROM membership.members m ORDER BY email`;
        expect(await again.dataSource.query(shape)).toEqual(await third.dataSource.query(shape));
      } finally {
        await third.close();
      }
    } finally {
      await again.close();
    }
  });
});
