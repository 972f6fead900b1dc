import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index on the notices' dedupe keys instead of two. The unique index (duplicate messages,
 * `ON CONFLICT (dedupe_key)`) and the prefix index (an import's invitation progress,
 * `dedupe_key LIKE 'invitation:<import>:%'`) were both written for every notice — two notices per
 * imported member. A unique index in `text_pattern_ops` serves equality, the conflict check and the
 * prefix search alike (its `=` is text equality), so it replaces both.
 */
export class OneIndexOnNoticeDedupeKeys1733500205000 implements MigrationInterface {
  name = 'OneIndexOnNoticeDedupeKeys1733500205000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX notices_dedupe_key_idx ON notifications.notices (dedupe_key text_pattern_ops)`);
    await q.query(`ALTER TABLE notifications.notices DROP CONSTRAINT notices_dedupe_key_key`);
    await q.query(`DROP INDEX notifications.notices_dedupe_prefix_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notices_dedupe_prefix_idx ON notifications.notices (dedupe_key text_pattern_ops) WHERE dedupe_key IS NOT NULL`);
    await q.query(`ALTER TABLE notifications.notices ADD CONSTRAINT notices_dedupe_key_key UNIQUE (dedupe_key)`);
    await q.query(`DROP INDEX notifications.notices_dedupe_key_idx`);
  }
}
