import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The founding act (`npm run org:init`): the organization's own settings (one row: name, time
 * zone, locale, currency, and the founding file's SHA-256), regions, and the region of each
 * branch.
 */
export class Founding1733500005000 implements MigrationInterface {
  name = 'Founding1733500005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership.organization (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        name text NOT NULL,
        time_zone text NOT NULL,
        locale text NOT NULL,
        currency char(3) NOT NULL,
        founding_file_sha256 text NOT NULL,
        founded_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE membership.regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE membership.branches ADD COLUMN region_id uuid REFERENCES membership.regions (id)`);
    await q.query(`CREATE INDEX branches_region_idx ON membership.branches (region_id) WHERE region_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX membership.branches_region_idx`);
    await q.query(`ALTER TABLE membership.branches DROP COLUMN region_id`);
    await q.query(`DROP TABLE membership.regions`);
    await q.query(`DROP TABLE membership.organization`);
  }
}
