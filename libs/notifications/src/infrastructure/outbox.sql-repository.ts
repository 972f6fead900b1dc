import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeliveryFailure } from '../domain/delivery-failure';
import type { Audience } from '../domain/notification-message';
import type { NotificationType } from '../domain/notification-types';
import { OutboxRepository, type ClaimedMessage, type MemberContact, type FanOutBatchResult, type DeadLetterRow } from '../application/ports/outbox.repository';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const rowsOf = (r: any): any[] => (Array.isArray(r) && Array.isArray(r[0]) ? r[0] : r);

/**
 * Members an audience covers, as SQL over `membership.members m` (with `dues.standing s` and
 * `notifications.preferences p` joined). Good standing: the dues context's verdict where it has
 * one, otherwise an active status; suspended, expelled, resigned members and applicants never.
 */
const AUDIENCE_SQL = {
  goodStanding: `$5::uuid IS NULL AND m.status IN ('active', 'lapsed') AND COALESCE(s.in_good_standing, m.status = 'active')`,
  branch: `m.branch_id = $5::uuid AND m.status IN ('active', 'lapsed', 'suspended')`,
};

/** Email for a member: essential always; otherwise only with consent and the preference on. */
const EMAIL_RULE = `b.email <> '' AND ($4::boolean OR (b.email_consent AND COALESCE(b.email_non_essential, true)))`;

/** The outbox, notices and feed entries, in plain SQL (`notifications.*`). */
@Injectable()
export class OutboxSqlRepository extends OutboxRepository {
  // ── writing (always in the caller's transaction) ─────────────────────────────────────────

  /** Inserts a notice; null when one with the same dedupe key exists already. */
  async insertNotice(
    m: EntityManager,
    n: { id?: string; type: NotificationType; data: unknown; essential: boolean; audience: string; dedupeKey: string | null; createdAt: Date; recipients: number; emails: number },
  ): Promise<string | null> {
    const rows = await m.query(
      `INSERT INTO notifications.notices (id, type, data, essential, audience, dedupe_key, created_at, recipients, emails)
       VALUES (COALESCE($9::uuid, gen_random_uuid()), $1, $2::jsonb, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [n.type, JSON.stringify(n.data ?? {}), n.essential, n.audience, n.dedupeKey, n.createdAt, n.recipients, n.emails, n.id ?? null],
    );
    return rowsOf(rows)[0]?.id ?? null;
  }

  async noticeByDedupeKey(m: EntityManager, key: string): Promise<{ id: string; recipients: number | null; emails: number | null } | null> {
    const [r] = await m.query(`SELECT id, recipients, emails FROM notifications.notices WHERE dedupe_key = $1`, [key]);
    return r ? { id: r.id, recipients: r.recipients, emails: r.emails } : null;
  }

  async outboxIdsOfNotice(m: EntityManager, noticeId: string): Promise<string[]> {
    const rows = await m.query(`SELECT id FROM notifications.outbox WHERE notice_id = $1 ORDER BY created_at, id`, [noticeId]);
    return rows.map((r: any) => r.id);
  }

  /** Serializes writers of one dedupe key until the end of the transaction. */
  async lockDedupeKey(m: EntityManager, key: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('notifications.dedupe:' || $1))`, [key]);
  }

  async memberContact(m: EntityManager, memberId: string): Promise<MemberContact | null> {
    const [r] = await m.query(
      `SELECT m.email, m.email_consent, p.email_non_essential
         FROM membership.members m LEFT JOIN notifications.preferences p ON p.member_id = m.id
        WHERE m.id = $1`,
      [memberId],
    );
    return r ? { email: r.email, emailConsent: r.email_consent, emailNonEssential: r.email_non_essential } : null;
  }

  async memberContacts(m: EntityManager, memberIds: readonly string[]): Promise<Map<string, MemberContact>> {
    if (memberIds.length === 0) return new Map();
    const rows = rowsOf(
      await m.query(
        `SELECT m.id, m.email, m.email_consent, p.email_non_essential
           FROM membership.members m LEFT JOIN notifications.preferences p ON p.member_id = m.id
          WHERE m.id = ANY($1::uuid[])`,
        [memberIds],
      ),
    );
    return new Map(rows.map((r: any) => [r.id, { email: r.email, emailConsent: r.email_consent, emailNonEssential: r.email_non_essential }]));
  }

