import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { SealedContentRepository, type SealedRow } from '../../application/ports/sealed-content.repository';
import { maybeOne, query } from '@org/platform';
export type { SealedRow };

/** `discipline.case_keys` (wrapped data keys) and `discipline.sealed_content` (ciphertext only). */
@Injectable()
export class SealedContentSqlRepository implements SealedContentRepository {
  async insertKey(m: Tx, caseId: string, wrapped: string, masterKeyId: string, at: Date): Promise<void> {
    await m.query(`INSERT INTO discipline.case_keys (case_id, wrapped_key, master_key_id, created_at) VALUES ($1, $2, $3, $4)`, [caseId, wrapped, masterKeyId, at]);
  }

  async wrappedKey(m: Tx, caseId: string): Promise<string | null> {
    const row = await maybeOne<{ wrapped_key: string }>(m, `SELECT wrapped_key FROM discipline.case_keys WHERE case_id = $1`, [caseId]);
    return row?.wrapped_key ?? null;
  }

  /** Wrapped keys not under `activeKeyId`, a batch at a time, locked for the rotation. */
  async keysToRewrap(m: Tx, activeKeyId: string, limit: number): Promise<{ caseId: string; wrapped: string }[]> {
    const rows = await query<{ case_id: string; wrapped_key: string }>(
      m,
      `SELECT case_id, wrapped_key FROM discipline.case_keys WHERE master_key_id <> $1 ORDER BY case_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [activeKeyId, limit],
    );
    return rows.map((r) => ({ caseId: r.case_id, wrapped: r.wrapped_key }));
  }

  async replaceKey(m: Tx, caseId: string, wrapped: string, masterKeyId: string, at: Date): Promise<void> {
    await m.query(`UPDATE discipline.case_keys SET wrapped_key = $2, master_key_id = $3, rewrapped_at = $4 WHERE case_id = $1`, [caseId, wrapped, masterKeyId, at]);
  }

  async insertSealed(m: Tx, row: SealedRow & { caseId: string; createdBy: string | null }, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO discipline.sealed_content (id, case_id, field, ciphertext, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, row.caseId, row.field, row.ciphertext, at, row.createdBy],
    );
  }

  async sealedRows(m: Tx, caseId: string, ids: readonly string[]): Promise<SealedRow[]> {
    if (ids.length === 0) return [];
    const rows = await query<{ id: string; field: string; ciphertext: string }>(m, `SELECT id, field, ciphertext FROM discipline.sealed_content WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, [...new Set(ids)]]);
    return rows.map((r) => ({ id: r.id, field: r.field, ciphertext: r.ciphertext }));
  }
}
