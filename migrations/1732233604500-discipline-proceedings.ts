import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disciplinary context, part 2: the proceedings after a panel is seated (S2, S7, S8, S9, S10,
 * S12). Runs after part 1's migration (cases, restrictions).
 *
 * Content (statements, interview topics, messages, evidence, reasons, grounds, consultations) is
 * sealed by the application with the case's data key before it reaches these tables: the
 * `sealed` columns hold `v1.…` envelopes (see libs/discipline/src/crypto/README.md), evidence
 * bytes a `DS…` envelope. Plain columns hold ids, dates, statuses and categories only — what the
 * scheduled jobs and the transparency report need without decrypting anything.
 *
 * Effects outside the schema (S9), written by the discipline role in the transaction that makes
 * a finding final: member status and its history, the branch period an expulsion closes, the
 * respondent's mandates, and `restrictions.readmission_required`, which the membership context
 * reads (never why, never which case).
 */
export class DisciplineProceedings1732233604500 implements MigrationInterface {
  name = 'DisciplineProceedings1732233604500';

  async up(q: QueryRunner): Promise<void> {
    // ── investigation (S7, S12) ─────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE discipline.statement_registers (
        case_id uuid PRIMARY KEY,
        statements integer NOT NULL DEFAULT 0,
        sealed text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE discipline.interviews (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        person_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
        scheduled_for timestamptz NOT NULL,
        sealed text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX interviews_case_idx ON discipline.interviews (case_id, scheduled_for)`);
    await q.query(`
      CREATE TABLE discipline.evidence (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        submitted_by text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        submitted_at timestamptz NOT NULL,
        sealed_meta text NOT NULL,
        content bytea NOT NULL
      )`);
    await q.query(`CREATE INDEX evidence_case_idx ON discipline.evidence (case_id, submitted_at)`);
    await q.query(`
      CREATE TABLE discipline.case_messages (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        sender_id text NOT NULL,
        sender_role text NOT NULL CHECK (sender_role IN ('panel', 'complainant', 'respondent', 'witness', 'officer')),
        audience_kind text NOT NULL CHECK (audience_kind IN ('panel', 'participant', 'all_parties')),
        audience_person_id text,
        sent_at timestamptz NOT NULL,
        disclosed_at timestamptz,
        sealed text NOT NULL
      )`);
    await q.query(`CREATE INDEX case_messages_case_idx ON discipline.case_messages (case_id, sent_at, id)`);

    // ── findings, appeals (S7) ──────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE discipline.findings (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        respondent_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('deliberating', 'decided', 'notified', 'under_appeal', 'final', 'set_aside')),
        remand_of uuid REFERENCES discipline.findings (id),
        upheld boolean,
        decided_at timestamptz,
        appeal_deadline timestamptz,
        final_at timestamptz,
        final_sanction text CHECK (final_sanction IN ('no_finding', 'warning', 'conditions', 'suspension', 'expulsion')),
        sealed text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        opened_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX findings_case_idx ON discipline.findings (case_id, opened_at)`);
    await q.query(`CREATE INDEX findings_due_idx ON discipline.findings (appeal_deadline) WHERE status = 'notified'`);
    await q.query(`CREATE INDEX findings_respondent_idx ON discipline.findings (respondent_id) WHERE status = 'final'`);
    // One live finding per respondent and case (a remanded one is set aside first).
    await q.query(`CREATE UNIQUE INDEX findings_live_uq ON discipline.findings (case_id, respondent_id) WHERE status <> 'set_aside'`);
    await q.query(`
      CREATE TABLE discipline.appeals (
        id uuid PRIMARY KEY,
        finding_id uuid NOT NULL UNIQUE REFERENCES discipline.findings (id),
        case_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('lodged', 'panel_seated', 'decided')),
        outcome text CHECK (outcome IN ('uphold', 'modify_sanction', 'remand')),
        lodged_at timestamptz NOT NULL,
        decided_at timestamptz,
        panel_draw jsonb,
        sealed text NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX appeals_case_idx ON discipline.appeals (case_id)`);
    await q.query(`
      CREATE TABLE discipline.remand_panels (
        finding_id uuid PRIMARY KEY REFERENCES discipline.findings (id),
        appeal_id uuid NOT NULL REFERENCES discipline.appeals (id),
        draw jsonb NOT NULL,
        seated_at timestamptz NOT NULL
      )`);

    // ── sanctions in force (S9) ─────────────────────────────────────────────────────────────
    // An opaque reference (`ref`) is what other contexts see in the status history: never the
    // case or the finding.
    await q.query(`
      CREATE TABLE discipline.sanctions (
        id uuid PRIMARY KEY,
        finding_id uuid NOT NULL UNIQUE REFERENCES discipline.findings (id),
        member_id uuid NOT NULL,
        standing text NOT NULL CHECK (standing IN ('unaffected', 'suspended', 'expelled')),
        effective_from timestamptz NOT NULL,
        restricted_until timestamptz,
        lifted_at timestamptz,
        lifted_by_decision uuid
      )`);
    await q.query(`CREATE INDEX sanctions_member_idx ON discipline.sanctions (member_id, effective_from)`);
    await q.query(`CREATE INDEX sanctions_to_lift_idx ON discipline.sanctions (restricted_until) WHERE standing = 'suspended' AND lifted_at IS NULL`);

    // ── publication (S8) ────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE discipline.outcome_notices (
        id uuid PRIMARY KEY,
        finding_id uuid NOT NULL UNIQUE REFERENCES discipline.findings (id),
        case_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'complainant_review', 'scheduled', 'published')),
        review_ends_at timestamptz NOT NULL,
        publish_at timestamptz NOT NULL,
        delayed boolean NOT NULL DEFAULT false,
        sealed text NOT NULL,
        published_at timestamptz,
        public_facts jsonb,
        public_text text,
        notification_notice_id uuid,
        recipients integer,
        version integer NOT NULL DEFAULT 1,
        composed_at timestamptz NOT NULL,
        CHECK ((status = 'published') = (published_at IS NOT NULL)),
        CHECK (status <> 'published' OR (public_facts IS NOT NULL AND public_text IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX outcome_notices_due_idx ON discipline.outcome_notices (publish_at) WHERE status <> 'published'`);
    await q.query(`CREATE INDEX outcome_notices_published_idx ON discipline.outcome_notices (published_at DESC, id DESC) WHERE status = 'published'`);

    // ── pattern matching (S10) ──────────────────────────────────────────────────────────────
    // Keyed hashes of respondents' member ids (HMAC, key held by the discipline context only).
    await q.query(`
      CREATE TABLE discipline.match_groups (
        respondent_hash text PRIMARY KEY,
        matching_key_id text NOT NULL,
        snapshot jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE discipline.match_indexed_cases (
        case_id uuid PRIMARY KEY,
        indexed_at timestamptz NOT NULL
      )`);

    // ── readmission (S9) ────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE discipline.readmission_decisions (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        expulsion_finding_id uuid NOT NULL REFERENCES discipline.findings (id),
        outcome text NOT NULL CHECK (outcome IN ('readmit', 'refuse')),
        decided_at timestamptz NOT NULL,
        decided_by uuid NOT NULL,
        sealed text NOT NULL
      )`);
    await q.query(`CREATE INDEX readmission_decisions_member_idx ON discipline.readmission_decisions (member_id, decided_at)`);

    // The port the membership context consults before a rejoin application (S9): an expelled
    // person is listed until a readmission decision of the commission. What, never why.
    await q.query(`CREATE SCHEMA IF NOT EXISTS restrictions`);
    await q.query(`
      CREATE TABLE restrictions.readmission_required (
        member_id uuid PRIMARY KEY,
        since timestamptz NOT NULL
      )`);

    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          GRANT USAGE ON SCHEMA restrictions TO commons_app;
          GRANT SELECT ON restrictions.readmission_required TO commons_app;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          GRANT USAGE ON SCHEMA restrictions TO commons_discipline;
          GRANT SELECT, INSERT, DELETE ON restrictions.readmission_required TO commons_discipline;
          -- Sanctions take effect in the transaction that makes a finding final (S9). Part 1's
          -- migration already lets this role set a member's status, write its history and record
          -- a fan-out's counts; an expulsion also closes the branch period, and a sanction ends
          -- the member's mandates.
          GRANT UPDATE (to_date) ON membership.branch_periods TO commons_discipline;
          GRANT UPDATE (ends_on, ended_reason) ON identity.mandates TO commons_discipline;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          REVOKE UPDATE (ends_on, ended_reason) ON identity.mandates FROM commons_discipline;
          REVOKE UPDATE (to_date) ON membership.branch_periods FROM commons_discipline;
        END IF;
      END $$`);
    await q.query(`DROP TABLE restrictions.readmission_required`);
    for (const t of [
      'readmission_decisions',
      'match_indexed_cases',
      'match_groups',
      'outcome_notices',
      'sanctions',
      'remand_panels',
      'appeals',
      'findings',
      'case_messages',
      'evidence',
      'interviews',
      'statement_registers',
    ]) {
      await q.query(`DROP TABLE discipline.${t}`);
    }
  }
}
