import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationType } from '../domain/notification-types';
import { FeedRepository, type FeedRow } from '../application/ports/feed.repository';

const rowsOf = (r: any): any[] => (Array.isArray(r) && Array.isArray(r[0]) ? r[0] : r);

/** A member's feed and notification preferences (`notifications.feed_entries`, `.preferences`). */
@Injectable()
export class FeedSqlRepository extends FeedRepository {
  /** Newest first; `before` is the (createdAt, noticeId) of the last entry of the previous page. */
  async list(m: EntityManager, o: { memberId: string; unreadOnly: boolean; limit: number; before: { at: Date; id: string } | null }): Promise<FeedRow[]> {
    const rows = await m.query(
      `SELECT f.notice_id, f.created_at, f.read_at, n.type, n.data
         FROM notifications.feed_entries f JOIN notifications.notices n ON n.id = f.notice_id
        WHERE f.member_id = $1
          AND (NOT $2::boolean OR f.read_at IS NULL)
          AND ($4::timestamptz IS NULL OR (f.created_at, f.notice_id) < ($4::timestamptz, $5::uuid))
        ORDER BY f.created_at DESC, f.notice_id DESC
        LIMIT $3`,
      [o.memberId, o.unreadOnly, o.limit, o.before?.at ?? null, o.before?.id ?? '00000000-0000-0000-0000-000000000000'],
    );
    return rows.map((r: any) => ({
      noticeId: r.notice_id,
      type: r.type,
      data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
      createdAt: new Date(r.created_at),
      readAt: r.read_at ? new Date(r.read_at) : null,
    }));
  }

  async unreadCount(m: EntityManager, memberId: string): Promise<number> {
    const [r] = await m.query(`SELECT count(*)::int AS n FROM notifications.feed_entries WHERE member_id = $1 AND read_at IS NULL`, [memberId]);
    return Number(r.n);
  }

  /** Marks one entry read. 'missing' when the member has no such entry; 'already' when it was read. */
  async markRead(m: EntityManager, memberId: string, noticeId: string, at: Date): Promise<'marked' | 'already' | 'missing'> {
    const rows = rowsOf(
      await m.query(
        `UPDATE notifications.feed_entries SET read_at = COALESCE(read_at, $3) WHERE member_id = $1 AND notice_id = $2 RETURNING (read_at = $3) AS fresh`,
        [memberId, noticeId, at],
      ),
    );
    if (rows.length === 0) return 'missing';
    return rows[0].fresh ? 'marked' : 'already';
  }

  async preferences(m: EntityManager, memberId: string): Promise<{ emailNonEssential: boolean | null; emailConsent: boolean | null }> {
    const [r] = await m.query(
      `SELECT m.email_consent, p.email_non_essential FROM membership.members m LEFT JOIN notifications.preferences p ON p.member_id = m.id WHERE m.id = $1`,
      [memberId],
    );
    return { emailNonEssential: r?.email_non_essential ?? null, emailConsent: r?.email_consent ?? null };
  }

  async setPreferences(m: EntityManager, memberId: string, emailNonEssential: boolean, at: Date): Promise<boolean | null> {
    const [before] = await m.query(`SELECT email_non_essential FROM notifications.preferences WHERE member_id = $1 FOR UPDATE`, [memberId]);
    await m.query(
      `INSERT INTO notifications.preferences (member_id, email_non_essential, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (member_id) DO UPDATE SET email_non_essential = EXCLUDED.email_non_essential, updated_at = EXCLUDED.updated_at`,
      [memberId, emailNonEssential, at],
    );
    return before ? before.email_non_essential : null;
  }
}
