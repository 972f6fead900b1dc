import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Column mappings saved by name, so that another tool's export (CiviCRM, Action Network, a
 * spreadsheet) imports as the member file without editing it: `membership.import_mappings`.
 * The definition is the JSON the route accepted (validated by the membership domain before saving).
 */
export class ImportMappings1733500007100 implements MigrationInterface {
  name = 'ImportMappings1733500007100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership.import_mappings (
        name text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
        definition jsonb NOT NULL,
        saved_by uuid,
        saved_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE membership.import_mappings`);
  }
}
