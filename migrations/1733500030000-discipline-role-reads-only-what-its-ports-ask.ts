import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables it loses every grant on (each only if it exists). */
const NOT_NEEDED = {
  membership: ['organization', 'regions', 'transfers', 'meetings', 'electoral_rolls', 'roll_entries', 'apportionments', 'import_batches', 'idempotency_keys'],
  dues: ['plans', 'member_levels', 'payments', 'waivers', 'reminders', 'standing_runs', 'bank_import_batches', 'bank_import_rows', 'idempotency_keys'],
};

/**
 * The disciplinary context no longer reads or writes the register or identity by its own SQL: it
 * asks the membership and identity contexts through ports the app binds, and their services run
 * in the discipline transaction they are given — so under this role. The role therefore keeps only
 * what those services and the notifications outbox (also written in that transaction) touch:
 * - membership: `members` (names, contact, status; its status updated by a sanction), `branches`
 *   (a directory answer's branch name), `branch_periods` (recusal; an expulsion closes the open
 *   one), `status_history` — INSERT only now: a sanction writes its entry, nothing here reads one;
 * - identity: `mandates`/`bodies` (recusal; a sanction ends mandates), and the few columns of
 *   `accounts`/`sessions`/`invitations` that end an expelled member's access (1733500006000);
 * - dues: `standing` (the good-standing audience of a published outcome notice).
 * Everything else default privileges once gave it — the organization, regions, transfers,
 * meetings, electoral rolls and apportionments, imports, and every dues table but the standing —
 * is revoked, and tables created later in these schemas are no longer readable by default: a
 * port that needs one grants it in its own migration.
 */
export class DisciplineRoleReadsOnlyWhatItsPortsAsk1733500030000 implements MigrationInterface {
  name = 'DisciplineRoleReadsOnlyWhatItsPortsAsk1733500030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      DECLARE t text;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN RETURN; END IF;
        FOREACH t IN ARRAY ARRAY[${list(NOT_NEEDED)}] LOOP
          IF to_regclass(t) IS NOT NULL THEN EXECUTE format('REVOKE ALL ON %s FROM commons_discipline', t); END IF;
        END LOOP;
        REVOKE SELECT ON membership.status_history FROM commons_discipline;
        ALTER DEFAULT PRIVILEGES IN SCHEMA membership, identity, dues REVOKE SELECT ON TABLES FROM commons_discipline;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DO $$
      DECLARE t text;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN RETURN; END IF;
        ALTER DEFAULT PRIVILEGES IN SCHEMA membership, identity, dues GRANT SELECT ON TABLES TO commons_discipline;
        GRANT SELECT ON membership.status_history TO commons_discipline;
        FOREACH t IN ARRAY ARRAY[${list(NOT_NEEDED)}] LOOP
          IF to_regclass(t) IS NOT NULL THEN EXECUTE format('GRANT SELECT ON %s TO commons_discipline', t); END IF;
        END LOOP;
      END $$`);
  }
}

const list = (tables: Record<string, string[]>): string =>
  Object.entries(tables)
    .flatMap(([schema, names]) => names.map((n) => `'${schema}.${n}'`))
    .join(', ');

