import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The membership register's own tables on top of the core (1732233600200): applications,
 * transfers, imports, meetings, frozen electoral rolls and apportionments; plus the columns the
 * register needs for scoped keyset search (`sort_key`), an application's branch, a member number
 * that imports can carry (`register_number`), members without an e-mail address, and the status
 * history's source and reference.
 */
export class Membership1732233602000 implements MigrationInterface {
  name = 'Membership1732233602000';

  async up(q: QueryRunner): Promise<void> {
    // ── members ───────────────────────────────────────────────────────────────────────────────
    await q.query(`ALTER TABLE membership.members ALTER COLUMN email DROP NOT NULL`);
    await q.query(`ALTER TABLE membership.members ADD COLUMN register_number text`);
    await q.query(`ALTER TABLE membership.members ADD COLUMN sort_key text COLLATE "C"`);
    await q.query(`ALTER TABLE membership.members ADD COLUMN application_branch_id uuid REFERENCES membership.branches (id)`);
    // Defaults for rows written without the application (factories, seed, founding import):
    // the member number from the identity column, a sort key without accent folding.
    await q.query(`
      CREATE FUNCTION membership.members_defaults() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.register_number IS NULL OR NEW.register_number = '' THEN
          NEW.register_number := 'M' || NEW.member_number::text;
        END IF;
        IF NEW.sort_key IS NULL OR (TG_OP = 'UPDATE' AND NEW.sort_key = OLD.sort_key
            AND (NEW.first_name IS DISTINCT FROM OLD.first_name OR NEW.last_name IS DISTINCT FROM OLD.last_name)) THEN
          NEW.sort_key := lower(btrim(NEW.last_name)) || chr(1) || lower(btrim(NEW.first_name));
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER members_defaults BEFORE INSERT OR UPDATE ON membership.members FOR EACH ROW EXECUTE FUNCTION membership.members_defaults()`);
    await q.query(`UPDATE membership.members SET register_number = NULL, sort_key = NULL`);
    await q.query(`ALTER TABLE membership.members ALTER COLUMN register_number SET NOT NULL`);
    await q.query(`ALTER TABLE membership.members ALTER COLUMN sort_key SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX members_register_number_uq ON membership.members (upper(register_number))`);
    await q.query(`CREATE INDEX members_sort_idx ON membership.members (sort_key, id)`);
    await q.query(`CREATE INDEX members_branch_sort_idx ON membership.members (branch_id, sort_key, id)`);
    await q.query(`CREATE INDEX members_application_branch_idx ON membership.members (application_branch_id) WHERE application_branch_id IS NOT NULL`);
    // Substring search on names and e-mails: trigram indexes where pg_trgm is available (Debian's
    // PostgreSQL ships it; the embedded database does not, and there the search scans). The
    // extension is created only when listed as available, so nothing fails where it is missing.
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
          BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
          EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'pg_trgm not installed: member search will scan';
          END;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          EXECUTE 'CREATE INDEX members_name_trgm_idx ON membership.members USING gin ((lower(first_name || '' '' || last_name || '' '' || first_name)) gin_trgm_ops)';
          EXECUTE 'CREATE INDEX members_email_trgm_idx ON membership.members USING gin ((lower(email)) gin_trgm_ops)';
        END IF;
      END $$`);

    // ── status history: what caused each change ─────────────────────────────────────────────
    await q.query(`ALTER TABLE membership.status_history ADD COLUMN source text NOT NULL DEFAULT 'secretary'
      CHECK (source IN ('application', 'import', 'secretary', 'member', 'standing-job', 'sanction'))`);
    await q.query(`ALTER TABLE membership.status_history ADD COLUMN ref text`);
    await q.query(`CREATE INDEX status_history_member_on_idx ON membership.status_history (member_id, effective_on, id)`);
    await q.query(`CREATE INDEX branch_periods_branch_open_idx ON membership.branch_periods (branch_id) WHERE to_date IS NULL`);

    // ── transfers ───────────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE membership.transfers (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES membership.members (id),
        from_branch_id uuid NOT NULL REFERENCES membership.branches (id),
        to_branch_id uuid NOT NULL REFERENCES membership.branches (id),
        kind text NOT NULL CHECK (kind IN ('ordinary', 'protected')),
        status text NOT NULL CHECK (status IN ('requested', 'accepted', 'declined', 'withdrawn')),
        reason text,
        requested_on date NOT NULL,
        requested_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        effective_on date,
        decline_reason text,
        CHECK (kind = 'ordinary' OR reason IS NULL),
        CHECK (from_branch_id <> to_branch_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX transfers_one_pending_uq ON membership.transfers (member_id) WHERE status = 'requested'`);
    await q.query(`CREATE INDEX transfers_to_branch_idx ON membership.transfers (to_branch_id, status, requested_at)`);
    await q.query(`CREATE INDEX transfers_member_idx ON membership.transfers (member_id, requested_at)`);

