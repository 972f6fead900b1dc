import { Injectable } from '@nestjs/common';
import { maybeOne, one, query, type Tx } from '@org/platform';
import type { NotificationType } from '../domain/notification-types';
import { FeedRepository, type FeedRow } from '../application/ports/feed.repository';

/** A feed entry with its notice, as stored. */
interface FeedEntryRow {
  notice_id: string;
  created_at: Date;
  read_at: Date | null;
  type: NotificationType;
  data: Record<string, unknown> | string;
}

/** A member's feed and notification preferences (`notifications.feed_entries`, `.preferences`). */
@Injectable()
export class FeedSqlRepository extends FeedRepository {
  /** Newest first; `before` is the (createdAt, noticeId) of the last entry of the previous page. */
  async list(tx: Tx, o: { memberId: string; unreadOnly: boolean; limit: number; before: { at: Date; id: string } | null }): Promise<FeedRow[]> {
    const rows = await query<FeedEntryRow>(
      tx,
      `SELECT f.notice_id, f.created_at, f.read_at, n.type, n.data
         FROM notifications.feed_entries f JOIN notifications.notices n ON n.id = f.notice_id
        WHERE f.member_id = $1
          AND (NOT $2::boolean OR f.read_at IS NULL)
          AND ($4::timestamptz IS NULL OR (f.created_at, f.notice_id) < ($4::timestamptz, $5::uuid))
        ORDER BY f.created_at DESC, f.notice_id DESC
        LIMIT $3`,
      [o.memberId, o.unreadOnly, o.limit, o.before?.at ?? null, o.before?.id ?? '00000000-0000-0000-0000-000000000000'],
    );
    return rows.map((r) => ({
      noticeId: r.notice_id,
      type: r.type,
      data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
      createdAt: new Date(r.created_at),
      readAt: r.read_at ? new Date(r.read_at) : null,
    }));
  }

  async unreadCount(tx: Tx, memberId: string): Promise<number> {
    const r = await one<{ n: number }>(tx, `SELECT count(*)::int AS n FROM notifications.feed_entries WHERE member_id = $1 AND read_at IS NULL`, [memberId]);
    return Number(r.n);
  }

  /** Marks one entry read. 'missing' when the member has no such entry; 'already' when it was read. */
  async markRead(tx: Tx, memberId: string, noticeId: string, at: Date): Promise<'marked' | 'already' | 'missing'> {
    const row = await maybeOne<{ fresh: boolean }>(
      tx,
      `UPDATE notifications.feed_entries SET read_at = COALESCE(read_at, $3) WHERE member_id = $1 AND notice_id = $2 RETURNING (read_at = $3) AS fresh`,
      [memberId, noticeId, at],
    );
    if (!row) return 'missing';
    return row.fresh ? 'marked' : 'already';
  }

  async preferences(tx: Tx, memberId: string): Promise<{ emailNonEssential: boolean | null; emailConsent: boolean | null }> {
    const r = await maybeOne<{ email_consent: boolean; email_non_essential: boolean | null }>(
      tx,
      `SELECT m.email_consent, p.email_non_essential FROM membership.members m LEFT JOIN notifications.preferences p ON p.member_id = m.id WHERE m.id = $1`,
      [memberId],
    );
    return { emailNonEssential: r?.email_non_essential ?? null, emailConsent: r?.email_consent ?? null };
  }

  async setPreferences(tx: Tx, memberId: string, emailNonEssential: boolean, at: Date): Promise<boolean | null> {
    const before = await maybeOne<{ email_non_essential: boolean }>(tx, `SELECT email_non_essential FROM notifications.preferences WHERE member_id = $1 FOR UPDATE`, [memberId]);
    await query(
      tx,
      `INSERT INTO notifications.preferences (member_id, email_non_essential, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (member_id) DO UPDATE SET email_non_essential = EXCLUDED.email_non_essential, updated_at = EXCLUDED.updated_at`,
      [memberId, emailNonEssential, at],
    );
    return before ? before.email_non_essential : null;
  }
}