  /** Inserts notices in one statement; returns the ids actually inserted (a dedupe key seen before inserts nothing). */
  async insertNotices(
    m: EntityManager,
    rows: ReadonlyArray<{ id: string; type: NotificationType; data: unknown; essential: boolean; audience: string; dedupeKey: string | null; createdAt: Date; recipients: number; emails: number }>,
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const payload = JSON.stringify(
      rows.map((n) => ({ id: n.id, type: n.type, data: n.data ?? {}, essential: n.essential, audience: n.audience, dedupe_key: n.dedupeKey, created_at: n.createdAt.toISOString(), recipients: n.recipients, emails: n.emails })),
    );
    const inserted = rowsOf(
      await m.query(
        `INSERT INTO notifications.notices (id, type, data, essential, audience, dedupe_key, created_at, recipients, emails)
         SELECT x.id, x.type, x.data, x.essential, x.audience, x.dedupe_key, x.created_at, x.recipients, x.emails
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, type text, data jsonb, essential boolean, audience text, dedupe_key text, created_at timestamptz, recipients int, emails int)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [payload],
      ),
    );
    return new Set(inserted.map((r: any) => r.id));
  }

  async insertFeedEntries(m: EntityManager, rows: ReadonlyArray<{ memberId: string; noticeId: string }>, at: Date): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO notifications.feed_entries (member_id, notice_id, created_at) SELECT x.member_id, x.notice_id, $3 FROM unnest($1::uuid[], $2::uuid[]) AS x(member_id, notice_id) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.memberId), rows.map((r) => r.noticeId), at],
    );
  }

  async insertOutboxRows(m: EntityManager, rows: ReadonlyArray<{ noticeId: string; memberId: string | null; toAddress: string }>, at: Date): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO notifications.outbox (notice_id, member_id, to_address, next_attempt_at, created_at)
       SELECT x.notice_id, x.member_id, x.to_address, $4, $4 FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(notice_id, member_id, to_address)`,
      [rows.map((r) => r.noticeId), rows.map((r) => r.memberId), rows.map((r) => r.toAddress), at],
    );
  }

  async insertFeedEntry(m: EntityManager, memberId: string, noticeId: string, at: Date): Promise<void> {
    await m.query(`INSERT INTO notifications.feed_entries (member_id, notice_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [memberId, noticeId, at]);
  }

  async insertOutboxRow(m: EntityManager, r: { noticeId: string; memberId: string | null; toAddress: string; at: Date }): Promise<string> {
    const rows = await m.query(
      `INSERT INTO notifications.outbox (notice_id, member_id, to_address, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [r.noticeId, r.memberId, r.toAddress, r.at],
    );
    return rowsOf(rows)[0].id;
  }

  /**
   * One batch of a fan-out, entirely inside PostgreSQL: the next `size` members of the audience
   * after `after` (keyset on the primary key) get a feed entry and, where the email rule allows,
   * an outbox row. Only three numbers come back to Node, whatever the batch size.
   */
  async fanOutBatch(
    m: EntityManager,
    o: { noticeId: string; audience: Audience; after: string | null; size: number; inFeed: boolean; essential: boolean; at: Date },
  ): Promise<FanOutBatchResult> {
    const where = o.audience === 'good-standing' ? AUDIENCE_SQL.goodStanding : AUDIENCE_SQL.branch;
    const params: unknown[] = [o.noticeId, o.at, o.size, o.essential, o.audience === 'good-standing' ? null : o.audience.branchId, o.after ?? NIL_UUID, o.inFeed];
    const rows = await m.query(
      `WITH b AS (
         SELECT m.id, m.email, m.email_consent, p.email_non_essential
           FROM membership.members m
           LEFT JOIN dues.standing s ON s.member_id = m.id
           LEFT JOIN notifications.preferences p ON p.member_id = m.id
          WHERE m.id > $6::uuid AND ${where}
          ORDER BY m.id
          LIMIT $3
       ), feed AS (
         INSERT INTO notifications.feed_entries (member_id, notice_id, created_at)
         SELECT b.id, $1::uuid, $2::timestamptz FROM b WHERE $7::boolean
         ON CONFLICT DO NOTHING
       ), mail AS (
         INSERT INTO notifications.outbox (notice_id, member_id, to_address, next_attempt_at, created_at)
         SELECT $1::uuid, b.id, b.email, $2::timestamptz, $2::timestamptz FROM b WHERE ${EMAIL_RULE}
         RETURNING 1
       )
       SELECT (SELECT b.id FROM b ORDER BY b.id DESC LIMIT 1) AS last_id,
              (SELECT count(*) FROM b)::int AS members,
              (SELECT count(*) FROM mail)::int AS emails`,
      params,
    );
    const r = rowsOf(rows)[0];
    return { lastMemberId: r.last_id ?? null, members: Number(r.members), emails: Number(r.emails) };
  }

  // ── claiming and finishing (short statements of their own) ───────────────────────────────

  /**
   * Takes up to `limit` due rows for `owner` until `leaseUntil`: pending, due, and not held by a
   * live lease. `FOR UPDATE SKIP LOCKED` lets any number of processes claim at once without
   * waiting for or taking each other's rows. A sender's claim counts an attempt; a queue's does not.
   */
  async claimDue(m: EntityManager, o: { owner: string; now: Date; leaseUntil: Date; limit: number; countAttempt: boolean }): Promise<ClaimedMessage[]> {
    const rows = await m.query(
      `UPDATE notifications.outbox o
          SET lease_owner = $1, lease_until = $3, attempts = o.attempts + CASE WHEN $5::boolean THEN 1 ELSE 0 END
         FROM (SELECT id FROM notifications.outbox
                WHERE status = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
                ORDER BY next_attempt_at
                LIMIT $4
                FOR UPDATE SKIP LOCKED) due, notifications.notices n
        WHERE o.id = due.id AND n.id = o.notice_id
        RETURNING o.id, o.notice_id, o.member_id, o.to_address, o.attempts, n.type, n.data, n.essential`,
      [o.owner, o.now, o.leaseUntil, o.limit, o.countAttempt],
    );
    return rowsOf(rows).map(toClaimed);
  }

  /**
   * A worker takes one row a job named: only if it is still pending, due, and either handed to
   * the queue or not held by a live lease. Null when another sender has it or it is finished.
   */
  async claimForSending(m: EntityManager, o: { id: string; owner: string; now: Date; leaseUntil: Date }): Promise<ClaimedMessage | null> {
    const rows = await m.query(
      `UPDATE notifications.outbox o
          SET lease_owner = $2, lease_until = $4, attempts = o.attempts + 1
         FROM notifications.notices n
        WHERE o.id = $1 AND n.id = o.notice_id AND o.status = 'pending' AND o.next_attempt_at <= $3
          AND (o.lease_owner IS NULL OR o.lease_owner LIKE 'queue:%' OR o.lease_until <= $3)
        RETURNING o.id, o.notice_id, o.member_id, o.to_address, o.attempts, n.type, n.data, n.essential`,
      [o.id, o.owner, o.now, o.leaseUntil],
    );
    const r = rowsOf(rows)[0];
    return r ? toClaimed(r) : null;
  }

  /** Gives rows a queue could not take back at once (instead of waiting for the lease). */
  async release(m: EntityManager, ids: string[], owner: string): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`UPDATE notifications.outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ANY($1::uuid[]) AND lease_owner = $2 AND status = 'pending'`, [ids, owner]);
  }

