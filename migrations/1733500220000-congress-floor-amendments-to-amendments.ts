import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Amendments to amendments: an amendment may amend a pending amendment to the motion (`amends`),
 * naming lines of that amendment's text; it is voted first, and the amendment is then voted as amended.
 */
export class CongressFloorAmendmentsToAmendments1733500220000 implements MigrationInterface {
  name = 'CongressFloorAmendmentsToAmendments1733500220000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE congress_floor.amendments ADD COLUMN amends uuid REFERENCES congress_floor.amendments (id)`);
    await q.query(`CREATE INDEX amendments_amends_idx ON congress_floor.amendments (amends) WHERE amends IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX congress_floor.amendments_amends_idx`);
    await q.query(`ALTER TABLE congress_floor.amendments DROP COLUMN amends`);
  }
}
