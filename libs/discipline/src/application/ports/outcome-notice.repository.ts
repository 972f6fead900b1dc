import type { Tx } from '@org/platform';
import type { OutcomeNotice, OutcomeNoticeFacts } from '../../domain';

/** A published outcome notice, as every member reads it (S8). */
export interface PublishedOutcome {
  readonly id: string;
  readonly publishedAt: string;
  readonly facts: OutcomeNoticeFacts;
  readonly text: string;
  readonly recipients: number | null;
}

/** Outcome notices (S8): sealed while under review, the facts and text in clear once published. */
export abstract class OutcomeNoticeRepository {
  abstract insert(m: Tx, caseId: string, n: OutcomeNotice): Promise<void>;
  abstract update(m: Tx, caseId: string, n: OutcomeNotice): Promise<void>;
  abstract markPublished(m: Tx, caseId: string, n: OutcomeNotice, notificationNoticeId: string, recipients: number): Promise<void>;
  abstract ofCase(m: Tx, caseId: string): Promise<OutcomeNotice[]>;
  abstract one(m: Tx, noticeId: string, forUpdate?: boolean): Promise<{ caseId: string; notice: OutcomeNotice } | null>;
  /** Notices whose publication date has come, whatever their status. */
  abstract due(m: Tx, now: Date, limit: number): Promise<{ noticeId: string; caseId: string }[]>;
  abstract published(m: Tx, o: { limit: number; before?: { at: string; id: string } | null }): Promise<PublishedOutcome[]>;
  abstract publishedOne(m: Tx, id: string): Promise<PublishedOutcome | null>;
}