    // ── member CSV imports (natural idempotency: one batch per file content) ─────────────────
    await q.query(`
      CREATE TABLE membership.import_batches (
        id uuid PRIMARY KEY,
        file_sha256 text NOT NULL UNIQUE,
        imported_by uuid,
        imported_at timestamptz NOT NULL,
        row_count integer NOT NULL,
        branch_ids uuid[] NOT NULL
      )`);
    await q.query(`ALTER TABLE membership.members ADD COLUMN import_batch_id uuid REFERENCES membership.import_batches (id)`);

    // ── meetings (hosting is restriction-checked, S5) ───────────────────────────────────────
    await q.query(`
      CREATE TABLE membership.meetings (
        id uuid PRIMARY KEY,
        branch_id uuid NOT NULL REFERENCES membership.branches (id),
        host_member_id uuid NOT NULL REFERENCES membership.members (id),
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX meetings_branch_idx ON membership.meetings (branch_id, starts_at)`);

    // ── frozen electoral rolls (E4) and apportionments ──────────────────────────────────────
    await q.query(`
      CREATE TABLE membership.electoral_rolls (
        id uuid PRIMARY KEY,
        scope_kind text NOT NULL CHECK (scope_kind IN ('organization', 'branch')),
        branch_id uuid REFERENCES membership.branches (id),
        as_of date NOT NULL,
        label text,
        entry_count integer NOT NULL DEFAULT 0,
        frozen_at timestamptz NOT NULL,
        frozen_by uuid,
        CHECK ((scope_kind = 'branch') = (branch_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE membership.roll_entries (
        roll_id uuid NOT NULL REFERENCES membership.electoral_rolls (id),
        member_id uuid NOT NULL,
        branch_id uuid NOT NULL,
        PRIMARY KEY (roll_id, member_id)
      )`);
    await q.query(`CREATE INDEX roll_entries_branch_idx ON membership.roll_entries (roll_id, branch_id)`);
    await q.query(`
      CREATE TABLE membership.apportionments (
        id uuid PRIMARY KEY,
        roll_id uuid NOT NULL REFERENCES membership.electoral_rolls (id),
        method text NOT NULL CHECK (method IN ('largest-remainder', 'sainte-lague')),
        seats integer NOT NULL CHECK (seats > 0),
        minimum_per_branch integer NOT NULL CHECK (minimum_per_branch >= 0),
        allocations jsonb NOT NULL,
        tie jsonb,
        created_at timestamptz NOT NULL,
        created_by uuid
      )`);
    await q.query(`CREATE INDEX apportionments_roll_idx ON membership.apportionments (roll_id, created_at)`);

    // ── retried requests (Idempotency-Key) ──────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE membership.idempotency_keys (
        key text NOT NULL,
        actor text NOT NULL,
        operation text NOT NULL,
        request_sha256 text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (actor, operation, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['membership.idempotency_keys', 'membership.apportionments', 'membership.roll_entries', 'membership.electoral_rolls', 'membership.meetings']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`ALTER TABLE membership.members DROP COLUMN import_batch_id`);
    await q.query(`DROP TABLE membership.import_batches`);
    await q.query(`DROP TABLE membership.transfers`);
    await q.query(`DROP INDEX membership.branch_periods_branch_open_idx`);
    await q.query(`DROP INDEX membership.status_history_member_on_idx`);
    await q.query(`ALTER TABLE membership.status_history DROP COLUMN ref`);
    await q.query(`ALTER TABLE membership.status_history DROP COLUMN source`);
    await q.query(`DROP TRIGGER members_defaults ON membership.members`);
    await q.query(`DROP FUNCTION membership.members_defaults()`);
    await q.query(`DROP INDEX IF EXISTS membership.members_email_trgm_idx`);
    await q.query(`DROP INDEX IF EXISTS membership.members_name_trgm_idx`);
    for (const i of ['members_application_branch_idx', 'members_branch_sort_idx', 'members_sort_idx', 'members_register_number_uq']) {
      await q.query(`DROP INDEX membership.${i}`);
    }
    await q.query(`ALTER TABLE membership.members DROP COLUMN application_branch_id`);
    await q.query(`ALTER TABLE membership.members DROP COLUMN sort_key`);
    await q.query(`ALTER TABLE membership.members DROP COLUMN register_number`);
    await q.query(`UPDATE membership.members SET email = '' WHERE email IS NULL`);
    await q.query(`ALTER TABLE membership.members ALTER COLUMN email SET NOT NULL`);
  }
}
