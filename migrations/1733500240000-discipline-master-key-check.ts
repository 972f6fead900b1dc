import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every process on one database holds the same discipline master key: the first start records a
 * keyed check of its active key (an HMAC over a fixed label, never the key), and every later
 * start compares its own. One row at most; the disciplinary role may record and update it
 * (a rotation), never remove it.
 */
export class DisciplineMasterKeyCheck1733500240000 implements MigrationInterface {
  name = 'DisciplineMasterKeyCheck1733500240000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE discipline.master_key_check (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        key_check text NOT NULL CHECK (key_check ~ '^[0-9a-f]{64}$'),
        key_id text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          REVOKE DELETE, TRUNCATE ON discipline.master_key_check FROM commons_discipline;
          GRANT SELECT, INSERT, UPDATE ON discipline.master_key_check TO commons_discipline;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE discipline.master_key_check`);
  }
}
