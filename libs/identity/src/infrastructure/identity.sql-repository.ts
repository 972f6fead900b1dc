import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '@org/platform';
import type { BodyKind, MandateRole } from '../domain/body-kind';
import type { MandateView } from '../domain/principal';
import { IdentityRepository, type SessionRow, type AccountRow, type MandateRow } from '../application/ports/identity.repository';

/** Identity's tables (`identity.*`), read and written with plain SQL. */
@Injectable()
export class IdentitySqlRepository extends IdentityRepository {
  /** One round trip: the live session, its account, member status and current mandates. */
  async findSession(m: EntityManager, tokenHash: string, now: Date): Promise<SessionRow | null> {
    const today = now.toISOString().slice(0, 10);
    // Runs on every authenticated request: prepared once per connection (see preparedQuery).
    const rows = await preparedQuery<any>(
      m,
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
    const mandates = typeof r.mandates === 'string' ? JSON.parse(r.mandates) : r.mandates;
    return { sessionId: r.session_id, accountId: r.account_id, email: r.email, memberId: r.member_id, memberStatus: r.member_status, branchId: r.branch_id, mandates };
  }

  async findAccountByEmail(m: EntityManager, email: string): Promise<AccountRow | null> {
    const rows = await m.query(`SELECT id, email, member_id, password_hash, disabled_at FROM identity.accounts WHERE lower(email) = lower($1)`, [email]);
    return rows[0] ? { id: rows[0].id, email: rows[0].email, memberId: rows[0].member_id, passwordHash: rows[0].password_hash, disabledAt: rows[0].disabled_at } : null;
  }

  /** The member (or none) of each account signed in with this address (case-insensitive): no credentials. */
  async accountHoldersByEmail(m: EntityManager, email: string): Promise<{ memberId: string | null }[]> {
    const rows = await m.query(`SELECT member_id FROM identity.accounts WHERE lower(email) = lower($1)`, [email]);
    return rows.map((r: { member_id: string | null }) => ({ memberId: r.member_id }));
  }

  /** How many bodies and accounts exist (the founding act runs on an empty database only). */
  async countBodiesAndAccounts(m: EntityManager): Promise<{ bodies: number; accounts: number }> {
    const [r] = await m.query(`SELECT (SELECT count(*) FROM identity.bodies)::int AS bodies, (SELECT count(*) FROM identity.accounts)::int AS accounts`);
    return { bodies: r.bodies, accounts: r.accounts };
  }

  async createAccount(m: EntityManager, a: { email: string; memberId: string | null; passwordHash: string | null }): Promise<string> {
    const rows = await m.query(`INSERT INTO identity.accounts (email, member_id, password_hash) VALUES ($1, $2, $3) RETURNING id`, [a.email, a.memberId, a.passwordHash]);
    return rows[0].id;
  }

  async createSession(m: EntityManager, accountId: string, tokenHash: string, expiresAt: Date): Promise<string> {
    const rows = await m.query(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`, [accountId, tokenHash, expiresAt]);
    return rows[0].id;
  }

  async revokeSession(m: EntityManager, sessionId: string, now: Date): Promise<void> {
    await m.query(`UPDATE identity.sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now]);
  }

