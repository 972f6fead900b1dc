import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballot order by lot: the seed the candidates' order on the ballot paper is drawn from when
 * voting opens, published with the election. Elections that opened before keep their
 * (alphabetical) numbers, with no seed.
 */
export class BallotOrderByLot1733500100100 implements MigrationInterface {
  name = 'BallotOrderByLot1733500100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE elections.elections ADD COLUMN ballot_order_seed text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE elections.elections DROP COLUMN ballot_order_seed`);
  }
}
