import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subs on top of the core (1732233600200): bank import batches and their rows, standing job
 * runs, reminders (the record the notifier port writes until the notifications outbox is bound),
 * and the standing read model's date and reason.
 */
export class Dues1732233603000 implements MigrationInterface {
  name = 'Dues1732233603000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dues.standing ADD COLUMN as_of date`);
    await q.query(`ALTER TABLE dues.standing ADD COLUMN reason text`);
    await q.query(`ALTER TABLE dues.standing ADD COLUMN oldest_unpaid_due_on date`);
    await q.query(`ALTER TABLE dues.standing ADD COLUMN outstanding_minor bigint NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX standing_as_of_idx ON dues.standing (as_of)`);

    await q.query(`
      CREATE TABLE dues.bank_import_batches (
        id uuid PRIMARY KEY,
        file_sha256 text NOT NULL,
        imported_by uuid,
        imported_at timestamptz NOT NULL,
        row_count integer NOT NULL,
        new_payments integer NOT NULL,
        already_imported integer NOT NULL,
        skipped_rejected integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX bank_import_batches_file_idx ON dues.bank_import_batches (file_sha256)`);
    await q.query(`
      CREATE TABLE dues.bank_import_rows (
        batch_id uuid NOT NULL REFERENCES dues.bank_import_batches (id),
        row_number integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('new', 'already-imported', 'duplicate-in-file', 'rejected')),
        idempotency_key text,
        member_id uuid,
        payment_id uuid,
        errors jsonb NOT NULL DEFAULT '[]'::jsonb,
        PRIMARY KEY (batch_id, row_number)
      )`);
    await q.query(`ALTER TABLE dues.payments ADD COLUMN bank_batch_id uuid REFERENCES dues.bank_import_batches (id)`);
    await q.query(`ALTER TABLE dues.payments ADD COLUMN reference text`);

    await q.query(`
      CREATE TABLE dues.standing_runs (
        id uuid PRIMARY KEY,
        as_of date NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'request')),
        requested_by uuid,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        members integer NOT NULL,
        in_good_standing integer NOT NULL,
        lapsed integer NOT NULL,
        reinstated integer NOT NULL,
        reminders integer NOT NULL,
        skipped integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX standing_runs_as_of_idx ON dues.standing_runs (as_of, started_at)`);

    await q.query(`
      CREATE TABLE dues.reminders (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        period text NOT NULL,
        arrears_months integer NOT NULL,
        outstanding_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        as_of date NOT NULL,
        created_at timestamptz NOT NULL,
        channel text NOT NULL DEFAULT 'recorded',
        UNIQUE (member_id, period)
      )`);

    await q.query(`
      CREATE TABLE dues.idempotency_keys (
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
    await q.query(`DROP TABLE dues.idempotency_keys`);
    await q.query(`DROP TABLE dues.reminders`);
    await q.query(`DROP TABLE dues.standing_runs`);
    await q.query(`ALTER TABLE dues.payments DROP COLUMN reference`);
    await q.query(`ALTER TABLE dues.payments DROP COLUMN bank_batch_id`);
    await q.query(`DROP TABLE dues.bank_import_rows`);
    await q.query(`DROP TABLE dues.bank_import_batches`);
    await q.query(`DROP INDEX dues.standing_as_of_idx`);
    for (const c of ['outstanding_minor', 'oldest_unpaid_due_on', 'reason', 'as_of']) await q.query(`ALTER TABLE dues.standing DROP COLUMN ${c}`);
  }
}
