import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaints directory serves a complainant finding the person they mean, not a membership
 * dump: each search is counted against the searcher's daily budget. Only a keyed hash of who
 * searched and when — never the account, the query or the answer.
 */
export class ComplaintsDirectoryBudget1733500004001 implements MigrationInterface {
  name = 'ComplaintsDirectoryBudget1733500004001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE discipline.directory_searches (
        searcher_tag text NOT NULL,
        searched_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX directory_searches_tag_idx ON discipline.directory_searches (searcher_tag, searched_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE discipline.directory_searches`);
  }
}
