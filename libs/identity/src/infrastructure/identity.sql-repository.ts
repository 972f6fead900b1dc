import { Injectable } from '@nestjs/common';
import { maybeOne, one, preparedQuery, query, type Tx } from '@org/platform';
import type { BodyKind, MandateRole } from '../domain/body-kind';
import type { MandateView } from '../domain/principal';
import { IdentityRepository, type SessionRow, type AccountRow, type MandateRow } from '../application/ports/identity.repository';

interface SessionLookupRow {
  session_id: string;
  account_id: string;
  email: string;
  member_id: string | null;
  member_status: string | null;
  branch_id: string | null;
  /** json: parsed by the driver, or text from some. */
  mandates: MandateView[] | string;
}

interface AccountSqlRow {
  id: string;
  email: string;
  member_id: string | null;
  password_hash: string | null;
  disabled_at: Date | null;
}

interface BodySqlRow {
  id: string;
  kind: BodyKind;
  name: string;
  branch_id: string | null;
}

interface MandateSqlRow {
  id: string;
  member_id: string;
  body_id: string;
  kind: BodyKind;
  role: MandateRole;
  branch_id: string | null;
  /** `date`: YYYY-MM-DD. */
  starts_on: string;
  ends_on: string | null;
  source_kind: MandateRow['sourceKind'];
  source_ref: string;
}

/** Identity's tables (`identity.*`), read and written with plain SQL. */
@Injectable()
export class IdentitySqlRepository extends IdentityRepository {
  /** One round trip: the live session, its account, member status and current mandates. */
  async findSession(tx: Tx, tokenHash: string, now: Date): Promise<SessionRow | null> {
    const today = now.toISOString().slice(0, 10);
    // Runs on every authenticated request: prepared once per connection (see preparedQuery).
    const rows = await preparedQuery<SessionLookupRow>(
      tx,
      `SELECT s.id AS session_id, a.id AS account_id, a.email, a.member_id, mb.status AS member_status, mb.branch_id,
              COALESCE((SELECT json_agg(json_build_object(
                  'id', md.id, 'bodyId', md.body_id, 'bodyKind', b.kind, 'role', md.role, 'branchId', b.branch_id,
                  'startsOn', md.starts_on, 'endsOn', md.ends_on))
                 FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id
                WHERE md.member_id = a.member_id AND md.starts_on <= $3::date AND (md.ends_on IS NULL OR md.ends_on > $3::date)), '[]'::json) AS mandates
         FROM identity.sessions s
         JOIN identity.accounts a ON a.id = s.account_id
         LEFT JOIN membership.members mb ON mb.id = a.member_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND a.disabled_at IS NULL`,
      [tokenHash, now, today],
    );
    const r = rows[0];
    if (!r) return null;
    const mandates = typeof r.mandates === 'string' ? (JSON.parse(r.mandates) as MandateView[]) : r.mandates;
    return { sessionId: r.session_id, accountId: r.account_id, email: r.email, memberId: r.member_id, memberStatus: r.member_status, branchId: r.branch_id, mandates };
  }

  async findAccountByEmail(tx: Tx, email: string): Promise<AccountRow | null> {
    const rows = await query<AccountSqlRow>(tx, `SELECT id, email, member_id, password_hash, disabled_at FROM identity.accounts WHERE lower(email) = lower($1)`, [email]);
    return rows[0] ? { id: rows[0].id, email: rows[0].email, memberId: rows[0].member_id, passwordHash: rows[0].password_hash, disabledAt: rows[0].disabled_at } : null;
  }

  /** The member (or none) of each account signed in with this address (case-insensitive): no credentials. */
  async accountHoldersByEmail(tx: Tx, email: string): Promise<{ memberId: string | null }[]> {
    const rows = await query<{ member_id: string | null }>(tx, `SELECT member_id FROM identity.accounts WHERE lower(email) = lower($1)`, [email]);
    return rows.map((r) => ({ memberId: r.member_id }));
  }

  /** How many bodies and accounts exist (the founding act runs on an empty database only). */
  async countBodiesAndAccounts(tx: Tx): Promise<{ bodies: number; accounts: number }> {
    const r = await one<{ bodies: number; accounts: number }>(tx, `SELECT (SELECT count(*) FROM identity.bodies)::int AS bodies, (SELECT count(*) FROM identity.accounts)::int AS accounts`);
    return { bodies: r.bodies, accounts: r.accounts };
  }

  async createAccount(tx: Tx, a: { email: string; memberId: string | null; passwordHash: string | null }): Promise<string> {
    const r = await one<{ id: string }>(tx, `INSERT INTO identity.accounts (email, member_id, password_hash) VALUES ($1, $2, $3) RETURNING id`, [a.email, a.memberId, a.passwordHash]);
    return r.id;
  }

  async createSession(tx: Tx, accountId: string, tokenHash: string, expiresAt: Date): Promise<string> {
    const r = await one<{ id: string }>(tx, `INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`, [accountId, tokenHash, expiresAt]);
    return r.id;
  }

