import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Elections and congress (`elections.*`).
 *
 * Secrecy (E3) is a property of this schema, so it is spelled out here (see also
 * libs/elections/README.md, "Secrecy"):
 * - `participation` (who voted) and `ballots` (what was voted) share **no column** that could
 *   join them: no voter id on a ballot, no ballot id or receipt on a participation row (only a
 *   receipt sealed with the voter's own Idempotency-Key, which the server does not keep), no
 *   foreign key between them, no sequence (ballot ids are random UUIDs), no timestamp at all.
 * - A cast writes its participation row and its ballot in one transaction, so both rows carry
 *   the same `xmin`. The ballot therefore goes first into `ballot_buffer`, and is moved in
 *   batches into `ballots` by a separate transaction, in random order (`ORDER BY random()`),
 *   with a random `sort_key` that is also the publication order. After a move, `xmin` and the
 *   physical order (`ctid`) of a ballot only say which batch it belongs to.
 *
 * No table here has a foreign key into another context's schema; member, branch and body ids
 * are checked by the use cases.
 */
export class Elections1732233605000 implements MigrationInterface {
  name = 'Elections1732233605000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS elections`);

    // ── congress ────────────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE elections.congresses (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        roll_id uuid NOT NULL,
        apportionment_id uuid NOT NULL,
        delegate_seats integer NOT NULL CHECK (delegate_seats > 0),
        quorum integer NOT NULL CHECK (quorum > 0),
        opens_on date NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE elections.congress_allocations (
        congress_id uuid NOT NULL REFERENCES elections.congresses (id),
        branch_id uuid NOT NULL,
        seats integer NOT NULL CHECK (seats >= 0),
        PRIMARY KEY (congress_id, branch_id)
      )`);

    // ── elections ───────────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE elections.elections (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('body', 'delegates', 'motion')),
        scope_kind text NOT NULL CHECK (scope_kind IN ('organization', 'branch', 'congress')),
        branch_id uuid,
        congress_id uuid REFERENCES elections.congresses (id),
        body_id uuid,
        body_kind text,
        seats integer NOT NULL CHECK (seats > 0),
        method text NOT NULL CHECK (method IN ('scottish-stv', 'meek-stv', 'plurality', 'approval', 'block-vote', 'motion')),
        motion_text text,
        motion_threshold text CHECK (motion_threshold IS NULL OR motion_threshold IN ('simple', 'two-thirds')),
        status text NOT NULL CHECK (status IN ('draft', 'nominations', 'voting', 'closed', 'certified', 'published')),
        electorate_kind text NOT NULL CHECK (electorate_kind IN ('roll', 'freeze', 'delegates')),
        roll_id uuid,
        electorate_as_of date,
        electorate_size integer NOT NULL DEFAULT 0,
        term_starts_on date,
        term_ends_on date,
        nominations_opened_at timestamptz,
        voting_opened_at timestamptz,
        voting_closes_at timestamptz,
        closed_at timestamptz,
        certified_at timestamptz,
        published_at timestamptz,
        acclaimed boolean NOT NULL DEFAULT false,
        tie_break_seed text,
        ballots_hash text,
        ballots_counted integer,
        participation_count integer,
        result jsonb,
        created_by uuid,
        created_at timestamptz NOT NULL,
        CHECK ((scope_kind = 'branch') = (branch_id IS NOT NULL) OR purpose = 'delegates'),
        CHECK ((scope_kind = 'congress') = (congress_id IS NOT NULL) OR purpose = 'delegates'),
        CHECK ((purpose = 'body') = (body_id IS NOT NULL)),
        CHECK ((purpose = 'motion') = (method = 'motion')),
        CHECK (term_ends_on IS NULL OR term_starts_on IS NULL OR term_ends_on > term_starts_on)
      )`);
    await q.query(`CREATE INDEX elections_status_idx ON elections.elections (status, created_at)`);
    await q.query(`CREATE INDEX elections_congress_idx ON elections.elections (congress_id) WHERE congress_id IS NOT NULL`);

    // The electorate, frozen when the election is set up (a roll) or when voting opens (congress).
    await q.query(`
      CREATE TABLE elections.electors (
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        member_id uuid NOT NULL,
        branch_id uuid,
        PRIMARY KEY (election_id, member_id)
      )`);

    // ── nominations and slates ──────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE elections.slates (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE elections.candidates (
        id uuid PRIMARY KEY,
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        member_id uuid NOT NULL,
        display_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'nominated', 'withdrawn')),
        nominated_by_kind text NOT NULL CHECK (nominated_by_kind IN ('self', 'body')),
        nominating_body_id uuid,
        slate_id uuid REFERENCES elections.slates (id),
        ballot_number integer,
        statement text,
        created_at timestamptz NOT NULL,
        UNIQUE (election_id, member_id),
        CHECK ((nominated_by_kind = 'body') = (nominating_body_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX candidates_slate_idx ON elections.candidates (slate_id) WHERE slate_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE elections.nominators (
        candidate_id uuid NOT NULL REFERENCES elections.candidates (id),
        member_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (candidate_id, member_id)
      )`);

    // ── casting: the participation roll and the ballots, with nothing linking them ──────────
    // Who voted. One row per voter and election (the primary key is the one-vote guarantee).
    // No timestamp. A retried request is recognized by a hash of its Idempotency-Key; the
    // receipt is kept only sealed with that key (AES-GCM), so the server alone cannot read it.
    await q.query(`
      CREATE TABLE elections.participation (
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        member_id uuid NOT NULL,
        idempotency_key_hash text,
        sealed_receipt text,
        PRIMARY KEY (election_id, member_id)
      )`);
    // Ballots waiting to be moved, in a shuffled batch, into `ballots`. No id, no time.
    await q.query(`
      CREATE TABLE elections.ballot_buffer (
        election_id uuid NOT NULL,
        receipt_code text NOT NULL,
        content jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX ballot_buffer_election_idx ON elections.ballot_buffer (election_id)`);
    // What was voted. Random ids, a random publication order, no voter, no time.
    await q.query(`
      CREATE TABLE elections.ballots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        sort_key uuid NOT NULL DEFAULT gen_random_uuid(),
        receipt_code text NOT NULL,
        content jsonb NOT NULL,
        UNIQUE (election_id, receipt_code)
      )`);
    await q.query(`CREATE INDEX ballots_publication_order_idx ON elections.ballots (election_id, sort_key)`);

    // ── congress delegates ──────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE elections.delegates (
        congress_id uuid NOT NULL REFERENCES elections.congresses (id),
        member_id uuid NOT NULL,
        branch_id uuid NOT NULL,
        election_id uuid NOT NULL REFERENCES elections.elections (id),
        credential_hash text,
        accredited_at timestamptz,
        accredited_by uuid,
        PRIMARY KEY (congress_id, member_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX delegates_credential_uq ON elections.delegates (congress_id, credential_hash) WHERE credential_hash IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'elections.delegates',
      'elections.ballots',
      'elections.ballot_buffer',
      'elections.participation',
      'elections.nominators',
      'elections.candidates',
      'elections.slates',
      'elections.electors',
      'elections.elections',
      'elections.congress_allocations',
      'elections.congresses',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
