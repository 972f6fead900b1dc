import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { maybeOne, one, query, type Tx } from '@org/platform';
import type { InvitationKind } from '../domain/invitation';
import { MemberAccountsRepository, type AccountForInvitation, type IssuedFromQueue, type LiveInvitation } from '../application/ports/member-accounts.repository';

interface AccountForInvitationRow {
  id: string;
  member_id: string;
  email: string | null;
  has_password: boolean;
  disabled: boolean;
}

interface LiveInvitationRow {
  id: string;
  account_id: string;
  member_id: string;
  kind: InvitationKind;
  failed_attempts: number;
}

interface IssuedFromQueueRow {
  id: string;
  member_id: string;
  batch_ref: string | null;
  has_account: boolean;
  email: string | null;
  secret: string | null;
}

const forInvitation = (r: AccountForInvitationRow): AccountForInvitation => ({ accountId: r.id, memberId: r.member_id, email: r.email, hasPassword: r.has_password, disabled: r.disabled });
const live = (r: LiveInvitationRow): LiveInvitation => ({ id: r.id, accountId: r.account_id, memberId: r.member_id, kind: r.kind, failedAttempts: r.failed_attempts });

/** Identity's accounts-and-invitations tables (`identity.accounts`, `invitations`, `email_changes`, code of conduct). */
@Injectable()
export class MemberAccountsSqlRepository extends MemberAccountsRepository {
  /**
   * One account per member, created without a password. An address already used by another
   * account is not taken over: that member's account is created without an address. Existing
   * accounts are left as they are (a retry creates nothing). Returns the accounts of these members.
   */
  async ensureAccounts(tx: Tx, members: ReadonlyArray<{ memberId: string; email: string | null }>): Promise<AccountForInvitation[]> {
    const out: AccountForInvitation[] = [];
    for (let i = 0; i < members.length; i += 1000) {
      const chunk = members.slice(i, i + 1000);
      const ids = chunk.map((x) => x.memberId);
      const emails = chunk.map((x) => x.email?.toLowerCase() ?? null);
      await query(
        tx,
        `INSERT INTO identity.accounts (member_id, email)
         SELECT x.member_id, CASE WHEN x.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM identity.accounts a WHERE lower(a.email) = x.email) THEN x.email END
           FROM unnest($1::uuid[], $2::text[]) AS x(member_id, email)
          WHERE NOT EXISTS (SELECT 1 FROM identity.accounts a WHERE a.member_id = x.member_id)
         ON CONFLICT DO NOTHING`,
        [ids, emails],
      );
      const rows = await query<AccountForInvitationRow>(
        tx,
        `SELECT id, member_id, email, password_hash IS NOT NULL AS has_password, disabled_at IS NOT NULL AS disabled FROM identity.accounts WHERE member_id = ANY($1::uuid[])`,
        [ids],
      );
      for (const r of rows) out.push(forInvitation(r));
    }
    return out;
  }

  async accountOfMember(tx: Tx, memberId: string): Promise<AccountForInvitation | null> {
    const r = await maybeOne<AccountForInvitationRow>(
      tx,
      `SELECT id, member_id, email, password_hash IS NOT NULL AS has_password, disabled_at IS NOT NULL AS disabled FROM identity.accounts WHERE member_id = $1`,
      [memberId],
    );
    return r ? forInvitation(r) : null;
  }

  async accountByEmail(tx: Tx, email: string): Promise<AccountForInvitation | null> {
    const [r] = await query<AccountForInvitationRow>(
      tx,
      `SELECT id, member_id, email, password_hash IS NOT NULL AS has_password, disabled_at IS NOT NULL AS disabled FROM identity.accounts WHERE lower(email) = lower($1) AND member_id IS NOT NULL`,
      [email],
    );
    return r ? forInvitation(r) : null;
  }

  /** Replaces every earlier live invitation of these accounts (they stop working). */
  async replaceLive(tx: Tx, accountIds: readonly string[]): Promise<void> {
    if (accountIds.length === 0) return;
    await query(tx, `UPDATE identity.invitations SET status = 'replaced' WHERE account_id = ANY($1::uuid[]) AND status IN ('queued', 'issued')`, [accountIds]);
  }

  async insertIssued(tx: Tx, x: { accountId: string; memberId: string; kind: InvitationKind; secretHash: string; at: Date; expiresAt: Date; batchRef: string | null }): Promise<string> {
    const r = await one<{ id: string }>(
      tx,
      `INSERT INTO identity.invitations (account_id, member_id, kind, status, secret_hash, batch_ref, created_at, issued_at, expires_at)
       VALUES ($1, $2, $3, 'issued', $4, $5, $6, $6, $7) RETURNING id`,
      [x.accountId, x.memberId, x.kind, x.secretHash, x.batchRef, x.at, x.expiresAt],
    );
    return r.id;
  }