  /**
   * Records a delivery, whoever holds the lease now (the server accepted it: that is the truth),
   * and scrubs the notice's secrets in the same statement.
   */
  async markSent(m: EntityManager, id: string, now: Date, secretKeys: readonly string[]): Promise<boolean> {
    const rows = await m.query(
      `WITH done AS (
         UPDATE notifications.outbox SET status = 'sent', sent_at = $2, lease_owner = NULL, lease_until = NULL, last_error = NULL, last_reply_code = NULL
          WHERE id = $1 AND status = 'pending' RETURNING notice_id
       ), scrub AS (
         UPDATE notifications.notices n SET data = n.data - $3::text[], scrubbed_at = $2
           FROM done WHERE n.id = done.notice_id AND cardinality($3::text[]) > 0
       )
       SELECT count(*)::int AS n FROM done`,
      [id, now, secretKeys],
    );
    return Number(rowsOf(rows)[0].n) === 1;
  }

  /** Back to pending, due at `at`: only by the lease holder (a lost lease means someone else has it). */
  async scheduleRetry(m: EntityManager, id: string, owner: string, at: Date, failure: DeliveryFailure): Promise<boolean> {
    const rows = await m.query(
      `UPDATE notifications.outbox SET next_attempt_at = $3, lease_owner = NULL, lease_until = NULL, last_reply_code = $4, last_error = $5
        WHERE id = $1 AND status = 'pending' AND lease_owner = $2 RETURNING id`,
      [id, owner, at, failure.replyCode, failure.reason],
    );
    return rowsOf(rows).length === 1;
  }

