import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last run of each scheduled job (`libs/platform/src/jobs`), whichever process ran it: one
 * row per job name, replaced after every run that happened (a run skipped because another
 * process held the job is not recorded). Counts and dates only, never personal data.
 */
export class JobRuns1733500040000 implements MigrationInterface {
  name = 'JobRuns1733500040000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS platform`);
    await q.query(`
      CREATE TABLE platform.job_runs (
        name text PRIMARY KEY,
        outcome text NOT NULL CHECK (outcome IN ('ran', 'failed')),
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'request')),
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        result jsonb,
        error jsonb,
        ran_by text NOT NULL,
        last_success_at timestamptz
      )`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          GRANT USAGE ON SCHEMA platform TO commons_app;
          GRANT SELECT, INSERT, UPDATE ON platform.job_runs TO commons_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE platform.job_runs`);
    await q.query(`DROP SCHEMA IF EXISTS platform`);
  }
}
