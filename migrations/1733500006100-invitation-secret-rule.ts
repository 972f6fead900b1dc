import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An invitation holds a secret exactly while it can be (or has been) used: a queued one has none
 * yet, an issued or used one has one, and a queued invitation that is withdrawn (the member has no
 * address, or activated meanwhile) or replaced before it was written keeps having none.
 */
export class InvitationSecretRule1733500006100 implements MigrationInterface {
  name = 'InvitationSecretRule1733500006100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE identity.invitations DROP CONSTRAINT invitations_check`);
    await q.query(`
      ALTER TABLE identity.invitations ADD CONSTRAINT invitations_secret_check CHECK (
        (status = 'queued' AND secret_hash IS NULL)
        OR (status IN ('issued', 'used') AND secret_hash IS NOT NULL)
        OR status IN ('replaced', 'withdrawn')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE identity.invitations DROP CONSTRAINT invitations_secret_check`);
    await q.query(`DELETE FROM identity.invitations WHERE status IN ('replaced', 'withdrawn') AND secret_hash IS NULL`);
    await q.query(`ALTER TABLE identity.invitations ADD CONSTRAINT invitations_check CHECK ((status = 'queued') = (secret_hash IS NULL))`);
  }
}
