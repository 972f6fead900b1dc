import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/kernel';
import { maybeOne, query } from '@org/platform';
import type { ContributionAuthor } from '../../domain/bulletin';
import { BulletinRepository, type BulletinRecord, type ContributionKey, type ContributionRecord } from '../../application/bulletin/bulletin.repository';

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

interface BulletinRow {
  congress_id: string;
  opens_at: Date;
  closes_at: Date;
  max_words: number;
  set_by: string;
  set_at: Date;
}

interface ContributionRow {
  id: string;
  congress_id: string;
  author_kind: 'member' | 'caucus';
  author_ref: string;
  title: string;
  text: string;
  words: number;
  published_at: Date;
  withdrawn_at: Date | null;
}

const CONTRIBUTION_COLUMNS = 'id, congress_id, author_kind, author_ref, title, text, words, published_at, withdrawn_at';

const toBulletin = (r: BulletinRow): BulletinRecord => ({ congressId: r.congress_id, opensAt: iso(r.opens_at), closesAt: iso(r.closes_at), maxWords: r.max_words, setBy: r.set_by, setAt: iso(r.set_at) });

const toContribution = (r: ContributionRow): ContributionRecord => ({
  id: r.id,
  congressId: r.congress_id,
  author: r.author_kind === 'member' ? { kind: 'member', memberId: r.author_ref } : { kind: 'caucus', caucusId: r.author_ref },
  title: r.title,
  text: r.text,
  words: r.words,
  publishedAt: iso(r.published_at),
  withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
});

const refOf = (a: ContributionAuthor): string => (a.kind === 'member' ? a.memberId : a.caucusId);

/** The bulletin's tables in plain SQL (docs/adr/0009-sql-first-persistence.md). */
@Injectable()
export class BulletinSqlRepository extends BulletinRepository {
  async bulletin(tx: Tx, congressId: string, forUpdate = false): Promise<BulletinRecord | null> {
    const r = forUpdate
      ? await maybeOne<BulletinRow>(tx, `SELECT congress_id, opens_at, closes_at, max_words, set_by, set_at FROM congress_floor.bulletins WHERE congress_id = $1 FOR UPDATE`, [congressId])
      : await maybeOne<BulletinRow>(tx, `SELECT congress_id, opens_at, closes_at, max_words, set_by, set_at FROM congress_floor.bulletins WHERE congress_id = $1`, [congressId]);
    return r ? toBulletin(r) : null;
  }

  async insertBulletin(tx: Tx, b: BulletinRecord): Promise<void> {
    await query(tx, `INSERT INTO congress_floor.bulletins (congress_id, opens_at, closes_at, max_words, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      b.congressId,
      b.opensAt,
      b.closesAt,
      b.maxWords,
      b.setBy,
      b.setAt,
    ]);
  }

  async contributions(tx: Tx, congressId: string): Promise<ContributionRecord[]> {
    return (
      await query<ContributionRow>(tx, `SELECT ${CONTRIBUTION_COLUMNS} FROM congress_floor.contributions WHERE congress_id = $1 ORDER BY published_at, id`, [congressId])
    ).map(toContribution);
  }

  async contribution(tx: Tx, id: string, forUpdate = false): Promise<ContributionRecord | null> {
    const r = forUpdate
      ? await maybeOne<ContributionRow>(tx, `SELECT ${CONTRIBUTION_COLUMNS} FROM congress_floor.contributions WHERE id = $1 FOR UPDATE`, [id])
      : await maybeOne<ContributionRow>(tx, `SELECT ${CONTRIBUTION_COLUMNS} FROM congress_floor.contributions WHERE id = $1`, [id]);
    return r ? toContribution(r) : null;
  }

  async byKey(tx: Tx, congressId: string, author: ContributionAuthor, keySha256: string): Promise<{ id: string; requestSha256: string } | null> {
    await query(tx, `SELECT pg_advisory_xact_lock(hashtext($1)) AS locked`, [`congress_floor.contributions:${congressId}:${author.kind}:${keySha256}`]);
    const r = await maybeOne<{ id: string; request_sha256: string }>(
      tx,
      `SELECT id, request_sha256 FROM congress_floor.contributions WHERE congress_id = $1 AND author_kind = $2 AND author_ref = $3 AND idempotency_sha256 = $4`,
      [congressId, author.kind, refOf(author), keySha256],
    );
    return r ? { id: r.id, requestSha256: r.request_sha256 } : null;
  }

  async insertContribution(tx: Tx, c: ContributionRecord, key: ContributionKey | null): Promise<void> {
    await query(
      tx,
      `INSERT INTO congress_floor.contributions (id, congress_id, author_kind, author_ref, title, text, words, published_at, idempotency_sha256, request_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [c.id, c.congressId, c.author.kind, refOf(c.author), c.title, c.text, c.words, c.publishedAt, key?.keySha256 ?? null, key?.requestSha256 ?? null],
    );
  }

  async markWithdrawn(tx: Tx, id: string, at: string): Promise<void> {
    await query(tx, `UPDATE congress_floor.contributions SET withdrawn_at = $2 WHERE id = $1`, [id, at]);
  }
}
