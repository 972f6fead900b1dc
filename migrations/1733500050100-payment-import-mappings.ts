import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Column mappings for the payments import, saved by name by a treasurer, so that a bank's or
 * another tool's export imports without editing the file: `dues.import_mappings`. The
 * definition is the JSON the route accepted (checked by the dues domain before saving). The
 * disciplinary role has no business reading them.
 */
export class PaymentImportMappings1733500050100 implements MigrationInterface {
  name = 'PaymentImportMappings1733500050100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dues.import_mappings (
        name text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
        definition jsonb NOT NULL,
        saved_by uuid,
        saved_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          REVOKE ALL ON dues.import_mappings FROM commons_discipline;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dues.import_mappings`);
  }
}
