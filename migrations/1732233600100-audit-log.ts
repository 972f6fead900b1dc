import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only, hash-chained audit log. A trigger refuses UPDATE, DELETE and TRUNCATE for
 * everyone; the application roles are granted INSERT and SELECT only.
 */
export class AuditLog1732233600100 implements MigrationInterface {
  name = 'AuditLog1732233600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit.entries (
        seq bigint PRIMARY KEY,
        id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_kind text NOT NULL,
        context text NOT NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX entries_subject_idx ON audit.entries (subject_type, subject_id, seq)`);
    await q.query(`
      CREATE TABLE audit.chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_seq bigint NOT NULL,
        last_hash text NOT NULL
      )`);
    await q.query(`INSERT INTO audit.chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64))`);
    await q.query(`
      CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit.entries is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
      END $$`);
    await q.query(`CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON audit.entries FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()`);
    await q.query(`CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON audit.entries FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()`);
    await q.query(`
      DO $$
      DECLARE r text;
      BEGIN
        FOREACH r IN ARRAY ARRAY['commons_app', 'commons_discipline'] LOOP
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('GRANT USAGE ON SCHEMA audit TO %I', r);
            EXECUTE format('GRANT SELECT, INSERT ON audit.entries TO %I', r);
            EXECUTE format('GRANT SELECT, UPDATE ON audit.chain_head TO %I', r);
          END IF;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit.chain_head`);
    await q.query(`DROP TABLE audit.entries`);
    await q.query(`DROP FUNCTION audit.refuse_change()`);
  }
}
