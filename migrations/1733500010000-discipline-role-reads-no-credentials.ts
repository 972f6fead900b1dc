import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disciplinary role reads no credentials and no applicant data. Default privileges gave it
 * SELECT on every table of the other schemas, `identity.accounts` included — password hashes
 * among them. It needs only an account's id and member (to end an expelled member's sessions in
 * the finding's transaction); applications awaiting confirmation and import mappings are none of
 * its business.
 */
export class DisciplineRoleReadsNoCredentials1733500010000 implements MigrationInterface {
  name = 'DisciplineRoleReadsNoCredentials1733500010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          -- Revoking the table's SELECT revokes its columns' too: grant back the two it needs.
          REVOKE SELECT ON identity.accounts FROM commons_discipline;
          GRANT SELECT (id, member_id) ON identity.accounts TO commons_discipline;
          REVOKE ALL ON membership.pending_applications, membership.import_mappings FROM commons_discipline;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          GRANT SELECT ON identity.accounts, membership.pending_applications, membership.import_mappings TO commons_discipline;
        END IF;
      END $$`);
  }
}