  /**
   * Invitations written later, in batches, by the invitation dispatch (large imports). Their ids
   * are time-ordered (`queueIds`), so that the dispatch, which takes the queue in
   * `(created_at, id)` order, reads it in the order it was written — a few neighbouring pages per
   * batch instead of one random page per invitation.
   */
  async insertQueued(tx: Tx, accounts: ReadonlyArray<{ accountId: string; memberId: string }>, batchRef: string, at: Date): Promise<number> {
    let n = 0;
    const ids = queueIds(accounts.length, at);
    for (let i = 0; i < accounts.length; i += 5000) {
      const chunk = accounts.slice(i, i + 5000);
      const rows = await query<{ id: string }>(
        tx,
        `INSERT INTO identity.invitations (id, account_id, member_id, kind, status, batch_ref, created_at)
         SELECT x.id, x.account_id, x.member_id, 'link', 'queued', $4, $5 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(id, account_id, member_id) RETURNING id`,
        [ids.slice(i, i + 5000), chunk.map((a) => a.accountId), chunk.map((a) => a.memberId), batchRef, at],
      );
      n += rows.length;
    }
    return n;
  }

  /**
   * Planner statistics of the invitations and accounts, taken in the caller's transaction (its
   * own new rows count): right after a large import, stale statistics describe an almost empty
   * queue and every claim would sort all of it. Without the table owner's rights PostgreSQL only
   * warns and skips it.
   */
  async refreshStatistics(tx: Tx): Promise<void> {
    await query(tx, `ANALYZE identity.invitations, identity.accounts`);
  }

  /**
   * Issues the oldest queued invitations in one statement: claims them (other dispatchers skip
   * locked rows), draws each secret inside the database — 32 bytes from two `gen_random_uuid()`
   * (244 random bits from the server's CSPRNG: OpenSSL on PostgreSQL, the host's
   * `crypto.randomFillSync` under PGlite), base64url like every other link — stores only its
   * SHA-256, and withdraws the ones with nothing to e-mail. The secrets come back once, for the
   * e-mails written in the same transaction. With `batchRef`, only that import's.
   *
   * The accounts and the invitations are looked up by the claimed ids (`= ANY (ARRAY(…))`), each
   * through its index: joined plainly, the planner hashed both whole tables for every batch —
   * 100,000 rows read to update 2,000, a cost that grew with the size of the import.
   */
  async issueNextQueued(tx: Tx, limit: number, at: Date, expiresAt: Date, batchRef: string | null = null): Promise<IssuedFromQueue[]> {
    const rows = await query<IssuedFromQueueRow>(
      tx,
      `WITH claimed AS (
         SELECT i.id, i.member_id FROM identity.invitations i
          WHERE i.status = 'queued' AND ($4::text IS NULL OR i.batch_ref = $4::text) ORDER BY i.created_at, i.id LIMIT $1 FOR UPDATE SKIP LOCKED
       ), drawn AS MATERIALIZED (
         SELECT c.id, a.id AS account_id, a.email,
                (a.email IS NOT NULL AND a.password_hash IS NULL AND a.disabled_at IS NULL) AS invitable,
                rtrim(translate(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), '=') AS secret
           FROM claimed c LEFT JOIN identity.accounts a ON a.member_id = c.member_id AND a.member_id = ANY (ARRAY(SELECT member_id FROM claimed))
       )
       UPDATE identity.invitations i
          SET status = CASE WHEN d.invitable THEN 'issued' ELSE 'withdrawn' END,
              secret_hash = CASE WHEN d.invitable THEN encode(sha256(convert_to(d.secret, 'UTF8')), 'hex') END,
              issued_at = CASE WHEN d.invitable THEN $2::timestamptz END,
              expires_at = CASE WHEN d.invitable THEN $3::timestamptz END
         FROM drawn d
        WHERE i.id = d.id AND i.id = ANY (ARRAY(SELECT id FROM claimed))
       RETURNING i.id, i.member_id, i.batch_ref, d.account_id IS NOT NULL AS has_account, CASE WHEN d.invitable THEN d.email END AS email,
                 CASE WHEN d.invitable THEN d.secret END AS secret`,
      [limit, at, expiresAt, batchRef],
    );
    return rows.map((r) => ({ id: r.id, memberId: r.member_id, batchRef: r.batch_ref, hasAccount: r.has_account, email: r.email, secret: r.secret }));
  }

  async withdrawMany(tx: Tx, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await query(tx, `UPDATE identity.invitations SET status = 'withdrawn' WHERE id = ANY($1::uuid[])`, [ids]);
  }



