import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transparency report is published for fixed periods only (S1, S8): each period's report is
 * computed once by the scheduled job, after the period has closed and a lag has passed, and
 * stored here frozen. Aggregate figures only (already small-cell suppressed), no case id.
 */
export class TransparencyPublishedPeriods1733500004000 implements MigrationInterface {
  name = 'TransparencyPublishedPeriods1733500004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE discipline.transparency_reports (
        period_id text PRIMARY KEY,
        period_kind text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'half-year', 'year')),
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        published_at timestamptz NOT NULL,
        report jsonb NOT NULL,
        CHECK (period_from < period_to),
        CHECK (published_at >= period_to)
      )`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          -- Frozen: the context may add a period's report, never change or remove one.
          REVOKE UPDATE, DELETE, TRUNCATE ON discipline.transparency_reports FROM commons_discipline;
          GRANT SELECT, INSERT ON discipline.transparency_reports TO commons_discipline;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE discipline.transparency_reports`);
  }
}
