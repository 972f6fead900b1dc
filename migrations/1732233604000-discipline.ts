import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disciplinary context (part 1): its own schema `discipline`, and the schema `restrictions`
 * that other contexts read.
 *
 * - Case content (narratives, places, descriptions of non-members, reasons, messages) never
 *   reaches these tables in plaintext: `sealed_content.ciphertext` holds AES-256-GCM ciphertext
 *   under the case's data key (the case id bound as associated data); `case_keys.wrapped_key` holds that data key wrapped by a master key the database never sees.
 *   `cases.snapshot` is the aggregate's plain data: stages, dates, member ids, and *references*
 *   (`sealed:<uuid>`) to sealed rows — never content.
 * - `restrictions.active` / `restrictions.protected_transfer` are effects only — who, what, until
 *   when — with no case id, no reason. Written by the discipline role, read by the app role.
 *
 * Case messages, statements and evidence are part 2's tables (1732233604500).
 *
 * Roles (real PostgreSQL): `commons_app` gets nothing in `discipline` (not even USAGE) and only
 * SELECT in `restrictions`; `commons_discipline` owns the work in both, may write the
 * notifications outbox (case updates, in its own transactions) and change a member's status
 * (part 2's sanctions). On the embedded database these grants are inert.
 */
export class Discipline1732233604000 implements MigrationInterface {
  name = 'Discipline1732233604000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS discipline`);
    await q.query(`CREATE SCHEMA IF NOT EXISTS restrictions`);

    // ── cases ───────────────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE discipline.cases (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        stage text NOT NULL CHECK (stage IN ('received', 'triaged', 'panel_seated', 'investigating', 'finding', 'final', 'published',
                                             'closed_record_only', 'resolved_informally', 'withdrawn')),
        path text NOT NULL CHECK (path IN ('record-only', 'informal', 'formal')),
        serious boolean NOT NULL,
        serious_violence boolean NOT NULL,
        serious_sexual_misconduct boolean NOT NULL,
        serious_threats boolean NOT NULL,
        received_at timestamptz NOT NULL,
        clock_started_at timestamptz NOT NULL,
        triaged_at timestamptz,
        panel_seated_at timestamptz,
        finding_at timestamptz,
        closed_at timestamptz,
        triage_due_at timestamptz,
        panel_due_at timestamptz,
        finding_due_at timestamptz,
        interim_due_at timestamptz,
        duty_commissioner_id uuid,
        panel_member_ids uuid[] NOT NULL DEFAULT '{}',
        conflicted_ids uuid[] NOT NULL DEFAULT '{}',
        respondents_informed boolean NOT NULL DEFAULT false,
        ad_hoc_seats_requested integer NOT NULL DEFAULT 0,
        complainant_member_id uuid,
        complainant_email text,
        snapshot jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_open_idx ON discipline.cases (stage) WHERE stage IN ('received', 'triaged', 'panel_seated', 'investigating', 'finding')`);
    await q.query(`CREATE INDEX cases_duty_idx ON discipline.cases (duty_commissioner_id) WHERE duty_commissioner_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_panel_idx ON discipline.cases USING gin (panel_member_ids)`);
    await q.query(`CREATE INDEX cases_complainant_member_idx ON discipline.cases (complainant_member_id) WHERE complainant_member_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_complainant_email_idx ON discipline.cases (complainant_email) WHERE complainant_email IS NOT NULL`);
    await q.query(`CREATE INDEX cases_ad_hoc_idx ON discipline.cases (ad_hoc_seats_requested) WHERE ad_hoc_seats_requested > 0`);

    await q.query(`
      CREATE TABLE discipline.case_keys (
        case_id uuid PRIMARY KEY REFERENCES discipline.cases (id),
        wrapped_key text NOT NULL,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL,
        rewrapped_at timestamptz
      )`);
    await q.query(`CREATE INDEX case_keys_master_idx ON discipline.case_keys (master_key_id)`);

    await q.query(`
      CREATE TABLE discipline.sealed_content (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline.cases (id),
        field text NOT NULL,
        ciphertext text NOT NULL CHECK (ciphertext LIKE 'v1.%'),
        created_at timestamptz NOT NULL,
        created_by uuid
      )`);
    await q.query(`CREATE INDEX sealed_content_case_idx ON discipline.sealed_content (case_id)`);

    await q.query(`
      CREATE TABLE discipline.participants (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline.cases (id),
        role text NOT NULL CHECK (role IN ('complainant', 'respondent', 'witness', 'support_person')),
        member_id uuid,
        description_ref text,
        added_at timestamptz NOT NULL,
        CHECK (member_id IS NOT NULL OR description_ref IS NOT NULL OR role = 'complainant')
      )`);
    await q.query(`CREATE INDEX participants_member_idx ON discipline.participants (member_id, case_id) WHERE member_id IS NOT NULL`);
    await q.query(`CREATE INDEX participants_case_idx ON discipline.participants (case_id)`);

    // ── recusal, panel, rotation, declarations ──────────────────────────────────────────────
    await q.query(`
      CREATE TABLE discipline.recusal_records (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline.cases (id),
        computed_at timestamptz NOT NULL,
        intake_date date NOT NULL,
        look_back_years integer NOT NULL,
        trigger text NOT NULL,
        considered jsonb NOT NULL,
        assessments jsonb NOT NULL,
        eligible_count integer NOT NULL,
        conflicted_count integer NOT NULL
      )`);
    await q.query(`CREATE INDEX recusal_records_case_idx ON discipline.recusal_records (case_id, computed_at)`);
    await q.query(`
      CREATE TABLE discipline.panel_draws (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline.cases (id),
        kind text NOT NULL CHECK (kind IN ('initial', 'redraw')),
        seed text NOT NULL,
        seats_to_fill integer NOT NULL,
        recusal_computed_at timestamptz NOT NULL,
        pool_commissioners uuid[] NOT NULL,
        pool_alternates uuid[] NOT NULL,
        kept_seats uuid[] NOT NULL,
        excluded uuid[] NOT NULL,
        vacated uuid,
        drawn jsonb NOT NULL,
        shortfall integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('complete', 'needs_ad_hoc_panel')),
        drawn_at timestamptz NOT NULL,
        UNIQUE (case_id, seed)
      )`);
    await q.query(`
      CREATE TABLE discipline.ad_hoc_appointments (
        case_id uuid PRIMARY KEY REFERENCES discipline.cases (id),
        snapshot jsonb NOT NULL,
        opened_at timestamptz NOT NULL,
        completed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE discipline.duty_rotation (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_index integer,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`INSERT INTO discipline.duty_rotation (id, last_index, updated_at) VALUES (1, NULL, now())`);
    await q.query(`
      CREATE TABLE discipline.declared_relationships (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        other_member_id uuid NOT NULL,
        declared_at timestamptz NOT NULL,
        CHECK (member_id <> other_member_id),
        UNIQUE (member_id, other_member_id)
      )`);
    await q.query(`CREATE INDEX declared_relationships_other_idx ON discipline.declared_relationships (other_member_id)`);

    // ── interim measures and deadlines ───────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE discipline.interim_decisions (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline.cases (id),
        decided_at timestamptz NOT NULL,
        decided_by uuid[] NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('measures', 'no_measures')),
        measures jsonb NOT NULL,
        reasons_ref text NOT NULL,
        ended_at timestamptz
      )`);
    await q.query(`CREATE INDEX interim_decisions_case_idx ON discipline.interim_decisions (case_id, decided_at)`);
    await q.query(`
      CREATE TABLE discipline.interim_proposals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline.cases (id),
        proposed_by uuid NOT NULL,
        proposed_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('measures', 'no_measures')),
        measures jsonb NOT NULL,
        reasons_ref text NOT NULL,
        concurrences uuid[] NOT NULL,
        decision_id uuid,
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX interim_proposals_case_idx ON discipline.interim_proposals (case_id) WHERE closed_at IS NULL`);
    await q.query(`
      CREATE TABLE discipline.restriction_sources (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline.cases (id),
        source_kind text NOT NULL CHECK (source_kind IN ('interim', 'sanction')),
        source_id uuid NOT NULL,
        member_id uuid NOT NULL,
        kind text NOT NULL,
        since timestamptz NOT NULL,
        until timestamptz,
        separated_from uuid[] NOT NULL DEFAULT '{}',
        ended_at timestamptz
      )`);
    await q.query(`CREATE INDEX restriction_sources_member_idx ON discipline.restriction_sources (member_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX restriction_sources_case_idx ON discipline.restriction_sources (case_id, source_kind)`);
    await q.query(`
      CREATE TABLE discipline.escalations (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES discipline.cases (id),
        deadline text NOT NULL CHECK (deadline IN ('triage', 'panel_seated', 'finding', 'interim_measures')),
        due_at timestamptz NOT NULL,
        escalated_at timestamptz NOT NULL,
        recipients uuid[] NOT NULL,
        UNIQUE (case_id, deadline, due_at)
      )`);

    // ── non-member complainants: email verification ─────────────────────────────────────────
    await q.query(`
      CREATE TABLE discipline.email_verifications (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        code_hash text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        token_hash text UNIQUE,
        token_expires_at timestamptz
      )`);
    await q.query(`CREATE INDEX email_verifications_email_idx ON discipline.email_verifications (email, created_at)`);

    // ── restrictions: effects only ───────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE restrictions.active (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        member_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('no_voting', 'no_candidacy', 'no_office', 'no_hosting', 'no_speaking', 'no_recruiting', 'separation')),
        since timestamptz NOT NULL,
        until timestamptz,
        separated_from uuid[] NOT NULL DEFAULT '{}',
        CHECK (kind = 'separation' OR cardinality(separated_from) = 0),
        CHECK (kind <> 'separation' OR cardinality(separated_from) > 0)
      )`);
    await q.query(`CREATE INDEX active_member_idx ON restrictions.active (member_id)`);
    await q.query(`CREATE INDEX active_separated_idx ON restrictions.active USING gin (separated_from)`);
    await q.query(`
      CREATE TABLE restrictions.protected_transfer (
        member_id uuid PRIMARY KEY,
        until timestamptz
      )`);

    // ── grants ──────────────────────────────────────────────────────────────────────────────
    await q.query(`
      DO $$
      BEGIN
        REVOKE ALL ON SCHEMA discipline FROM PUBLIC;
        REVOKE ALL ON ALL TABLES IN SCHEMA discipline FROM PUBLIC;
        REVOKE ALL ON SCHEMA restrictions FROM PUBLIC;
        REVOKE ALL ON ALL TABLES IN SCHEMA restrictions FROM PUBLIC;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_app') THEN
          REVOKE ALL ON SCHEMA discipline FROM commons_app;
          REVOKE ALL ON ALL TABLES IN SCHEMA discipline FROM commons_app;
          REVOKE ALL ON ALL SEQUENCES IN SCHEMA discipline FROM commons_app;
          GRANT USAGE ON SCHEMA restrictions TO commons_app;
          GRANT SELECT ON restrictions.active, restrictions.protected_transfer TO commons_app;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline') THEN
          GRANT USAGE ON SCHEMA discipline TO commons_discipline;
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA discipline TO commons_discipline;
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA discipline TO commons_discipline;
          GRANT USAGE ON SCHEMA restrictions TO commons_discipline;
          GRANT SELECT, INSERT, UPDATE, DELETE ON restrictions.active, restrictions.protected_transfer TO commons_discipline;
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA restrictions TO commons_discipline;
          -- Reading the register (branch histories, mandates) for recusal, and the audit log.
          GRANT USAGE ON SCHEMA membership, identity TO commons_discipline;
          GRANT SELECT ON membership.members, membership.branch_periods, membership.branches, membership.status_history TO commons_discipline;
          GRANT SELECT ON identity.mandates, identity.bodies TO commons_discipline;
          -- Nothing the context needs, and secrets (token hashes): default privileges granted them.
          REVOKE ALL ON identity.sessions, identity.password_resets FROM commons_discipline;
          -- Part 2's sanctions change a member's status, in the discipline transaction.
          GRANT UPDATE (status, updated_at, version) ON membership.members TO commons_discipline;
          GRANT INSERT ON membership.status_history TO commons_discipline;
          IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'membership' AND table_name = 'status_history' AND column_name = 'id') THEN
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA membership TO commons_discipline;
          END IF;
        END IF;
      END $$`);
    // The notifications outbox: whichever of its tables exist (case updates are written in the
    // discipline transaction that causes them).
    await q.query(`
      DO $$
      DECLARE t text;
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'commons_discipline')
           AND EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'notifications') THEN
          GRANT USAGE ON SCHEMA notifications TO commons_discipline;
          FOREACH t IN ARRAY ARRAY['notices', 'feed_entries', 'outbox', 'preferences'] LOOP
            IF to_regclass('notifications.' || t) IS NOT NULL THEN
              EXECUTE format('GRANT SELECT ON notifications.%I TO commons_discipline', t);
              IF t <> 'preferences' THEN
                EXECUTE format('GRANT INSERT ON notifications.%I TO commons_discipline', t);
              END IF;
            END IF;
          END LOOP;
          IF to_regclass('notifications.notices') IS NOT NULL THEN
            GRANT UPDATE (recipients, emails) ON notifications.notices TO commons_discipline;
          END IF;
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA notifications TO commons_discipline;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE restrictions.protected_transfer`);
    await q.query(`DROP TABLE restrictions.active`);
    await q.query(`DROP SCHEMA restrictions`);
    for (const t of [
      'email_verifications', 'escalations', 'restriction_sources', 'interim_proposals', 'interim_decisions',
      'declared_relationships', 'duty_rotation', 'ad_hoc_appointments', 'panel_draws', 'recusal_records', 'participants',
      'sealed_content', 'case_keys', 'cases',
    ]) {
      await q.query(`DROP TABLE discipline.${t}`);
    }
  }
}