  /** Failed for good (and the notice's secrets scrubbed), by the lease holder. */
  async markFailed(m: EntityManager, id: string, owner: string, now: Date, failure: DeliveryFailure, secretKeys: readonly string[]): Promise<boolean> {
    const rows = await m.query(
      `WITH done AS (
         UPDATE notifications.outbox SET status = 'failed', failed_at = $3, lease_owner = NULL, lease_until = NULL, last_reply_code = $4, last_error = $5
          WHERE id = $1 AND status = 'pending' AND lease_owner = $2 RETURNING notice_id
       ), scrub AS (
         UPDATE notifications.notices n SET data = n.data - $6::text[], scrubbed_at = $3
           FROM done WHERE n.id = done.notice_id AND cardinality($6::text[]) > 0
       )
       SELECT count(*)::int AS n FROM done`,
      [id, owner, now, failure.replyCode, failure.reason, secretKeys],
    );
    return Number(rowsOf(rows)[0].n) === 1;
  }

  // ── operators ────────────────────────────────────────────────────────────────────────────

  /**
   * Permanently failed messages, newest first. For confidential types the recipient and the
   * server's text (which often quotes the address) are not even read.
   */
  async deadLetters(m: EntityManager, o: { limit: number; offset: number; confidentialTypes: readonly string[] }): Promise<{ rows: DeadLetterRow[]; total: number }> {
    const rows = await m.query(
      `SELECT o.id, n.type, o.attempts, o.last_reply_code, o.failed_at, o.created_at,
              CASE WHEN n.type = ANY($3::text[]) THEN NULL ELSE o.member_id END AS member_id,
              CASE WHEN n.type = ANY($3::text[]) THEN NULL ELSE o.to_address END AS to_address,
              CASE WHEN n.type = ANY($3::text[]) THEN NULL ELSE o.last_error END AS last_error
         FROM notifications.outbox o JOIN notifications.notices n ON n.id = o.notice_id
        WHERE o.status = 'failed'
        ORDER BY o.failed_at DESC, o.id DESC
        LIMIT $1 OFFSET $2`,
      [o.limit, o.offset, o.confidentialTypes],
    );
    const [c] = await m.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE status = 'failed'`);
    return {
      rows: rows.map((r: any) => ({
        id: r.id,
        type: r.type,
        memberId: r.member_id,
        toAddress: r.to_address,
        attempts: r.attempts,
        lastReplyCode: r.last_reply_code,
        lastError: r.last_error,
        failedAt: new Date(r.failed_at),
        createdAt: new Date(r.created_at),
      })),
      total: Number(c.n),
    };
  }

  /** Counts by status: delivered + failed + pending = rows, always. */
  async counts(m: EntityManager): Promise<{ pending: number; sent: number; failed: number; total: number }> {
    const rows = await m.query(`SELECT status, count(*)::int AS n FROM notifications.outbox GROUP BY status`);
    const by: Record<string, number> = { pending: 0, sent: 0, failed: 0 };
    for (const r of rows) by[r.status] = Number(r.n);
    return { pending: by.pending, sent: by.sent, failed: by.failed, total: by.pending + by.sent + by.failed };
  }

  /** Delivery counts of the e-mails of the notices whose dedupe key starts with this prefix. */
  async deliveryCountsByDedupePrefix(m: EntityManager, prefix: string): Promise<{ pending: number; sent: number; failed: number }> {
    const like = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const [r] = await m.query(
      `SELECT count(*) FILTER (WHERE o.status = 'pending')::int AS pending, count(*) FILTER (WHERE o.status = 'sent')::int AS sent, count(*) FILTER (WHERE o.status = 'failed')::int AS failed
         FROM notifications.notices n JOIN notifications.outbox o ON o.notice_id = n.id WHERE n.dedupe_key LIKE $1`,
      [like],
    );
    return { pending: r?.pending ?? 0, sent: r?.sent ?? 0, failed: r?.failed ?? 0 };
  }
}

function toClaimed(r: any): ClaimedMessage {
  return {
    id: r.id,
    noticeId: r.notice_id,
    memberId: r.member_id,
    toAddress: r.to_address,
    attempts: Number(r.attempts),
    type: r.type,
    data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    essential: r.essential,
  };
}
