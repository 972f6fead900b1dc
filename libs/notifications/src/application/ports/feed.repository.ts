import type { Tx } from '@org/platform';
import type { NotificationType } from '../../domain/notification-types';
export interface FeedRow {
  noticeId: string;
  type: NotificationType;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}
/** A member's feed and notification preferences (`notifications.feed_entries`, `.preferences`). */
export abstract class FeedRepository {
  /** Newest first; `before` is the (createdAt, noticeId) of the last entry of the previous page. */
  abstract list(tx: Tx, o: {
    memberId: string;
    unreadOnly: boolean;
    limit: number;
    before: {
      at: Date;
      id: string;
    } | null;
  }): Promise<FeedRow[]>;
  abstract unreadCount(tx: Tx, memberId: string): Promise<number>;
  /** Marks one entry read. 'missing' when the member has no such entry; 'already' when it was read. */
  abstract markRead(tx: Tx, memberId: string, noticeId: string, at: Date): Promise<'marked' | 'already' | 'missing'>;
  abstract preferences(tx: Tx, memberId: string): Promise<{
    emailNonEssential: boolean | null;
    emailConsent: boolean | null;
  }>;
  abstract setPreferences(tx: Tx, memberId: string, emailNonEssential: boolean, at: Date): Promise<boolean | null>;
}
