import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@org/audit';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, Clock, one, type AppConfig } from '@org/platform';
import { organizationNameFrom, renderNotification, type TemplateContext } from '../domain/templates/notification-templates';
import { OrganizationLocaleSource } from './organization-locale.source';
import { FeedRepository } from './ports/feed.repository';
import { NotificationErrors } from './notifications.errors';

export interface FeedItem {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

export interface FeedPage {
  items: FeedItem[];
  unreadCount: number;
  nextCursor: string | null;
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
const decodeCursor = (c: string): { at: Date; id: string } => {
  const [iso, id] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) throw NotificationErrors.badCursor();
  return { at, id };
};

/** A member's own notices: every one they were sent, read or not, whatever their email choice. */
@Injectable()
export class MemberFeedService {
  private readonly ctx: Omit<TemplateContext, 'locale'>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: FeedRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly locales: OrganizationLocaleSource,
  ) {
    this.ctx = { publicUrl: config.publicUrl, organizationName: organizationNameFrom(config.mailFrom) };
  }

  async list(memberId: string | null, o: { unreadOnly: boolean; limit: number; cursor?: string }): Promise<FeedPage> {
    if (!memberId) throw NotificationErrors.noMemberRecord();
    const before = o.cursor ? decodeCursor(o.cursor) : null;
    const rows = await this.repo.list(this.ds.manager, { memberId, unreadOnly: o.unreadOnly, limit: o.limit + 1, before });
    const page = rows.slice(0, o.limit);
    const ctx: TemplateContext = { ...this.ctx, locale: await this.locales.current() };
    const items = page.map((r) => {
      const rendered = renderNotification(r.type, r.data as never, ctx);
      return {
        id: r.noticeId,
        type: r.type,
        title: rendered.title,
        body: rendered.body,
        link: rendered.link,
        createdAt: r.createdAt.toISOString(),
        read: r.readAt !== null,
        readAt: r.readAt?.toISOString() ?? null,
      };
    });
    const last = page[page.length - 1];
    return {
      items,
      unreadCount: await this.repo.unreadCount(this.ds.manager, memberId),
      nextCursor: rows.length > o.limit && last ? encodeCursor(last.createdAt, last.noticeId) : null,
    };
  }

  async markRead(memberId: string | null, noticeId: string): Promise<{ id: string; readAt: string }> {
    if (!memberId) throw NotificationErrors.noMemberRecord();
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const result = await this.repo.markRead(m, memberId, noticeId, now);
      if (result === 'missing') throw NotificationErrors.notificationNotFound();
      if (result === 'marked') {
        await this.audit.record(m, { actorId: memberId, actorKind: 'member', context: 'notifications', action: 'notification.read', subjectType: 'notice', subjectId: noticeId }, now);
      }
      const row = await one<{ read_at: Date }>(m, `SELECT read_at FROM notifications.feed_entries WHERE member_id = $1 AND notice_id = $2`, [memberId, noticeId]);
      return { id: noticeId, readAt: new Date(row.read_at).toISOString() };
    });
  }
}
