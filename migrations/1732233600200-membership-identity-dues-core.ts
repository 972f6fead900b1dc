import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The register: branches, members, their status and branch histories; accounts and mandates; subs. */
export class MembershipIdentityDuesCore1732233600200 implements MigrationInterface {
  name = 'MembershipIdentityDuesCore1732233600200';

  async up(q: QueryRunner): Promise<void> {
    // ── membership ──────────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE membership.branches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'closed')),
        merged_into uuid REFERENCES membership.branches (id),
        founded_on date NOT NULL,
        closed_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE membership.members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text NOT NULL,
        phone text,
        address text,
        status text NOT NULL CHECK (status IN ('applicant', 'active', 'lapsed', 'suspended', 'expelled', 'resigned', 'declined')),
        email_consent boolean NOT NULL DEFAULT false,
        email_consent_at timestamptz,
        applied_on date NOT NULL,
        joined_on date,
        branch_id uuid REFERENCES membership.branches (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX members_email_uq ON membership.members (lower(email)) WHERE status NOT IN ('declined', 'resigned', 'expelled')`);
    await q.query(`CREATE INDEX members_branch_status_idx ON membership.members (branch_id, status)`);
    await q.query(`CREATE INDEX members_name_idx ON membership.members (lower(last_name), lower(first_name), id)`);
    await q.query(`CREATE INDEX members_email_idx ON membership.members (lower(email))`);
    await q.query(`
      CREATE TABLE membership.status_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES membership.members (id),
        from_status text,
        to_status text NOT NULL,
        changed_at timestamptz NOT NULL,
        effective_on date NOT NULL,
        changed_by uuid,
        reason text
      )`);
    await q.query(`CREATE INDEX status_history_member_idx ON membership.status_history (member_id, changed_at)`);
    await q.query(`
      CREATE TABLE membership.branch_periods (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES membership.members (id),
        branch_id uuid NOT NULL REFERENCES membership.branches (id),
        from_date date NOT NULL,
        to_date date,
        CHECK (to_date IS NULL OR to_date > from_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX branch_periods_one_open_uq ON membership.branch_periods (member_id) WHERE to_date IS NULL`);
    await q.query(`CREATE INDEX branch_periods_member_idx ON membership.branch_periods (member_id, from_date)`);
    await q.query(`CREATE INDEX branch_periods_branch_idx ON membership.branch_periods (branch_id, from_date)`);

    // ── identity ────────────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE identity.accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid UNIQUE,
        email text NOT NULL,
        password_hash text,
        email_verified_at timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_email_uq ON identity.accounts (lower(email))`);
    await q.query(`
      CREATE TABLE identity.sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES identity.accounts (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX sessions_account_idx ON identity.sessions (account_id)`);
    await q.query(`
      CREATE TABLE identity.password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES identity.accounts (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE identity.bodies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('EC', 'CC', 'CCOM', 'APPEALS', 'ELECTIONS', 'BRANCH_COMMITTEE', 'STAFF', 'NATIONAL_OFFICE')),
        name text NOT NULL,
        branch_id uuid,
        seats integer NOT NULL DEFAULT 1 CHECK (seats > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX bodies_national_kind_uq ON identity.bodies (kind) WHERE branch_id IS NULL AND kind <> 'NATIONAL_OFFICE'`);
    await q.query(`CREATE UNIQUE INDEX bodies_branch_uq ON identity.bodies (branch_id, kind) WHERE branch_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE identity.mandates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL,
        body_id uuid NOT NULL REFERENCES identity.bodies (id),
        role text NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        source_kind text NOT NULL CHECK (source_kind IN ('election', 'founding', 'appointment')),
        source_ref text NOT NULL,
        ended_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on > starts_on)
      )`);
    await q.query(`CREATE INDEX mandates_member_idx ON identity.mandates (member_id, starts_on)`);
    await q.query(`CREATE INDEX mandates_body_idx ON identity.mandates (body_id, starts_on)`);

    // ── dues ────────────────────────────────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE dues.plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('fixed', 'sliding')),
        period text NOT NULL DEFAULT 'monthly' CHECK (period IN ('monthly', 'quarterly', 'annual')),
        currency char(3) NOT NULL,
        amount_minor integer CHECK (amount_minor IS NULL OR amount_minor >= 0),
        minimum_minor integer NOT NULL DEFAULT 0 CHECK (minimum_minor >= 0),
        bands jsonb NOT NULL DEFAULT '[]'::jsonb,
        grace_months integer NOT NULL DEFAULT 3 CHECK (grace_months >= 0),
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX plans_one_default_uq ON dues.plans (is_default) WHERE is_default`);
    await q.query(`
      CREATE TABLE dues.member_levels (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        member_id uuid NOT NULL,
        plan_id uuid NOT NULL REFERENCES dues.plans (id),
        income_band text,
        amount_minor integer NOT NULL CHECK (amount_minor >= 0),
        effective_from date NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX member_levels_member_idx ON dues.member_levels (member_id, effective_from)`);
    await q.query(`
      CREATE TABLE dues.payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL,
        amount_minor integer NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        paid_on date NOT NULL,
        source text NOT NULL CHECK (source IN ('treasurer', 'bank-import', 'seed')),
        external_ref text,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX payments_external_ref_uq ON dues.payments (external_ref) WHERE external_ref IS NOT NULL`);
    await q.query(`CREATE INDEX payments_member_idx ON dues.payments (member_id, paid_on)`);
    await q.query(`
      CREATE TABLE dues.waivers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        treasurer_only_reason text NOT NULL,
        granted_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (to_date > from_date)
      )`);
    await q.query(`CREATE INDEX waivers_member_idx ON dues.waivers (member_id)`);
    await q.query(`
      CREATE TABLE dues.standing (
        member_id uuid PRIMARY KEY,
        in_good_standing boolean NOT NULL,
        arrears_months integer NOT NULL,
        paid_through date,
        computed_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dues.standing', 'dues.waivers', 'dues.payments', 'dues.member_levels', 'dues.plans',
      'identity.mandates', 'identity.bodies', 'identity.password_resets', 'identity.sessions', 'identity.accounts',
      'membership.branch_periods', 'membership.status_history', 'membership.members', 'membership.branches']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
