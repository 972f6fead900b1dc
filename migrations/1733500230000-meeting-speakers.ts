import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A branch meeting's speakers' list (S5): the named speakers on its agenda, put there by the
 * branch's chair or secretary, and the members who asked to speak, in the order they were added.
 * A withdrawn entry is kept with when it was withdrawn; a member is listed at most once at a time.
 * The disciplinary role gets no grant here (default privileges no longer give it one, 1733500030000).
 */
export class MeetingSpeakers1733500230000 implements MigrationInterface {
  name = 'MeetingSpeakers1733500230000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership.meeting_speakers (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES membership.meetings (id),
        member_id uuid NOT NULL REFERENCES membership.members (id),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        topic text,
        added_by text NOT NULL CHECK (added_by IN ('self', 'officer')),
        added_by_member_id uuid,
        added_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by uuid
      )`);
    await q.query(`CREATE INDEX meeting_speakers_meeting_idx ON membership.meeting_speakers (meeting_id, seq)`);
    await q.query(`CREATE UNIQUE INDEX meeting_speakers_listed_once ON membership.meeting_speakers (meeting_id, member_id) WHERE withdrawn_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE membership.meeting_speakers`);
  }
}