  async revokeSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
    await query(tx, `UPDATE identity.sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now]);
  }

  async revokeAllSessions(tx: Tx, accountId: string, now: Date): Promise<void> {
    await query(tx, `UPDATE identity.sessions SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [accountId, now]);
  }

  async setPassword(tx: Tx, accountId: string, hash: string): Promise<void> {
    await query(tx, `UPDATE identity.accounts SET password_hash = $2 WHERE id = $1`, [accountId, hash]);
  }

  async createPasswordReset(tx: Tx, accountId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await query(tx, `UPDATE identity.password_resets SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
    await query(tx, `INSERT INTO identity.password_resets (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [accountId, tokenHash, expiresAt]);
  }

  /** Marks a live reset token used and returns its account, or null. Locks the row. */
  async consumePasswordReset(tx: Tx, tokenHash: string, now: Date): Promise<string | null> {
    const rows = await query<{ account_id: string }>(
      tx,
      `UPDATE identity.password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id`,
      [tokenHash, now],
    );
    return rows[0]?.account_id ?? null;
  }

  async findBody(tx: Tx, bodyId: string): Promise<{ id: string; kind: BodyKind; name: string; branchId: string | null } | null> {
    const rows = await query<BodySqlRow>(tx, `SELECT id, kind, name, branch_id FROM identity.bodies WHERE id = $1`, [bodyId]);
    return rows[0] ? { id: rows[0].id, kind: rows[0].kind, name: rows[0].name, branchId: rows[0].branch_id } : null;
  }

  async listBodies(tx: Tx): Promise<{ id: string; kind: BodyKind; name: string; branchId: string | null; seats: number }[]> {
    const rows = await query<BodySqlRow & { seats: number }>(tx, `SELECT id, kind, name, branch_id, seats FROM identity.bodies ORDER BY kind, name`);
    return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, branchId: r.branch_id, seats: r.seats }));
  }

  async createBody(tx: Tx, b: { kind: BodyKind; name: string; branchId: string | null; seats: number }): Promise<string> {
    const r = await one<{ id: string }>(tx, `INSERT INTO identity.bodies (kind, name, branch_id, seats) VALUES ($1, $2, $3, $4) RETURNING id`, [b.kind, b.name, b.branchId, b.seats]);
    return r.id;
  }

  /** Every mandate of a member, locked, so two concurrent creations cannot both pass S2. */
  async mandatesOfMemberForUpdate(tx: Tx, memberId: string): Promise<MandateRow[]> {
    await query(tx, `SELECT pg_advisory_xact_lock(hashtext('mandates:' || $1))`, [memberId]);
    return this.mandatesOf(tx, memberId);
  }

  async mandatesOf(tx: Tx, memberId: string): Promise<MandateRow[]> {
    const rows = await query<MandateSqlRow>(
      tx,
      `SELECT md.id, md.member_id, md.body_id, b.kind, md.role, b.branch_id, md.starts_on, md.ends_on, md.source_kind, md.source_ref
         FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id WHERE md.member_id = $1 ORDER BY md.starts_on`,
      [memberId],
    );
    return rows.map(toMandate);
  }

  async findMandate(tx: Tx, id: string): Promise<MandateRow | null> {
    const r = await maybeOne<MandateSqlRow>(
      tx,
      `SELECT md.id, md.member_id, md.body_id, b.kind, md.role, b.branch_id, md.starts_on, md.ends_on, md.source_kind, md.source_ref
         FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id WHERE md.id = $1`,
      [id],
    );
    return r ? toMandate(r) : null;
  }

  async insertMandate(
    tx: Tx,
    x: { memberId: string; bodyId: string; role: MandateRole; startsOn: string; endsOn: string | null; sourceKind: string; sourceRef: string },
  ): Promise<string> {
    const r = await one<{ id: string }>(
      tx,
      `INSERT INTO identity.mandates (member_id, body_id, role, starts_on, ends_on, source_kind, source_ref) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [x.memberId, x.bodyId, x.role, x.startsOn, x.endsOn, x.sourceKind, x.sourceRef],
    );
    return r.id;
  }

  /** A member's mandates still running after `on` that started before it (those that can end on `on`). */
  async mandateIdsRunningPast(tx: Tx, memberId: string, on: string): Promise<string[]> {
    const rows = await query<{ id: string }>(
      tx,
      `SELECT id FROM identity.mandates WHERE member_id = $1 AND (ends_on IS NULL OR ends_on > $2::date) AND starts_on < $2::date ORDER BY starts_on`,
      [memberId, on],
    );
    return rows.map((r) => r.id);
  }

  async endMandate(tx: Tx, id: string, endsOn: string, reason: string): Promise<void> {
    await query(tx, `UPDATE identity.mandates SET ends_on = $2, ended_reason = $3 WHERE id = $1`, [id, endsOn, reason]);
  }

  async currentHolders(tx: Tx, bodyKind: BodyKind, on: string): Promise<{ memberId: string; role: MandateRole; mandateId: string }[]> {
    const rows = await query<{ member_id: string; role: MandateRole; id: string }>(
      tx,
      `SELECT md.member_id, md.role, md.id FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id
        WHERE b.kind = $1 AND md.starts_on <= $2::date AND (md.ends_on IS NULL OR md.ends_on > $2::date) ORDER BY md.member_id`,
      [bodyKind, on],
    );
    return rows.map((r) => ({ memberId: r.member_id, role: r.role, mandateId: r.id }));
  }
}

const toMandate = (r: MandateSqlRow): MandateRow => ({
  id: r.id,
  memberId: r.member_id,
  bodyId: r.body_id,
  bodyKind: r.kind,
  role: r.role,
  branchId: r.branch_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  sourceKind: r.source_kind,
  sourceRef: r.source_ref,
});
