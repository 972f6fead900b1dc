import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The congress floor's compositing, card votes and quorum:
 * - composite proposals of the standing orders committee and each original mover's answer; an
 *   original replaced by an agreed composite is `composited` and names it (`composited_into`); a
 *   composite motion's submitter is `composite` (its proposal);
 * - votes by card (`voting = 'card'`): each card recorded with the delegation (branch) that
 *   elected the delegate and its weight, published with the result;
 * - the standing orders' quorum (none, a count of accredited delegates, or a share of the
 *   delegates elected), and on each vote the quorum required and the delegates present when it opened.
 */
export class CongressFloorCompositesCardsQuorum1733500200000 implements MigrationInterface {
  name = 'CongressFloorCompositesCardsQuorum1733500200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE congress_floor.motions DROP CONSTRAINT motions_stage_check`);
    await q.query(
      `ALTER TABLE congress_floor.motions ADD CONSTRAINT motions_stage_check CHECK (stage IN ('submitted', 'admitted', 'refused', 'debated', 'voting', 'carried', 'lost', 'referred', 'withdrawn', 'composited'))`,
    );
    await q.query(`ALTER TABLE congress_floor.motions DROP CONSTRAINT motions_submitter_kind_check`);
    await q.query(`ALTER TABLE congress_floor.motions ADD CONSTRAINT motions_submitter_kind_check CHECK (submitter_kind IN ('member', 'branch', 'executive', 'caucus', 'composite'))`);
    await q.query(`ALTER TABLE congress_floor.motions ADD COLUMN composited_into uuid REFERENCES congress_floor.motions (id)`);
    await q.query(`
      CREATE TABLE congress_floor.composites (
        id uuid PRIMARY KEY,
        congress_id uuid NOT NULL REFERENCES congress_floor.floors (congress_id),
        title text NOT NULL,
        text text NOT NULL,
        proposed_by uuid NOT NULL,
        proposed_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('proposed', 'agreed', 'refused')),
        motion_id uuid REFERENCES congress_floor.motions (id)
      )`);
    await q.query(`
      CREATE TABLE congress_floor.composite_originals (
        composite_id uuid NOT NULL REFERENCES congress_floor.composites (id),
        motion_id uuid NOT NULL REFERENCES congress_floor.motions (id),
        consent boolean,
        answered_by uuid,
        answered_at timestamptz,
        PRIMARY KEY (composite_id, motion_id)
      )`);
    await q.query(`CREATE INDEX composite_originals_motion_idx ON congress_floor.composite_originals (motion_id)`);

    await q.query(`ALTER TABLE congress_floor.floors DROP CONSTRAINT floors_voting_check`);
    await q.query(`ALTER TABLE congress_floor.floors ADD CONSTRAINT floors_voting_check CHECK (voting IN ('open', 'secret', 'card'))`);
    await q.query(`ALTER TABLE congress_floor.floors ADD COLUMN quorum_kind text NOT NULL DEFAULT 'none' CHECK (quorum_kind IN ('none', 'count', 'share'))`);
    await q.query(`ALTER TABLE congress_floor.floors ADD COLUMN quorum_value integer NOT NULL DEFAULT 0 CHECK (quorum_value >= 0)`);
    await q.query(`ALTER TABLE congress_floor.votes ADD COLUMN by_card boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE congress_floor.votes ADD COLUMN quorum integer`);
    await q.query(`
      CREATE TABLE congress_floor.card_vote_cards (
        vote_id uuid NOT NULL REFERENCES congress_floor.votes (id),
        member_id uuid NOT NULL,
        delegation uuid NOT NULL,
        weight integer NOT NULL CHECK (weight > 0),
        answer text NOT NULL CHECK (answer IN ('yes', 'no', 'abstain')),
        PRIMARY KEY (vote_id, member_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE congress_floor.card_vote_cards`);
    await q.query(`ALTER TABLE congress_floor.votes DROP COLUMN quorum`);
    await q.query(`ALTER TABLE congress_floor.votes DROP COLUMN by_card`);
    await q.query(`ALTER TABLE congress_floor.floors DROP COLUMN quorum_value`);
    await q.query(`ALTER TABLE congress_floor.floors DROP COLUMN quorum_kind`);
    await q.query(`ALTER TABLE congress_floor.floors DROP CONSTRAINT floors_voting_check`);
    await q.query(`ALTER TABLE congress_floor.floors ADD CONSTRAINT floors_voting_check CHECK (voting IN ('open', 'secret'))`);
    await q.query(`DROP TABLE congress_floor.composite_originals`);
    await q.query(`DROP TABLE congress_floor.composites`);
    await q.query(`ALTER TABLE congress_floor.motions DROP COLUMN composited_into`);
    await q.query(`ALTER TABLE congress_floor.motions DROP CONSTRAINT motions_submitter_kind_check`);
    await q.query(`ALTER TABLE congress_floor.motions ADD CONSTRAINT motions_submitter_kind_check CHECK (submitter_kind IN ('member', 'branch', 'executive', 'caucus'))`);
    await q.query(`ALTER TABLE congress_floor.motions DROP CONSTRAINT motions_stage_check`);
    await q.query(
      `ALTER TABLE congress_floor.motions ADD CONSTRAINT motions_stage_check CHECK (stage IN ('submitted', 'admitted', 'refused', 'debated', 'voting', 'carried', 'lost', 'referred', 'withdrawn'))`,
    );
  }
}
