import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voters are told: when an election's one reminder before the close went out (to each voter who
 * had not voted by then). Only the time is kept, never who was reminded.
 */
export class VotersReminded1733500100200 implements MigrationInterface {
  name = 'VotersReminded1733500100200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE elections.elections ADD COLUMN voters_reminded_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE elections.elections DROP COLUMN voters_reminded_at`);
  }
}
