import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pre-congress discussion bulletin (libs/congress-floor, `bulletin`): its standing orders
 * (period and maximum length in words) and the contributions, published on submission — there is
 * no approval column, no hidden flag, no order to set. A caucus's contribution keeps the caucus
 * and no member's id (S13). Idempotency keys are kept per author as a SHA-256, on the row itself.
 */
export class CongressBulletin1733500190000 implements MigrationInterface {
  name = 'CongressBulletin1733500190000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE congress_floor.bulletins (
        congress_id uuid PRIMARY KEY REFERENCES congress_floor.floors (congress_id),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        max_words integer NOT NULL CHECK (max_words > 0),
        set_by uuid NOT NULL,
        set_at timestamptz NOT NULL,
        CHECK (closes_at > opens_at)
      )`);
    await q.query(`
      CREATE TABLE congress_floor.contributions (
        id uuid PRIMARY KEY,
        congress_id uuid NOT NULL REFERENCES congress_floor.bulletins (congress_id),
        author_kind text NOT NULL CHECK (author_kind IN ('member', 'caucus')),
        author_ref uuid NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        words integer NOT NULL CHECK (words > 0),
        published_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        idempotency_sha256 text,
        request_sha256 text
      )`);
    await q.query(`CREATE INDEX contributions_by_congress ON congress_floor.contributions (congress_id, published_at)`);
    await q.query(
      `CREATE UNIQUE INDEX contributions_idempotency ON congress_floor.contributions (congress_id, author_kind, author_ref, idempotency_sha256) WHERE idempotency_sha256 IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE congress_floor.contributions`);
    await q.query(`DROP TABLE congress_floor.bulletins`);
  }
}
