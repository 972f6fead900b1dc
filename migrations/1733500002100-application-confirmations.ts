import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications waiting for the applicant to confirm their e-mail address. A public application
 * is kept here (never in the register, so no secretary sees it) until the applicant opens the
 * single-use link sent to the address; only the token's SHA-256 is stored. Confirming removes the
 * row and files the application; an unconfirmed one expires (`expires_at`) and is deleted.
 */
export class ApplicationConfirmations1733500002100 implements MigrationInterface {
  name = 'ApplicationConfirmations1733500002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership.pending_applications (
        id uuid PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        email text NOT NULL,
        branch_id uuid NOT NULL REFERENCES membership.branches (id),
        request jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX pending_applications_expires_idx ON membership.pending_applications (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE membership.pending_applications`);
  }
}
