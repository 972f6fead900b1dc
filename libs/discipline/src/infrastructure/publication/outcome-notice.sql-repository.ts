import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { OutcomeNotice, type OutcomeNoticeSnapshot } from '../../domain/outcome/outcome-notice.entity';
import type { OutcomeNoticeFacts } from '../../domain/outcome/outcome-notice-facts.value-object';
import { maybeOne, query } from '@org/platform';
import { SealedSnapshots, iso, type SealedRecordRow } from '../sealed-snapshots';
import { OutcomeNoticeRepository, type PublishedOutcome } from '../../application/ports/outcome-notice.repository';
export type { PublishedOutcome };

const field = (noticeId: string) => `outcome-notice:${noticeId}`;

/**
 * Outcome notices: sealed until published (the draft names the respondent before the membership
 * is told); on publication the facts and the rendered text are stored in plain columns, since
 * they are now told to every member.
 */
@Injectable()
export class OutcomeNoticeSqlRepository implements OutcomeNoticeRepository {
  constructor(private readonly sealed: SealedSnapshots) {}

  async insert(m: Tx, caseId: string, n: OutcomeNotice): Promise<void> {
    const s = n.toSnapshot();
    await m.query(
      `INSERT INTO discipline.outcome_notices (id, finding_id, case_id, status, review_ends_at, publish_at, delayed, sealed, composed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [s.noticeId, s.findingId, caseId, s.status, s.reviewEndsAt, s.publishAt, s.delay !== null, await this.sealed.seal(m, caseId, field(s.noticeId), s), s.composedAt],
    );
  }

  async update(m: Tx, caseId: string, n: OutcomeNotice): Promise<void> {
    const s = n.toSnapshot();
    await m.query(
      `UPDATE discipline.outcome_notices SET status = $2, publish_at = $3, delayed = $4, sealed = $5, version = version + 1 WHERE id = $1 AND status <> 'published'`,
      [s.noticeId, s.status, s.publishAt, s.delay !== null, await this.sealed.seal(m, caseId, field(s.noticeId), s)],
    );
  }

  async markPublished(m: Tx, caseId: string, n: OutcomeNotice, notificationNoticeId: string, recipients: number): Promise<void> {
    const s = n.toSnapshot();
    await m.query(
      `UPDATE discipline.outcome_notices
          SET status = 'published', published_at = $2, public_facts = $3::jsonb, public_text = $4, notification_notice_id = $5, recipients = $6,
              sealed = $7, version = version + 1
        WHERE id = $1 AND status <> 'published'`,
      [s.noticeId, s.publishedAt, JSON.stringify(s.facts), n.render(), notificationNoticeId, recipients, await this.sealed.seal(m, caseId, field(s.noticeId), s)],
    );
  }

  async ofCase(m: Tx, caseId: string): Promise<OutcomeNotice[]> {
    const rows = await query<SealedRecordRow>(m, `SELECT id, case_id, sealed FROM discipline.outcome_notices WHERE case_id = $1 ORDER BY composed_at, id`, [caseId]);
    const out: OutcomeNotice[] = [];
    for (const r of rows) out.push(OutcomeNotice.fromSnapshot(await this.sealed.open<OutcomeNoticeSnapshot>(m, r.case_id, field(r.id), r.sealed)));
    return out;
  }

  async one(m: Tx, noticeId: string, forUpdate = false): Promise<{ caseId: string; notice: OutcomeNotice } | null> {
    const r = await maybeOne<SealedRecordRow>(m, `SELECT id, case_id, sealed FROM discipline.outcome_notices WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [noticeId]);
    if (!r) return null;
    return { caseId: r.case_id, notice: OutcomeNotice.fromSnapshot(await this.sealed.open<OutcomeNoticeSnapshot>(m, r.case_id, field(r.id), r.sealed)) };
  }

  async due(m: Tx, now: Date, limit: number): Promise<{ noticeId: string; caseId: string }[]> {
    const rows = await query<{ id: string; case_id: string }>(
      m,
      `SELECT id, case_id FROM discipline.outcome_notices WHERE status <> 'published' AND publish_at <= $1 ORDER BY publish_at, id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({ noticeId: r.id, caseId: r.case_id }));
  }

  async published(m: Tx, o: { limit: number; before?: { at: string; id: string } | null }): Promise<PublishedOutcome[]> {
    const rows = await query<PublishedRow>(
      m,
      `SELECT id, published_at, public_facts, public_text, recipients FROM discipline.outcome_notices
        WHERE status = 'published' AND ($1::timestamptz IS NULL OR (published_at, id) < ($1::timestamptz, $2::uuid))
        ORDER BY published_at DESC, id DESC LIMIT $3`,
      [o.before?.at ?? null, o.before?.id ?? null, o.limit],
    );
    return rows.map(toPublished);
  }

  async publishedOne(m: Tx, id: string): Promise<PublishedOutcome | null> {
    const r = await maybeOne<PublishedRow>(m, `SELECT id, published_at, public_facts, public_text, recipients FROM discipline.outcome_notices WHERE id = $1 AND status = 'published'`, [id]);
    return r ? toPublished(r) : null;
  }
}

/** A published notice's clear columns (the facts and text are told to every member once published). */
interface PublishedRow {
  id: string;
  published_at: Date;
  /** jsonb */
  public_facts: PublishedOutcome['facts'];
  public_text: string;
  recipients: number | null;
}

const toPublished = (r: PublishedRow): PublishedOutcome => ({
  id: r.id,
  publishedAt: iso(r.published_at) as string,
  facts: r.public_facts,
  text: r.public_text,
  recipients: r.recipients === null ? null : Number(r.recipients),
});
