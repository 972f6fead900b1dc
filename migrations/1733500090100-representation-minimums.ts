import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Representation minimums of an election (e.g. at least half of the committee's seats to women):
 * named groups of candidates, each owed a number of seats, applied by the STV count's exclusion
 * method. Set by the returning officer before voting opens.
 */
export class RepresentationMinimums1733500090100 implements MigrationInterface {
  name = 'RepresentationMinimums1733500090100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE elections.representation_minimums (
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        group_name text NOT NULL CHECK (length(group_name) BETWEEN 1 AND 80),
        candidate_ids jsonb NOT NULL,
        minimum integer NOT NULL CHECK (minimum >= 0),
        PRIMARY KEY (election_id, group_name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE elections.representation_minimums`);
  }
}
