import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox } from '@org/notifications';

/**
 * Tells people that something new happened in a case they take part in, through the outbox in
 * the same transaction (S11): a `case-update` carries no case id, no reference and no text —
 * the person signs in to read it. Person ids are member ids or `email:<address>`.
 */
@Injectable()
export class CaseUpdates {
  constructor(private readonly outbox: Outbox) {}

  async notify(m: EntityManager, personIds: readonly string[], options: { dedupeKey?: (personId: string) => string } = {}): Promise<void> {
    for (const id of [...new Set(personIds)]) {
      const recipient = id.startsWith('email:') ? { email: id.slice('email:'.length) } : { memberId: id };
      await this.outbox.enqueue(m, { type: 'case-update', recipient, essential: true, data: {}, ...(options.dedupeKey ? { dedupeKey: options.dedupeKey(id) } : {}) });
    }
  }
}
