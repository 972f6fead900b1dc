import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@org/audit';
import { Clock } from '@org/platform';
import { ALWAYS_ESSENTIAL_TYPES, FEED_TYPES, NOTIFICATION_TYPE_NAMES, NOTIFICATION_TYPES } from '../domain/notification-types';
import { FeedRepository } from './ports/feed.repository';
import { NotificationErrors } from './notifications.errors';

export interface PreferencesView {
  emailNonEssential: boolean;
  emailConsent: boolean;
  alwaysEmailed: string[];
  optionalEmail: string[];
  alwaysInFeed: string[];
}

/** Members may turn off non-essential email; essential notices and the feed are not optional. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: FeedRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async get(memberId: string | null): Promise<PreferencesView> {
    if (!memberId) throw NotificationErrors.noMemberRecord();
    const p = await this.repo.preferences(this.ds.manager, memberId);
    if (p.emailConsent === null) throw NotificationErrors.noMemberRecord();
    return this.view(p.emailNonEssential ?? true, p.emailConsent);
  }

  async set(memberId: string | null, emailNonEssential: boolean): Promise<PreferencesView> {
    if (!memberId) throw NotificationErrors.noMemberRecord();
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const current = await this.repo.preferences(m, memberId);
      if (current.emailConsent === null) throw NotificationErrors.noMemberRecord();
      const before = await this.repo.setPreferences(m, memberId, emailNonEssential, now);
      await this.audit.record(
        m,
        { actorId: memberId, actorKind: 'member', context: 'notifications', action: 'preferences.changed', subjectType: 'member', subjectId: memberId, data: { emailNonEssential, before: before ?? true } },
        now,
      );
      return this.view(emailNonEssential, current.emailConsent);
    });
  }

  private view(emailNonEssential: boolean, emailConsent: boolean): PreferencesView {
    return {
      emailNonEssential,
      emailConsent,
      alwaysEmailed: [...ALWAYS_ESSENTIAL_TYPES],
      optionalEmail: NOTIFICATION_TYPE_NAMES.filter((t) => NOTIFICATION_TYPES[t].essential === 'caller'),
      alwaysInFeed: [...FEED_TYPES],
    };
  }
}