  /** A live, unexpired invitation by its secret's hash, locked. */
  async liveBySecret(tx: Tx, secretHash: string, kind: InvitationKind, now: Date): Promise<LiveInvitation | null> {
    const r = await maybeOne<LiveInvitationRow>(
      tx,
      `SELECT id, account_id, member_id, kind, failed_attempts FROM identity.invitations
        WHERE secret_hash = $1 AND kind = $2 AND status = 'issued' AND expires_at > $3 FOR UPDATE`,
      [secretHash, kind, now],
    );
    return r ? live(r) : null;
  }

  /** The member's live letter invitation, locked (for counting wrong codes). */
  async liveLetterOf(tx: Tx, memberId: string, now: Date): Promise<LiveInvitation | null> {
    const r = await maybeOne<LiveInvitationRow>(
      tx,
      `SELECT id, account_id, member_id, kind, failed_attempts FROM identity.invitations
        WHERE member_id = $1 AND kind = 'letter' AND status = 'issued' AND expires_at > $2 ORDER BY issued_at DESC LIMIT 1 FOR UPDATE`,
      [memberId, now],
    );
    return r ? live(r) : null;
  }

  async countFailure(tx: Tx, id: string, max: number): Promise<void> {
    await query(tx, `UPDATE identity.invitations SET failed_attempts = failed_attempts + 1, status = CASE WHEN failed_attempts + 1 >= $2 THEN 'withdrawn' ELSE status END WHERE id = $1`, [id, max]);
  }

  async markUsed(tx: Tx, id: string, now: Date): Promise<boolean> {
    const rows = await query<{ id: string }>(tx, `UPDATE identity.invitations SET status = 'used', used_at = $2 WHERE id = $1 AND status = 'issued' RETURNING id`, [id, now]);
    return rows.length === 1;
  }

  /** Accounts of these members: every session revoked, every live invitation withdrawn. */
  async revokeAccess(tx: Tx, memberIds: readonly string[], now: Date): Promise<number> {
    if (memberIds.length === 0) return 0;
    const rows = await query<{ id: string }>(
      tx,
      `UPDATE identity.sessions s SET revoked_at = $2 FROM identity.accounts a
        WHERE a.id = s.account_id AND a.member_id = ANY($1::uuid[]) AND s.revoked_at IS NULL RETURNING s.id`,
      [memberIds, now],
    );
    await query(
      tx,
      `UPDATE identity.invitations SET status = 'withdrawn' WHERE member_id = ANY($1::uuid[]) AND status IN ('queued', 'issued')`,
      [memberIds],
    );
    return rows.length;
  }

  /** An import's invitations, counted as its batches of members are written (each call adds its members). */
  async insertBatch(tx: Tx, batchRef: string, requestedBy: string | null, members: number, at: Date): Promise<void> {
    await query(
      tx,
      `INSERT INTO identity.invitation_batches (batch_ref, requested_by, members, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (batch_ref) DO UPDATE SET members = identity.invitation_batches.members + EXCLUDED.members`,
      [batchRef, requestedBy, members, at],
    );
  }

  async batch(tx: Tx, batchRef: string): Promise<{ requestedBy: string | null; members: number; createdAt: Date } | null> {
    const r = await maybeOne<{ requested_by: string | null; members: number; created_at: Date }>(
      tx,
      `SELECT requested_by, members, created_at FROM identity.invitation_batches WHERE batch_ref = $1`,
      [batchRef],
    );
    return r ? { requestedBy: r.requested_by, members: r.members, createdAt: r.created_at } : null;
  }

  async batchCounts(tx: Tx, batchRef: string): Promise<{ total: number; queued: number; withdrawn: number }> {
    const r = await one<{ total: number; queued: number; withdrawn: number }>(
      tx,
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'queued')::int AS queued, count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn
         FROM identity.invitations WHERE batch_ref = $1`,
      [batchRef],
    );
    return { total: r.total, queued: r.queued, withdrawn: r.withdrawn };
  }

  // ── e-mail changes ─────────────────────────────────────────────────────────────────────
  async insertEmailChange(tx: Tx, accountId: string, newEmail: string, tokenHash: string, at: Date, expiresAt: Date): Promise<void> {
    await query(tx, `UPDATE identity.email_changes SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL`, [accountId, at]);
    await query(tx, `INSERT INTO identity.email_changes (account_id, new_email, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [accountId, newEmail, tokenHash, at, expiresAt]);
  }

  async consumeEmailChange(tx: Tx, tokenHash: string, now: Date): Promise<{ accountId: string; newEmail: string } | null> {
    const r = await maybeOne<{ account_id: string; new_email: string }>(
      tx,
      `UPDATE identity.email_changes SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id, new_email`,
      [tokenHash, now],
    );
    return r ? { accountId: r.account_id, newEmail: r.new_email } : null;
  }

  async emailTaken(tx: Tx, email: string, exceptAccountId: string): Promise<boolean> {
    const rows = await query<{ taken: number }>(tx, `SELECT 1 AS taken FROM identity.accounts WHERE lower(email) = lower($1) AND id <> $2`, [email, exceptAccountId]);
    return rows.length > 0;
  }

