import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_TYPE_NAMES, NOTIFICATION_TYPES } from '../domain/notification-types';
import { OutboxRepository } from './ports/outbox.repository';

export interface DeadLetter {
  outboxId: string;
  type: string;
  /** A disciplinary message: its recipient and the server's reply text are withheld (S1). */
  confidential: boolean;
  recipient: { memberId: string | null; email: string } | null;
  attempts: number;
  lastReplyCode: number | null;
  lastError: string | null;
  failedAt: string;
  createdAt: string;
}

const CONFIDENTIAL = NOTIFICATION_TYPE_NAMES.filter((t) => NOTIFICATION_TYPES[t].confidential);

/**
 * Messages that failed for good, for the people who run the server: who and which type, never
 * what was said. For disciplinary messages not even who: S1 forbids staff to learn that a
 * member is party to a case; the commission sees its parties' feed entries instead.
 */
@Injectable()
export class DeadLettersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: OutboxRepository,
  ) {}

  async list(limit: number, offset: number): Promise<{ items: DeadLetter[]; total: number }> {
    const { rows, total } = await this.repo.deadLetters(this.ds.manager, { limit, offset, confidentialTypes: CONFIDENTIAL });
    return {
      total,
      items: rows.map((r) => {
        const confidential = NOTIFICATION_TYPES[r.type]?.confidential ?? true;
        return {
          outboxId: r.id,
          type: r.type,
          confidential,
          recipient: confidential || r.toAddress === null ? null : { memberId: r.memberId, email: r.toAddress },
          attempts: r.attempts,
          lastReplyCode: r.lastReplyCode,
          lastError: confidential ? null : r.lastError,
          failedAt: r.failedAt.toISOString(),
          createdAt: r.createdAt.toISOString(),
        };
      }),
    };
  }
}
