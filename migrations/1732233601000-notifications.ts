import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the transactional outbox, the members' feed and their email preferences.
 *
 * - `notices`: what was said, once (type, data). A notice to the whole membership is one row
 *   here and one row per recipient in `feed_entries` and `outbox`.
 * - `feed_entries`: a member's feed, keyed by (member, notice); every notice a member was sent.
 * - `outbox`: one email to send. Its id is the Message-ID (`<outbox-ID@host>`); a row ends
 *   `sent` or `failed`, never deleted, so delivered + failed = rows.
 * - `preferences`: the member's choice about non-essential email.
 *
 * The disciplinary context writes case updates in its own transactions, so its role may insert
 * notices, feed entries and outbox rows (it already reads this schema).
 *
 * Deliberately no foreign keys from `feed_entries`/`outbox` to `notices`: a notice to 100,000
 * members would fire 200,000 row-level RI checks (measured: it doubles the fan-out time), and
 * both are only ever written together with their notice in one transaction; notices are never
 * deleted. The feed has one index (its primary key): a member's feed is read by member and
 * sorted in memory (a member receives hundreds of notices, not millions).
 */
export class Notifications1732233601000 implements MigrationInterface {
  name = 'Notifications1732233601000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications.notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        essential boolean NOT NULL,
        audience text NOT NULL,
        dedupe_key text UNIQUE,
        recipients integer,
        emails integer,
        created_at timestamptz NOT NULL,
        scrubbed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE notifications.feed_entries (
        member_id uuid NOT NULL,
        notice_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        PRIMARY KEY (member_id, notice_id)
      )`);
    await q.query(`
      CREATE TABLE notifications.outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_id uuid NOT NULL,
        member_id uuid,
        to_address text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL,
        lease_owner text,
        lease_until timestamptz,
        last_reply_code integer,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        failed_at timestamptz,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CHECK ((status = 'failed') = (failed_at IS NOT NULL))
      )`);
    // The dispatcher's claim query walks this index only: pending rows, oldest due first.
    await q.query(`CREATE INDEX outbox_pending_due_idx ON notifications.outbox (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbox_failed_idx ON notifications.outbox (failed_at DESC) WHERE status = 'failed'`);
    await q.query(`CREATE INDEX outbox_notice_idx ON notifications.outbox (notice_id)`);
    await q.query(`
      CREATE TABLE notifications.preferences (
        member_id uuid PRIMARY KEY,
        email_non_essential boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA notifications TO commons_app;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          GRANT SELECT, INSERT ON notifications.notices, notifications.feed_entries, notifications.outbox TO commons_discipline;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications.preferences`);
    await q.query(`DROP TABLE notifications.outbox`);
    await q.query(`DROP TABLE notifications.feed_entries`);
    await q.query(`DROP TABLE notifications.notices`);
  }
}
