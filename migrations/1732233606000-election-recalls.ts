import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recall ballots (S2): a motion may name the mandate it would end. When such a motion is
 * certified as carried, the mandate ends in the certifying transaction — the only way a Control
 * Commission or Appeals Committee mandate can end before its term. The mandate id is not a
 * foreign key (no foreign keys across contexts); the use case checks it.
 */
export class ElectionRecalls1732233606000 implements MigrationInterface {
  name = 'ElectionRecalls1732233606000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE elections.elections ADD COLUMN recall_mandate_id uuid`);
    await q.query(`ALTER TABLE elections.elections ADD CONSTRAINT elections_recall_is_a_motion CHECK (recall_mandate_id IS NULL OR purpose = 'motion')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE elections.elections DROP CONSTRAINT elections_recall_is_a_motion`);
    await q.query(`ALTER TABLE elections.elections DROP COLUMN recall_mandate_id`);
  }
}
