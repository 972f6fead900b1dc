import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { MatchGroup, type MatchGroupSnapshot } from '../../domain/matching/match-group.entity';
import { maybeOne, query } from '@org/platform';
import { MatchGroupRepository } from '../../application/ports/match-group.repository';

/** jsonb, parsed by the driver. */
interface MatchGroupRow {
  snapshot: MatchGroupSnapshot;
}

/**
 * Match groups (S10), keyed by the HMAC of a respondent's member id. The snapshot holds ids,
 * kinds and dates only — never a name or any free text.
 */
@Injectable()
export class MatchGroupSqlRepository implements MatchGroupRepository {
  async load(m: Tx, respondentHash: string): Promise<MatchGroup | null> {
    const r = await maybeOne<MatchGroupRow>(m, `SELECT snapshot FROM discipline.match_groups WHERE respondent_hash = $1 FOR UPDATE`, [respondentHash]);
    return r ? MatchGroup.fromSnapshot(r.snapshot) : null;
  }

  async save(m: Tx, g: MatchGroup, keyId: string, at: string): Promise<void> {
    await m.query(
      `INSERT INTO discipline.match_groups (respondent_hash, matching_key_id, snapshot, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (respondent_hash) DO UPDATE SET snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at, version = discipline.match_groups.version + 1`,
      [g.respondentHash, keyId, JSON.stringify(g.toSnapshot()), at],
    );
  }

  /** Groups holding a report of this case. */
  async groupsOfCase(m: Tx, caseId: string, forUpdate = false): Promise<MatchGroup[]> {
    const rows = await query<MatchGroupRow>(
      m,
      `SELECT snapshot FROM discipline.match_groups WHERE snapshot->'reports' @> $1::jsonb ORDER BY respondent_hash${forUpdate ? ' FOR UPDATE' : ''}`,
      [JSON.stringify([{ caseId }])],
    );
    return rows.map((r) => MatchGroup.fromSnapshot(r.snapshot));
  }

  /** Cases not indexed yet, oldest first (from the case table, in this context's schema). */
  async unindexedCaseIds(m: Tx, limit: number): Promise<string[]> {
    const rows = await query<{ id: string }>(
      m,
      `SELECT c.id FROM discipline.cases c WHERE NOT EXISTS (SELECT 1 FROM discipline.match_indexed_cases i WHERE i.case_id = c.id)
        ORDER BY c.received_at, c.id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async isIndexed(m: Tx, caseId: string): Promise<boolean> {
    return (await query<{ indexed: number }>(m, `SELECT 1 AS indexed FROM discipline.match_indexed_cases WHERE case_id = $1`, [caseId])).length > 0;
  }

  async markIndexed(m: Tx, caseId: string, at: string): Promise<boolean> {
    const rows = await query<{ case_id: string }>(m, `INSERT INTO discipline.match_indexed_cases (case_id, indexed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING case_id`, [caseId, at]);
    return rows.length > 0;
  }
}
