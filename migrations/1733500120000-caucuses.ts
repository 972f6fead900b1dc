import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caucuses context (libs/caucuses): its own schema and, on real PostgreSQL, its own group
 * role `commons_caucuses` (a login made a member of it is given in `CAUCUSES_DATABASE_URL`).
 *
 * Who belongs to a caucus is protected like a complaint (S13): the platform's role `commons_app`
 * and the disciplinary role `commons_discipline` get nothing in `caucuses` — not even USAGE —, so
 * no transfer, restriction or disciplinary step can read a roster, by any code. The caucuses role
 * gets its own tables, and may append to the audit log (refused attempts to see a roster); it
 * gets nothing in any other context's schema.
 *
 * A vote keeps who took part (`vote_participants`) apart from what was chosen (`vote_tallies`).
 */
export class Caucuses1733500120000 implements MigrationInterface {
  name = 'Caucuses1733500120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS caucuses`);
    await q.query(`
      CREATE TABLE caucuses.caucuses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
        stage text NOT NULL DEFAULT 'forming' CHECK (stage IN ('forming', 'formed')),
        threshold int NOT NULL CHECK (threshold >= 2),
        created_at timestamptz NOT NULL,
        formed_at timestamptz,
        CHECK ((stage = 'formed') = (formed_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX caucuses_name_unique ON caucuses.caucuses (lower(name))`);
    await q.query(`
      CREATE TABLE caucuses.members (
        caucus_id uuid NOT NULL REFERENCES caucuses.caucuses(id) ON DELETE CASCADE,
        member_id uuid NOT NULL,
        joined_at timestamptz NOT NULL,
        PRIMARY KEY (caucus_id, member_id)
      )`);
    await q.query(`CREATE INDEX caucus_members_member ON caucuses.members (member_id)`);
    await q.query(`
      CREATE TABLE caucuses.posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        caucus_id uuid NOT NULL REFERENCES caucuses.caucuses(id) ON DELETE CASCADE,
        author_member_id uuid NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        posted_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX caucus_posts_caucus ON caucuses.posts (caucus_id, posted_at)`);
    await q.query(`
      CREATE TABLE caucuses.votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        caucus_id uuid NOT NULL REFERENCES caucuses.caucuses(id) ON DELETE CASCADE,
        question text NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
        options jsonb NOT NULL,
        opened_by uuid NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX caucus_votes_caucus ON caucuses.votes (caucus_id, opened_at)`);
    await q.query(`
      CREATE TABLE caucuses.vote_participants (
        vote_id uuid NOT NULL REFERENCES caucuses.votes(id) ON DELETE CASCADE,
        member_id uuid NOT NULL,
        PRIMARY KEY (vote_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE caucuses.vote_tallies (
        vote_id uuid NOT NULL REFERENCES caucuses.votes(id) ON DELETE CASCADE,
        option_index int NOT NULL CHECK (option_index >= 0),
        votes int NOT NULL DEFAULT 0 CHECK (votes >= 0),
        PRIMARY KEY (vote_id, option_index)
      )`);
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_caucuses') THEN
          BEGIN CREATE ROLE commons_caucuses NOLOGIN; EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'cannot create role commons_caucuses'; END;
        END IF;
        REVOKE ALL ON SCHEMA caucuses FROM PUBLIC;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          REVOKE ALL ON SCHEMA caucuses FROM commons_app;
          REVOKE ALL ON ALL TABLES IN SCHEMA caucuses FROM commons_app;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          REVOKE ALL ON SCHEMA caucuses FROM commons_discipline;
          REVOKE ALL ON ALL TABLES IN SCHEMA caucuses FROM commons_discipline;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_caucuses') THEN
          GRANT USAGE ON SCHEMA caucuses TO commons_caucuses;
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA caucuses TO commons_caucuses;
          GRANT USAGE ON SCHEMA audit TO commons_caucuses;
          GRANT SELECT, INSERT ON audit.entries TO commons_caucuses;
          GRANT SELECT, UPDATE ON audit.chain_head TO commons_caucuses;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA IF EXISTS caucuses CASCADE`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_caucuses') THEN
          REVOKE ALL ON audit.entries, audit.chain_head FROM commons_caucuses;
          REVOKE ALL ON SCHEMA audit FROM commons_caucuses;
        END IF;
      END $$`);
  }
}
