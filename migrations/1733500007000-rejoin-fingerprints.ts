import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * S9, rejoining under another e-mail: when a member is expelled, the disciplinary context stores
 * keyed hashes (HMAC-SHA256 under a key derived from its master key, which the database never
 * holds) of their normalized identifying values — e-mail; name with date of birth, with phone,
 * with postal address. No plaintext copy: only the hashes, the kind of value, the member id and
 * which master key the hash was made under.
 *
 * The table sits beside `restrictions.readmission_required` in the disciplinary context's
 * `restrictions` schema (what it tells other contexts): the restrictions port answers
 * "held or not" through the asking context's own transaction (one connection on the embedded
 * database), so the platform's role may read it; only the disciplinary role writes it. A hash
 * means nothing without the key, and a match counts only while the member is still listed in
 * `readmission_required` (until the commission's readmission decision).
 *
 * Also: `membership.members.date_of_birth` (imports carry it; optional).
 */
export class RejoinFingerprints1733500007000 implements MigrationInterface {
  name = 'RejoinFingerprints1733500007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE membership.members ADD COLUMN IF NOT EXISTS date_of_birth date`);
    await q.query(`
      CREATE TABLE restrictions.rejoin_fingerprints (
        member_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('email', 'name_dob', 'name_phone', 'name_address')),
        hash text NOT NULL,
        master_key_id text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (member_id, kind, hash)
      )`);
    await q.query(`CREATE INDEX rejoin_fingerprints_hash_idx ON restrictions.rejoin_fingerprints (hash)`);
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          GRANT SELECT ON restrictions.rejoin_fingerprints TO commons_app;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          GRANT SELECT, INSERT, DELETE ON restrictions.rejoin_fingerprints TO commons_discipline;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE restrictions.rejoin_fingerprints`);
    await q.query(`ALTER TABLE membership.members DROP COLUMN IF EXISTS date_of_birth`);
  }
}
