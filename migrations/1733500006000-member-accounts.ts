import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member accounts from admission or import: invitations (an e-mailed single-use link or a printed
 * one-time code; only hashes stored), confirmations of a changed e-mail address, and the
 * organization's code of conduct with each member's acknowledgement of each version (S14).
 * An account of a member without an e-mail address has no address until they confirm one.
 */
export class MemberAccounts1733500006000 implements MigrationInterface {
  name = 'MemberAccounts1733500006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE identity.accounts ALTER COLUMN email DROP NOT NULL`);
    await q.query(`
      CREATE TABLE identity.invitation_batches (
        batch_ref text PRIMARY KEY,
        requested_by uuid,
        members integer NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE identity.invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES identity.accounts (id),
        member_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('link', 'letter')),
        status text NOT NULL CHECK (status IN ('queued', 'issued', 'used', 'replaced', 'withdrawn')),
        secret_hash text UNIQUE,
        batch_ref text,
        failed_attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        issued_at timestamptz,
        expires_at timestamptz,
        used_at timestamptz,
        CHECK ((status = 'queued') = (secret_hash IS NULL))
      )`);
    await q.query(`CREATE INDEX invitations_account_idx ON identity.invitations (account_id)`);
    await q.query(`CREATE INDEX invitations_queued_idx ON identity.invitations (created_at) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX invitations_batch_idx ON identity.invitations (batch_ref) WHERE batch_ref IS NOT NULL`);
    await q.query(`
      CREATE TABLE identity.email_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES identity.accounts (id),
        new_email text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE identity.code_of_conduct_versions (
        version integer PRIMARY KEY CHECK (version > 0),
        title text NOT NULL,
        body text NOT NULL,
        published_at timestamptz NOT NULL,
        published_by uuid
      )`);
    await q.query(`
      CREATE TABLE identity.code_of_conduct_acknowledgements (
        member_id uuid NOT NULL,
        version integer NOT NULL REFERENCES identity.code_of_conduct_versions (version),
        acknowledged_at timestamptz NOT NULL,
        PRIMARY KEY (member_id, version)
      )`);
    await q.query(`CREATE INDEX coc_ack_version_idx ON identity.code_of_conduct_acknowledgements (version)`);
    // The disciplinary login (which the default privileges let read new identity tables) gets none
    // of the secrets; an expulsion ends the member's sessions and invitations in its transaction.
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          REVOKE ALL ON identity.invitations, identity.invitation_batches, identity.email_changes, identity.code_of_conduct_versions, identity.code_of_conduct_acknowledgements FROM commons_discipline;
          GRANT SELECT (id, member_id) ON identity.accounts TO commons_discipline;
          GRANT SELECT (id, account_id, revoked_at), UPDATE (revoked_at) ON identity.sessions TO commons_discipline;
          GRANT SELECT (id, member_id, status), UPDATE (status) ON identity.invitations TO commons_discipline;
        END IF;
      END $$`);
    // The invitations of one import are found by their notices' dedupe-key prefix (progress).
    await q.query(`CREATE INDEX notices_dedupe_prefix_idx ON notifications.notices (dedupe_key text_pattern_ops) WHERE dedupe_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications.notices_dedupe_prefix_idx`);
    await q.query(`DROP TABLE identity.code_of_conduct_acknowledgements`);
    await q.query(`DROP TABLE identity.code_of_conduct_versions`);
    await q.query(`DROP TABLE identity.email_changes`);
    await q.query(`DROP TABLE identity.invitations`);
    await q.query(`DROP TABLE identity.invitation_batches`);
    await q.query(`DELETE FROM identity.sessions WHERE account_id IN (SELECT id FROM identity.accounts WHERE email IS NULL)`);
    await q.query(`DELETE FROM identity.password_resets WHERE account_id IN (SELECT id FROM identity.accounts WHERE email IS NULL)`);
    await q.query(`DELETE FROM identity.accounts WHERE email IS NULL`);
    await q.query(`ALTER TABLE identity.accounts ALTER COLUMN email SET NOT NULL`);
  }
}
