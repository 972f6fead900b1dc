import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The congress floor (libs/congress-floor), in its own schema: the floor of a congress with its
 * standing orders and officers (chairs, standing orders committee), agenda items, motions with
 * seconders, line-based amendments, speakers' lists, and votes. Delegates and their
 * accreditation stay in `elections` and are read through elections' facade. Open votes keep
 * each delegate's answer (published); secret votes keep only who took part and the totals.
 */
export class CongressFloor1733500110000 implements MigrationInterface {
  name = 'CongressFloor1733500110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS congress_floor`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          GRANT USAGE ON SCHEMA congress_floor TO commons_app;
          ALTER DEFAULT PRIVILEGES IN SCHEMA congress_floor GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO commons_app;
        END IF;
      END $$`);
    await q.query(`
      CREATE TABLE congress_floor.floors (
        congress_id uuid PRIMARY KEY,
        motion_deadline timestamptz NOT NULL,
        seconders_required integer NOT NULL CHECK (seconders_required >= 0),
        voting text NOT NULL CHECK (voting IN ('open', 'secret')),
        alternation text NOT NULL CHECK (alternation IN ('none', 'alternate-lists', 'first-time-first')),
        speaking_seconds integer NOT NULL CHECK (speaking_seconds > 0),
        next_motion_number integer NOT NULL DEFAULT 1,
        opened_by uuid NOT NULL,
        opened_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE congress_floor.officers (
        congress_id uuid NOT NULL REFERENCES congress_floor.floors (congress_id),
        member_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('chair', 'standing-orders')),
        PRIMARY KEY (congress_id, member_id, role)
      )`);
    await q.query(`
      CREATE TABLE congress_floor.agenda_items (
        id uuid PRIMARY KEY,
        congress_id uuid NOT NULL REFERENCES congress_floor.floors (congress_id),
        position integer NOT NULL,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('report', 'motions', 'business')),
        report_text text,
        presented_by text,
        starts_at timestamptz NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0),
        last_list text CHECK (last_list IN ('open', 'reserved')),
        UNIQUE (congress_id, position)
      )`);
    await q.query(`
      CREATE TABLE congress_floor.motions (
        id uuid PRIMARY KEY,
        congress_id uuid NOT NULL REFERENCES congress_floor.floors (congress_id),
        agenda_item_id uuid REFERENCES congress_floor.agenda_items (id),
        number integer NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        submitter_kind text NOT NULL CHECK (submitter_kind IN ('member', 'branch', 'executive', 'caucus')),
        submitter_ref uuid,
        submitted_by uuid NOT NULL,
        stage text NOT NULL CHECK (stage IN ('submitted', 'admitted', 'refused', 'debated', 'voting', 'carried', 'lost', 'referred', 'withdrawn')),
        refusal_reason text,
        amended_text text,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        version integer NOT NULL,
        UNIQUE (congress_id, number)
      )`);
    await q.query(`
      CREATE TABLE congress_floor.seconders (
        motion_id uuid NOT NULL REFERENCES congress_floor.motions (id),
        member_id uuid NOT NULL,
        position integer NOT NULL,
        PRIMARY KEY (motion_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE congress_floor.amendments (
        id uuid PRIMARY KEY,
        motion_id uuid NOT NULL REFERENCES congress_floor.motions (id),
        number integer NOT NULL,
        from_line integer NOT NULL,
        to_line integer NOT NULL,
        text text NOT NULL,
        moved_by uuid NOT NULL,
        stage text NOT NULL CHECK (stage IN ('submitted', 'voting', 'carried', 'lost', 'fallen', 'withdrawn')),
        submitted_at timestamptz NOT NULL,
        UNIQUE (motion_id, number)
      )`);
    await q.query(`
      CREATE TABLE congress_floor.speakers (
        id uuid PRIMARY KEY,
        agenda_item_id uuid NOT NULL REFERENCES congress_floor.agenda_items (id),
        member_id uuid NOT NULL,
        list text NOT NULL CHECK (list IN ('open', 'reserved')),
        point_of_order boolean NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        state text NOT NULL CHECK (state IN ('waiting', 'speaking', 'done', 'withdrawn')),
        started_at timestamptz,
        ends_at timestamptz,
        ended_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX speakers_one_waiting_uq ON congress_floor.speakers (agenda_item_id, member_id, point_of_order) WHERE state IN ('waiting', 'speaking')`);
    await q.query(`
      CREATE TABLE congress_floor.votes (
        id uuid PRIMARY KEY,
        congress_id uuid NOT NULL REFERENCES congress_floor.floors (congress_id),
        motion_id uuid NOT NULL REFERENCES congress_floor.motions (id),
        amendment_id uuid REFERENCES congress_floor.amendments (id),
        secret boolean NOT NULL,
        electorate integer NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        yes integer NOT NULL DEFAULT 0,
        no integer NOT NULL DEFAULT 0,
        abstain integer NOT NULL DEFAULT 0,
        carried boolean
      )`);
    await q.query(`CREATE UNIQUE INDEX votes_one_open_uq ON congress_floor.votes (congress_id) WHERE closed_at IS NULL`);
    await q.query(`
      CREATE TABLE congress_floor.vote_participation (
        vote_id uuid NOT NULL REFERENCES congress_floor.votes (id),
        member_id uuid NOT NULL,
        PRIMARY KEY (vote_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE congress_floor.open_vote_cards (
        vote_id uuid NOT NULL REFERENCES congress_floor.votes (id),
        member_id uuid NOT NULL,
        answer text NOT NULL CHECK (answer IN ('yes', 'no', 'abstain')),
        PRIMARY KEY (vote_id, member_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA congress_floor CASCADE`);
  }
}
