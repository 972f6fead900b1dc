import { Injectable } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { OutcomeNoticeRepository, type PublishedOutcome } from '../ports/outcome-notice.repository';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

const encode = (o: PublishedOutcome) => Buffer.from(`${o.publishedAt}|${o.id}`).toString('base64url');
function decode(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) {
    throw new DomainError('invalid', 'discipline.outcomes.bad_cursor', 'This page cursor is not valid; start again from the first page.');
  }
  return { at, id };
}

/** Published outcome notices, which every member may list and read (S8). Facts only. */
@Injectable()
export class PublishedOutcomesQuery {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly notices: OutcomeNoticeRepository,
  ) {}

  async list(o: { limit: number; cursor?: string }): Promise<{ items: PublishedOutcome[]; nextCursor: string | null }> {
    const rows = await this.db.read((db) => this.notices.published(db, { limit: o.limit + 1, before: o.cursor ? decode(o.cursor) : null }));
    const items = rows.slice(0, o.limit);
    return { items, nextCursor: rows.length > o.limit ? encode(items[items.length - 1]) : null };
  }

  async one(id: string): Promise<PublishedOutcome> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await this.db.read((db) => this.notices.publishedOne(db, id)) : null;
    if (!found) throw new DomainError('not_found', 'discipline.outcome.not_found', 'No published outcome with this id.');
    return found;
  }
}
