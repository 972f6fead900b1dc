import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Long texts that many notices carry alike (the code of conduct in every welcome) are stored once,
 * by their SHA-256, and each notice refers to its text instead of holding a copy. Queued
 * invitations are claimed in (created_at, id) order straight from an index: one import's
 * invitations all share their created_at.
 */
export class SharedNoticeTexts1733500050000 implements MigrationInterface {
  name = 'SharedNoticeTexts1733500050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications.notice_texts (
        digest text PRIMARY KEY CHECK (digest ~ '^[0-9a-f]{64}$'),
        body text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    // No foreign key: the outbox writes the text before the notices that name it, in the same
    // transaction, and never deletes a text; a per-row check would cost 100,000 trigger calls per import.
    await q.query(`ALTER TABLE notifications.notices ADD COLUMN text_digest text`);
    await q.query(`CREATE INDEX invitations_queued_order_idx ON identity.invitations (created_at, id) WHERE status = 'queued'`);
    await q.query(`DROP INDEX identity.invitations_queued_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX invitations_queued_idx ON identity.invitations (created_at) WHERE status = 'queued'`);
    await q.query(`DROP INDEX identity.invitations_queued_order_idx`);
    // Put each text back into its notices before the shared copies go.
    await q.query(`
      UPDATE notifications.notices n SET data = n.data || jsonb_build_object('codeOfConductText', t.body)
        FROM notifications.notice_texts t WHERE t.digest = n.text_digest AND n.type = 'welcome'`);
    await q.query(`ALTER TABLE notifications.notices DROP COLUMN text_digest`);
    await q.query(`DROP TABLE notifications.notice_texts`);
  }
}