  async accountById(tx: Tx, accountId: string): Promise<{ id: string; memberId: string | null; email: string | null } | null> {
    const r = await maybeOne<{ id: string; member_id: string | null; email: string | null }>(tx, `SELECT id, member_id, email FROM identity.accounts WHERE id = $1 FOR UPDATE`, [accountId]);
    return r ? { id: r.id, memberId: r.member_id, email: r.email } : null;
  }

  async setEmail(tx: Tx, accountId: string, email: string, now: Date): Promise<void> {
    await query(tx, `UPDATE identity.accounts SET email = $2, email_verified_at = $3 WHERE id = $1`, [accountId, email, now]);
  }

  // ── code of conduct ────────────────────────────────────────────────────────────────────
  async currentCode(tx: Tx): Promise<{ version: number; title: string; body: string; publishedAt: Date } | null> {
    const r = await maybeOne<{ version: number; title: string; body: string; published_at: Date }>(
      tx,
      `SELECT version, title, body, published_at FROM identity.code_of_conduct_versions ORDER BY version DESC LIMIT 1`,
    );
    return r ? { version: r.version, title: r.title, body: r.body, publishedAt: r.published_at } : null;
  }

  async publishCode(tx: Tx, x: { title: string; body: string; at: Date; by: string | null }): Promise<number> {
    await query(tx, `LOCK TABLE identity.code_of_conduct_versions IN SHARE ROW EXCLUSIVE MODE`);
    const r = await one<{ version: number }>(
      tx,
      `INSERT INTO identity.code_of_conduct_versions (version, title, body, published_at, published_by)
       SELECT COALESCE(max(version), 0) + 1, $1, $2, $3, $4 FROM identity.code_of_conduct_versions RETURNING version`,
      [x.title, x.body, x.at, x.by],
    );
    return r.version;
  }

  async codeVersionExists(tx: Tx, version: number): Promise<boolean> {
    return (await query<{ found: number }>(tx, `SELECT 1 AS found FROM identity.code_of_conduct_versions WHERE version = $1`, [version])).length > 0;
  }

  /** Records the acknowledgement once; returns when it was first given. */
  async acknowledge(tx: Tx, memberId: string, version: number, at: Date): Promise<{ at: Date; first: boolean }> {
    const inserted = await query<{ acknowledged_at: Date }>(
      tx,
      `INSERT INTO identity.code_of_conduct_acknowledgements (member_id, version, acknowledged_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING acknowledged_at`,
      [memberId, version, at],
    );
    if (inserted[0]) return { at: inserted[0].acknowledged_at, first: true };
    const r = await one<{ acknowledged_at: Date }>(tx, `SELECT acknowledged_at FROM identity.code_of_conduct_acknowledgements WHERE member_id = $1 AND version = $2`, [memberId, version]);
    return { at: r.acknowledged_at, first: false };
  }

  async acknowledgedOn(tx: Tx, memberId: string, version: number): Promise<Date | null> {
    const r = await maybeOne<{ acknowledged_at: Date }>(tx, `SELECT acknowledged_at FROM identity.code_of_conduct_acknowledgements WHERE member_id = $1 AND version = $2`, [memberId, version]);
    return r?.acknowledged_at ?? null;
  }

  async acknowledgersOf(tx: Tx, version: number): Promise<Set<string>> {
    const rows = await query<{ member_id: string }>(tx, `SELECT member_id FROM identity.code_of_conduct_acknowledgements WHERE version = $1`, [version]);
    return new Set(rows.map((r) => r.member_id));
  }
}

/**
 * `n` ids in the layout of RFC 9562's UUIDv7 that sort (bytewise, as PostgreSQL compares uuids)
 * in the order given: 48 bits of `at` in milliseconds, then the position (32 bits, around the
 * version and variant bits), then 42 random bits, so that two imports in the same millisecond
 * still draw different ids. Ids only — never secrets.
 */
export function queueIds(n: number, at: Date): string[] {
  const ms = BigInt(at.getTime());
  const random = randomBytes(n * 6);
  const ids: string[] = [];
  const b = Buffer.alloc(16);
  for (let i = 0; i < n; i++) {
    b.writeUIntBE(Number(ms & 0xffffffffffffn), 0, 6);
    b[6] = 0x70 | ((i >>> 28) & 0x0f);
    b[7] = (i >>> 20) & 0xff;
    b[8] = 0x80 | ((i >>> 14) & 0x3f);
    b[9] = (i >>> 6) & 0xff;
    b[10] = ((i & 0x3f) << 2) | (random[i * 6] & 0x03);
    random.copy(b, 11, i * 6 + 1, i * 6 + 6);
    const h = b.toString('hex');
    ids.push(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
  }
  return ids;
}
