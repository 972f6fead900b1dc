import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emergency motions and the joint withdrawal of a composite:
 * - a motion submitted after the deadline carries its mover's reason (`emergency_reason`); the
 *   standing orders committee's reason for admitting a motion (`admission_reason`) is published
 *   with it; an admitted emergency motion waits (`awaiting-acceptance`) for the congress to accept
 *   it onto the agenda, or is `not-accepted`, unless the standing orders leave that to the
 *   committee (`floors.emergency_acceptance`); the congress's vote on it is an `acceptance` vote;
 * - each original's mover consents to withdrawing an agreed composite (`withdrawal_by`,
 *   `withdrawal_at`); the last consent withdraws the composite motion and the composite (`withdrawn`).
 */
export class CongressFloorEmergencyMotionsJointWithdrawal1733500210000 implements MigrationInterface {
  name = 'CongressFloorEmergencyMotionsJointWithdrawal1733500210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE congress_floor.motions DROP CONSTRAINT motions_stage_check`);
    await q.query(
      `ALTER TABLE congress_floor.motions ADD CONSTRAINT motions_stage_check CHECK (stage IN ('submitted', 'admitted', 'refused', 'debated', 'voting', 'carried', 'lost', 'referred', 'withdrawn', 'composited', 'awaiting-acceptance', 'not-accepted'))`,
    );
    await q.query(`ALTER TABLE congress_floor.motions ADD COLUMN emergency_reason text`);
    await q.query(`ALTER TABLE congress_floor.motions ADD COLUMN admission_reason text`);
    await q.query(`ALTER TABLE congress_floor.floors ADD COLUMN emergency_acceptance text NOT NULL DEFAULT 'congress' CHECK (emergency_acceptance IN ('congress', 'committee'))`);
    await q.query(`ALTER TABLE congress_floor.votes ADD COLUMN acceptance boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE congress_floor.composites DROP CONSTRAINT composites_state_check`);
    await q.query(`ALTER TABLE congress_floor.composites ADD CONSTRAINT composites_state_check CHECK (state IN ('proposed', 'agreed', 'refused', 'withdrawn'))`);
    await q.query(`ALTER TABLE congress_floor.composite_originals ADD COLUMN withdrawal_by uuid`);
    await q.query(`ALTER TABLE congress_floor.composite_originals ADD COLUMN withdrawal_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE congress_floor.composite_originals DROP COLUMN withdrawal_at`);
    await q.query(`ALTER TABLE congress_floor.composite_originals DROP COLUMN withdrawal_by`);
    await q.query(`ALTER TABLE congress_floor.composites DROP CONSTRAINT composites_state_check`);
    await q.query(`ALTER TABLE congress_floor.composites ADD CONSTRAINT composites_state_check CHECK (state IN ('proposed', 'agreed', 'refused'))`);
    await q.query(`ALTER TABLE congress_floor.votes DROP COLUMN acceptance`);
    await q.query(`ALTER TABLE congress_floor.floors DROP COLUMN emergency_acceptance`);
    await q.query(`ALTER TABLE congress_floor.motions DROP COLUMN admission_reason`);
    await q.query(`ALTER TABLE congress_floor.motions DROP COLUMN emergency_reason`);
    await q.query(`ALTER TABLE congress_floor.motions DROP CONSTRAINT motions_stage_check`);
    await q.query(
      `ALTER TABLE congress_floor.motions ADD CONSTRAINT motions_stage_check CHECK (stage IN ('submitted', 'admitted', 'refused', 'debated', 'voting', 'carried', 'lost', 'referred', 'withdrawn', 'composited'))`,
    );
  }
}
