import { Injectable } from '@nestjs/common';
import { maybeOne, one, query, type Tx } from '@org/platform';
import type { DeliveryFailure } from '../domain/delivery-failure';
import type { Audience } from '../domain/notification-message';
import { NOTIFICATION_TYPES, type NotificationType } from '../domain/notification-types';
import { OutboxRepository, type ClaimedMessage, type MemberContact, type FanOutBatchResult, type DeadLetterRow } from '../application/ports/outbox.repository';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** An outbox row a sender claimed, with its notice (RETURNING of the claim statements). */
interface ClaimedRow {
  id: string;
  notice_id: string;
  member_id: string | null;
  to_address: string;
  attempts: number;
  type: NotificationType;
  data: Record<string, unknown> | string;
  essential: boolean;
  /** The notice's shared text (e.g. the code of conduct a welcome carries), stored once. */
  shared_text?: string | null;
}

interface ContactRow {
  email: string;
  email_consent: boolean;
  email_non_essential: boolean | null;
}

interface DeadLetterDbRow {
  id: string;
  type: NotificationType;
  attempts: number;
  last_reply_code: number | null;
  failed_at: Date;
  created_at: Date;
  member_id: string | null;
  to_address: string | null;
  last_error: string | null;
}

/** `SELECT count(*)::int AS n`. */
interface CountRow {
  n: number;
}

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
    tx: Tx,
    n: { id?: string; type: NotificationType; data: unknown; essential: boolean; audience: string; dedupeKey: string | null; createdAt: Date; recipients: number; emails: number; textDigest?: string | null },
  ): Promise<string | null> {
    const row = await maybeOne<{ id: string }>(
      tx,
      `INSERT INTO notifications.notices (id, type, data, essential, audience, dedupe_key, created_at, recipients, emails, text_digest)
       VALUES (COALESCE($9::uuid, gen_random_uuid()), $1, $2::jsonb, $3, $4, $5, $6, $7, $8, $10) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [n.type, JSON.stringify(n.data ?? {}), n.essential, n.audience, n.dedupeKey, n.createdAt, n.recipients, n.emails, n.id ?? null, n.textDigest ?? null],
    );
    return row?.id ?? null;
  }

  async noticeByDedupeKey(tx: Tx, key: string): Promise<{ id: string; recipients: number | null; emails: number | null } | null> {
    const r = await maybeOne<{ id: string; recipients: number | null; emails: number | null }>(tx, `SELECT id, recipients, emails FROM notifications.notices WHERE dedupe_key = $1`, [key]);
    return r ? { id: r.id, recipients: r.recipients, emails: r.emails } : null;
  }

  async outboxIdsOfNotice(tx: Tx, noticeId: string): Promise<string[]> {
    const rows = await query<{ id: string }>(tx, `SELECT id FROM notifications.outbox WHERE notice_id = $1 ORDER BY created_at, id`, [noticeId]);
    return rows.map((r) => r.id);
  }

  /** Serializes writers of one dedupe key until the end of the transaction. */
  async lockDedupeKey(tx: Tx, key: string): Promise<void> {
    await query(tx, `SELECT pg_advisory_xact_lock(hashtext('notifications.dedupe:' || $1))`, [key]);
  }

  async memberContact(tx: Tx, memberId: string): Promise<MemberContact | null> {
    const r = await maybeOne<ContactRow>(
      tx,
      `SELECT m.email, m.email_consent, p.email_non_essential
         FROM membership.members m LEFT JOIN notifications.preferences p ON p.member_id = m.id
        WHERE m.id = $1`,
      [memberId],
    );
    return r ? { email: r.email, emailConsent: r.email_consent, emailNonEssential: r.email_non_essential } : null;
  }

  async memberContacts(tx: Tx, memberIds: readonly string[]): Promise<Map<string, MemberContact>> {
    if (memberIds.length === 0) return new Map();
    const rows = await query<ContactRow & { id: string }>(
      tx,
      `SELECT m.id, m.email, m.email_consent, p.email_non_essential
         FROM membership.members m LEFT JOIN notifications.preferences p ON p.member_id = m.id
        WHERE m.id = ANY($1::uuid[])`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.id, { email: r.email, emailConsent: r.email_consent, emailNonEssential: r.email_non_essential }]));
  }

  /**
   * Many messages in one statement: their shared texts, the notices (a dedupe key seen before
   * inserts nothing, and then nothing else of that message is written), the feed entries and the
   * outbox rows of the notices actually inserted. Returns the ids of those notices.
   */
  async insertMessages(
    tx: Tx,
    rows: ReadonlyArray<{
      id: string;
      type: NotificationType;
      data: unknown;
      essential: boolean;
      audience: string;
      dedupeKey: string | null;
      recipients: number;
      emails: number;
      textDigest: string | null;
      /** The member whose feed gets it, or null. */
      feedMemberId: string | null;
      /** Set when it is e-mailed: the address, and the member it is for (null for an address recipient). */
      mail: { memberId: string | null; toAddress: string } | null;
    }>,
    texts: ReadonlyArray<{ digest: string; body: string }>,
    at: Date,
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted = await query<{ id: string }>(
      tx,
        `WITH x AS MATERIALIZED (
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::boolean[], $5::text[], $6::text[], $8::int[], $9::int[], $10::text[], $11::uuid[], $12::uuid[], $13::text[])
                      AS x(id, type, data, essential, audience, dedupe_key, recipients, emails, text_digest, feed_member, mail_member, mail_to)
         ), t AS (
           INSERT INTO notifications.notice_texts (digest, body, created_at)
           SELECT u.digest, u.body, $7 FROM unnest($14::text[], $15::text[]) AS u(digest, body)
           ON CONFLICT (digest) DO NOTHING
         ), n AS (
           INSERT INTO notifications.notices (id, type, data, essential, audience, dedupe_key, created_at, recipients, emails, text_digest)
           SELECT x.id, x.type, x.data, x.essential, x.audience, x.dedupe_key, $7, x.recipients, x.emails, x.text_digest FROM x
           ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
         ), f AS (
           INSERT INTO notifications.feed_entries (member_id, notice_id, created_at)
           SELECT x.feed_member, x.id, $7 FROM x JOIN n ON n.id = x.id WHERE x.feed_member IS NOT NULL
           ON CONFLICT DO NOTHING
         ), o AS (
           INSERT INTO notifications.outbox (notice_id, member_id, to_address, next_attempt_at, created_at)
           SELECT x.id, x.mail_member, x.mail_to, $7, $7 FROM x JOIN n ON n.id = x.id WHERE x.mail_to IS NOT NULL
         )
         SELECT id FROM n`,
        [
          rows.map((n) => n.id),
          rows.map((n) => n.type),
          rows.map((n) => JSON.stringify(n.data ?? {})),
          rows.map((n) => n.essential),
          rows.map((n) => n.audience),
          rows.map((n) => n.dedupeKey),
          at,
          rows.map((n) => n.recipients),
          rows.map((n) => n.emails),
          rows.map((n) => n.textDigest),
          rows.map((n) => n.feedMemberId),
          rows.map((n) => n.mail?.memberId ?? null),
          rows.map((n) => n.mail?.toAddress ?? null),
          texts.map((t) => t.digest),
          texts.map((t) => t.body),
        ],
    );
    return new Set(inserted.map((r) => r.id));
  }

  /**
   * An import's batch of invitations and welcomes, as `insertMessages` would write them one by
   * one: invitation notices (to the address, e-mailed, not in the feed) and welcome notices (to
   * the member: a feed entry, and e-mail to the register's address when there is one), each
   * skipped when its dedupe key was seen before. First names (`left(…, 100)`, or "member") and
   * addresses are the register's, read here, one member at a time through the register's primary
   * key (`LATERAL … OFFSET 0`, which the planner cannot turn into a join): joined plainly, or
   * filtered by the batch's array, it read the whole register for every batch, a cost that grew
   * with the register.
   */
  async insertInvitationBatch(
    tx: Tx,
    b: {
      memberIds: string[];
      invitationKeys: (string | null)[];
      invitationTo: (string | null)[];
      activationUrls: (string | null)[];
      welcomeKeys: string[];
      validDays: number;
      welcome: { codeOfConduct: unknown; commissioners: unknown; text: { digest: string; body: string } | null };
      at: Date;
    },
  ): Promise<{ emails: number; notInRegister: string[] }> {
    const r = await one<{ emails: number; not_in_register: string[] }>(
      tx,
      `WITH x AS MATERIALIZED (
         SELECT u.member_id, u.invitation_key, u.invitation_to, u.activation_url, u.welcome_key,
                COALESCE(NULLIF(left(mm.first_name, 100), ''), 'member') AS first_name, mm.email AS member_email,
                gen_random_uuid() AS invitation_notice, gen_random_uuid() AS welcome_notice
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(member_id, invitation_key, invitation_to, activation_url, welcome_key)
           CROSS JOIN LATERAL (SELECT m.first_name, m.email FROM membership.members m WHERE m.id = u.member_id OFFSET 0) mm
       ), t AS (
         INSERT INTO notifications.notice_texts (digest, body, created_at)
         SELECT $8::text, $9::text, $6::timestamptz WHERE $8::text IS NOT NULL
         ON CONFLICT (digest) DO NOTHING
       ), inv AS (
         INSERT INTO notifications.notices (id, type, data, essential, audience, dedupe_key, created_at, recipients, emails, text_digest)
         SELECT x.invitation_notice, 'invitation', jsonb_build_object('firstName', x.first_name, 'activationUrl', x.activation_url, 'validDays', $7::int),
                true, 'address', x.invitation_key, $6::timestamptz, 0, 1, NULL
           FROM x WHERE x.invitation_to IS NOT NULL
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
       ), wel AS (
         INSERT INTO notifications.notices (id, type, data, essential, audience, dedupe_key, created_at, recipients, emails, text_digest)
         SELECT x.welcome_notice, 'welcome', jsonb_build_object('firstName', x.first_name, 'codeOfConduct', $10::jsonb, 'commissioners', $11::jsonb),
                true, 'member:' || x.member_id, x.welcome_key, $6::timestamptz, 1, CASE WHEN x.member_email IS NOT NULL THEN 1 ELSE 0 END, $8::text
           FROM x
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
       ), f AS (
         INSERT INTO notifications.feed_entries (member_id, notice_id, created_at)
         SELECT x.member_id, x.welcome_notice, $6::timestamptz FROM x JOIN wel ON wel.id = x.welcome_notice
         ON CONFLICT DO NOTHING
       ), o AS (
         INSERT INTO notifications.outbox (notice_id, member_id, to_address, next_attempt_at, created_at)
         SELECT x.invitation_notice, NULL::uuid, x.invitation_to, $6::timestamptz, $6::timestamptz FROM x JOIN inv ON inv.id = x.invitation_notice
         UNION ALL
         SELECT x.welcome_notice, x.member_id, x.member_email, $6::timestamptz, $6::timestamptz FROM x JOIN wel ON wel.id = x.welcome_notice WHERE x.member_email IS NOT NULL
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM o)::int AS emails,
              ARRAY(SELECT u.id FROM unnest($1::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM x WHERE x.member_id = u.id))::text[] AS not_in_register`,
      [
        b.memberIds,
        b.invitationKeys,
        b.invitationTo,
        b.activationUrls,
        b.welcomeKeys,
        b.at,
        b.validDays,
        b.welcome.text?.digest ?? null,
        b.welcome.text?.body ?? null,
        JSON.stringify(b.welcome.codeOfConduct ?? null),
        JSON.stringify(b.welcome.commissioners ?? []),
      ],
    );
    return { emails: Number(r.emails), notInRegister: r.not_in_register ?? [] };
  }

  /** Stores shared texts (by their SHA-256), each once whoever stored it first. */
  async insertTexts(tx: Tx, texts: ReadonlyArray<{ digest: string; body: string }>, at: Date): Promise<void> {
    if (texts.length === 0) return;
    await query(
      tx,
      `INSERT INTO notifications.notice_texts (digest, body, created_at) SELECT x.digest, x.body, $3 FROM unnest($1::text[], $2::text[]) AS x(digest, body) ON CONFLICT (digest) DO NOTHING`,
      [texts.map((t) => t.digest), texts.map((t) => t.body), at],
    );
  }

  async insertFeedEntry(tx: Tx, memberId: string, noticeId: string, at: Date): Promise<void> {
    await query(tx, `INSERT INTO notifications.feed_entries (member_id, notice_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [memberId, noticeId, at]);
  }

  async insertOutboxRow(tx: Tx, r: { noticeId: string; memberId: string | null; toAddress: string; at: Date }): Promise<string> {
    const row = await one<{ id: string }>(
      tx,
      `INSERT INTO notifications.outbox (notice_id, member_id, to_address, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [r.noticeId, r.memberId, r.toAddress, r.at],
    );
    return row.id;
  }

  /**
   * One batch of a fan-out, entirely inside PostgreSQL: the next `size` members of the audience
   * after `after` (keyset on the primary key) get a feed entry and, where the email rule allows,
   * an outbox row. Only three numbers come back to Node, whatever the batch size.
   */
  async fanOutBatch(
    tx: Tx,
    o: { noticeId: string; audience: Audience; after: string | null; size: number; inFeed: boolean; essential: boolean; at: Date },
  ): Promise<FanOutBatchResult> {
    const where = o.audience === 'good-standing' ? AUDIENCE_SQL.goodStanding : AUDIENCE_SQL.branch;
    const params: unknown[] = [o.noticeId, o.at, o.size, o.essential, o.audience === 'good-standing' ? null : o.audience.branchId, o.after ?? NIL_UUID, o.inFeed];
    const r = await one<{ last_id: string | null; members: number; emails: number }>(
      tx,
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
    return { lastMemberId: r.last_id ?? null, members: Number(r.members), emails: Number(r.emails) };
  }

  // ── claiming and finishing (short statements of their own) ───────────────────────────────

  /**
   * Takes up to `limit` due rows for `owner` until `leaseUntil`: pending, due, and not held by a
   * live lease. `FOR UPDATE SKIP LOCKED` lets any number of processes claim at once without
   * waiting for or taking each other's rows. A sender's claim counts an attempt; a queue's does not.
   */
  async claimDue(tx: Tx, o: { owner: string; now: Date; leaseUntil: Date; limit: number; countAttempt: boolean }): Promise<ClaimedMessage[]> {
    const rows = await query<ClaimedRow>(
      tx,
      `UPDATE notifications.outbox o
          SET lease_owner = $1, lease_until = $3, attempts = o.attempts + CASE WHEN $5::boolean THEN 1 ELSE 0 END
         FROM (SELECT id FROM notifications.outbox
                WHERE status = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
                ORDER BY next_attempt_at
                LIMIT $4
                FOR UPDATE SKIP LOCKED) due, notifications.notices n
        WHERE o.id = due.id AND n.id = o.notice_id
        RETURNING o.id, o.notice_id, o.member_id, o.to_address, o.attempts, n.type, n.data, n.essential,
                  (SELECT t.body FROM notifications.notice_texts t WHERE t.digest = n.text_digest) AS shared_text`,
      [o.owner, o.now, o.leaseUntil, o.limit, o.countAttempt],
    );
    return rows.map(toClaimed);
  }

  /**
   * A worker takes one row a job named: only if it is still pending, due, and either handed to
   * the queue or not held by a live lease. Null when another sender has it or it is finished.
   */
  async claimForSending(tx: Tx, o: { id: string; owner: string; now: Date; leaseUntil: Date }): Promise<ClaimedMessage | null> {
    const r = await maybeOne<ClaimedRow>(
      tx,
      `UPDATE notifications.outbox o
          SET lease_owner = $2, lease_until = $4, attempts = o.attempts + 1
         FROM notifications.notices n
        WHERE o.id = $1 AND n.id = o.notice_id AND o.status = 'pending' AND o.next_attempt_at <= $3
          AND (o.lease_owner IS NULL OR o.lease_owner LIKE 'queue:%' OR o.lease_until <= $3)
        RETURNING o.id, o.notice_id, o.member_id, o.to_address, o.attempts, n.type, n.data, n.essential,
                  (SELECT t.body FROM notifications.notice_texts t WHERE t.digest = n.text_digest) AS shared_text`,
      [o.id, o.owner, o.now, o.leaseUntil],
    );
    return r ? toClaimed(r) : null;
  }

  /** Gives rows a queue could not take back at once (instead of waiting for the lease). */
  async release(tx: Tx, ids: string[], owner: string): Promise<void> {
    if (ids.length === 0) return;
    await query(tx, `UPDATE notifications.outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ANY($1::uuid[]) AND lease_owner = $2 AND status = 'pending'`, [ids, owner]);
  }

  /**
   * Records a delivery, whoever holds the lease now (the server accepted it: that is the truth),
   * and scrubs the notice's secrets in the same statement.
   */
  async markSent(tx: Tx, id: string, now: Date, secretKeys: readonly string[]): Promise<boolean> {
    const done = await one<CountRow>(
      tx,
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
    return Number(done.n) === 1;
  }

  /** Back to pending, due at `at`: only by the lease holder (a lost lease means someone else has it). */
  async scheduleRetry(tx: Tx, id: string, owner: string, at: Date, failure: DeliveryFailure): Promise<boolean> {
    const rows = await query<{ id: string }>(
      tx,
      `UPDATE notifications.outbox SET next_attempt_at = $3, lease_owner = NULL, lease_until = NULL, last_reply_code = $4, last_error = $5
        WHERE id = $1 AND status = 'pending' AND lease_owner = $2 RETURNING id`,
      [id, owner, at, failure.replyCode, failure.reason],
    );
    return rows.length === 1;
  }

  /** Failed for good (and the notice's secrets scrubbed), by the lease holder. */
  async markFailed(tx: Tx, id: string, owner: string, now: Date, failure: DeliveryFailure, secretKeys: readonly string[]): Promise<boolean> {
    const done = await one<CountRow>(
      tx,
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
    return Number(done.n) === 1;
  }

  // ── operators ────────────────────────────────────────────────────────────────────────────

  /**
   * Permanently failed messages, newest first. For confidential types the recipient and the
   * server's text (which often quotes the address) are not even read.
   */
  async deadLetters(tx: Tx, o: { limit: number; offset: number; confidentialTypes: readonly string[] }): Promise<{ rows: DeadLetterRow[]; total: number }> {
    const rows = await query<DeadLetterDbRow>(
      tx,
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
    const c = await one<CountRow>(tx, `SELECT count(*)::int AS n FROM notifications.outbox WHERE status = 'failed'`);
    return {
      rows: rows.map((r) => ({
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
  async counts(tx: Tx): Promise<{ pending: number; sent: number; failed: number; total: number }> {
    const rows = await query<{ status: string; n: number }>(tx, `SELECT status, count(*)::int AS n FROM notifications.outbox GROUP BY status`);
    const by: Record<string, number> = { pending: 0, sent: 0, failed: 0 };
    for (const r of rows) by[r.status] = Number(r.n);
    return { pending: by.pending, sent: by.sent, failed: by.failed, total: by.pending + by.sent + by.failed };
  }

  /** Delivery counts of the e-mails of the notices whose dedupe key starts with this prefix. */
  async deliveryCountsByDedupePrefix(tx: Tx, prefix: string): Promise<{ pending: number; sent: number; failed: number }> {
    const like = prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    const r = await maybeOne<{ pending: number; sent: number; failed: number }>(
      tx,
      `SELECT count(*) FILTER (WHERE o.status = 'pending')::int AS pending, count(*) FILTER (WHERE o.status = 'sent')::int AS sent, count(*) FILTER (WHERE o.status = 'failed')::int AS failed
         FROM notifications.notices n JOIN notifications.outbox o ON o.notice_id = n.id WHERE n.dedupe_key LIKE $1`,
      [like],
    );
    return { pending: r?.pending ?? 0, sent: r?.sent ?? 0, failed: r?.failed ?? 0 };
  }
}

/** A claimed row, its shared text (if any) put back under the key its type declares. */
function toClaimed(r: ClaimedRow): ClaimedMessage {
  const data = typeof r.data === 'string' ? JSON.parse(r.data) : r.data;
  const key = NOTIFICATION_TYPES[r.type]?.sharedText;
  if (key && typeof r.shared_text === 'string') data[key] = r.shared_text;
  return {
    id: r.id,
    noticeId: r.notice_id,
    memberId: r.member_id,
    toAddress: r.to_address,
    attempts: Number(r.attempts),
    type: r.type,
    data,
    essential: r.essential,
  };
}