  async revokeAllSessions(m: EntityManager, accountId: string, now: Date): Promise<void> {
    await m.query(`UPDATE identity.sessions SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [accountId, now]);
  }

  async setPassword(m: EntityManager, accountId: string, hash: string): Promise<void> {
    await m.query(`UPDATE identity.accounts SET password_hash = $2 WHERE id = $1`, [accountId, hash]);
  }

  async createPasswordReset(m: EntityManager, accountId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await m.query(`UPDATE identity.password_resets SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
    await m.query(`INSERT INTO identity.password_resets (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [accountId, tokenHash, expiresAt]);
  }

  /** Marks a live reset token used and returns its account, or null. Locks the row. */
  async consumePasswordReset(m: EntityManager, tokenHash: string, now: Date): Promise<string | null> {
    const rows = await m.query(
      `UPDATE identity.password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id`,
      [tokenHash, now],
    );
    const r = Array.isArray(rows[0]) ? rows[0][0] : rows[0];
    return r?.account_id ?? null;
  }

  async findBody(m: EntityManager, bodyId: string): Promise<{ id: string; kind: BodyKind; name: string; branchId: string | null } | null> {
    const rows = await m.query(`SELECT id, kind, name, branch_id FROM identity.bodies WHERE id = $1`, [bodyId]);
    return rows[0] ? { id: rows[0].id, kind: rows[0].kind, name: rows[0].name, branchId: rows[0].branch_id } : null;
  }

  async listBodies(m: EntityManager): Promise<{ id: string; kind: BodyKind; name: string; branchId: string | null; seats: number }[]> {
    const rows = await m.query(`SELECT id, kind, name, branch_id, seats FROM identity.bodies ORDER BY kind, name`);
    return rows.map((r: any) => ({ id: r.id, kind: r.kind, name: r.name, branchId: r.branch_id, seats: r.seats }));
  }

  async createBody(m: EntityManager, b: { kind: BodyKind; name: string; branchId: string | null; seats: number }): Promise<string> {
    const rows = await m.query(`INSERT INTO identity.bodies (kind, name, branch_id, seats) VALUES ($1, $2, $3, $4) RETURNING id`, [b.kind, b.name, b.branchId, b.seats]);
    return rows[0].id;
  }

  /** Every mandate of a member, locked, so two concurrent creations cannot both pass S2. */
  async mandatesOfMemberForUpdate(m: EntityManager, memberId: string): Promise<MandateRow[]> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('mandates:' || $1))`, [memberId]);
    return this.mandatesOf(m, memberId);
  }

  async mandatesOf(m: EntityManager, memberId: string): Promise<MandateRow[]> {
    const rows = await m.query(
      `SELECT md.id, md.member_id, md.body_id, b.kind, md.role, b.branch_id, md.starts_on, md.ends_on, md.source_kind, md.source_ref
         FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id WHERE md.member_id = $1 ORDER BY md.starts_on`,
      [memberId],
    );
    return rows.map(toMandate);
  }

  async findMandate(m: EntityManager, id: string): Promise<MandateRow | null> {
    const rows = await m.query(
      `SELECT md.id, md.member_id, md.body_id, b.kind, md.role, b.branch_id, md.starts_on, md.ends_on, md.source_kind, md.source_ref
         FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id WHERE md.id = $1`,
      [id],
    );
    return rows[0] ? toMandate(rows[0]) : null;
  }

  async insertMandate(
    m: EntityManager,
    x: { memberId: string; bodyId: string; role: MandateRole; startsOn: string; endsOn: string | null; sourceKind: string; sourceRef: string },
  ): Promise<string> {
    const rows = await m.query(
      `INSERT INTO identity.mandates (member_id, body_id, role, starts_on, ends_on, source_kind, source_ref) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [x.memberId, x.bodyId, x.role, x.startsOn, x.endsOn, x.sourceKind, x.sourceRef],
    );
    return rows[0].id;
  }

  /** A member's mandates still running after `on` that started before it (those that can end on `on`). */
  async mandateIdsRunningPast(m: EntityManager, memberId: string, on: string): Promise<string[]> {
    const rows = await m.query(
      `SELECT id FROM identity.mandates WHERE member_id = $1 AND (ends_on IS NULL OR ends_on > $2::date) AND starts_on < $2::date ORDER BY starts_on`,
      [memberId, on],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async endMandate(m: EntityManager, id: string, endsOn: string, reason: string): Promise<void> {
    await m.query(`UPDATE identity.mandates SET ends_on = $2, ended_reason = $3 WHERE id = $1`, [id, endsOn, reason]);
  }

  async currentHolders(m: EntityManager, bodyKind: BodyKind, on: string): Promise<{ memberId: string; role: MandateRole; mandateId: string }[]> {
    const rows = await m.query(
      `SELECT md.member_id, md.role, md.id FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id
        WHERE b.kind = $1 AND md.starts_on <= $2::date AND (md.ends_on IS NULL OR md.ends_on > $2::date) ORDER BY md.member_id`,
      [bodyKind, on],
    );
    return rows.map((r: any) => ({ memberId: r.member_id, role: r.role, mandateId: r.id }));
  }
}

const toMandate = (r: any): MandateRow => ({
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
