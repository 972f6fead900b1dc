import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';
import type { ApportionmentResult, RollScope } from '../domain';
import { ElectoralRollRepository, type FrozenRoll, type RollCandidateRow } from '../application/ports/electoral-roll.repository';
import { iso } from './member-row.mapper';

/** A row of membership.electoral_rolls. */
interface RollRow {
  id: string;
  scope_kind: 'organization' | 'branch';
  branch_id: string | null;
  as_of: string;
  label: string | null;
  entry_count: number;
  frozen_at: Date;
  frozen_by: string | null;
}

const ROLL_COLUMNS = `id, scope_kind, branch_id, as_of, label, entry_count, frozen_at, frozen_by`;

const toRoll = (r: RollRow): FrozenRoll => ({
  id: r.id,
  scope: r.scope_kind === 'branch' && r.branch_id !== null ? { kind: 'branch', branchId: r.branch_id } : { kind: 'organization' },
  asOf: r.as_of,
  label: r.label,
  entryCount: r.entry_count,
  frozenAt: iso(r.frozen_at),
  frozenBy: r.frozen_by,
});

/**
 * Frozen rolls. Candidates are found set-based: the status in force on the date is the last
 * status change dated on or before it, the branch is the period covering it (half-open).
 */
@Injectable()
export class ElectoralRollSqlRepository extends ElectoralRollRepository {
  async candidates(m: Tx, asOf: string, scope: RollScope): Promise<RollCandidateRow[]> {
    const rows =
      scope.kind === 'organization'
        ? await query<{ member_id: string; branch_id: string }>(
            m,
            `WITH st AS (
               SELECT DISTINCT ON (member_id) member_id, to_status
                 FROM membership.status_history WHERE effective_on <= $1::date
                ORDER BY member_id, effective_on DESC, id DESC)
             SELECT st.member_id, bp.branch_id
               FROM st JOIN membership.branch_periods bp
                 ON bp.member_id = st.member_id AND bp.from_date <= $1::date AND (bp.to_date IS NULL OR bp.to_date > $1::date)
              WHERE st.to_status = 'active'`,
            [asOf],
          )
        : await query<{ member_id: string; branch_id: string }>(
            m,
            `SELECT bp.member_id, bp.branch_id
               FROM membership.branch_periods bp
              WHERE bp.branch_id = $2 AND bp.from_date <= $1::date AND (bp.to_date IS NULL OR bp.to_date > $1::date)
                AND (SELECT sh.to_status FROM membership.status_history sh
                      WHERE sh.member_id = bp.member_id AND sh.effective_on <= $1::date
                      ORDER BY sh.effective_on DESC, sh.id DESC LIMIT 1) = 'active'`,
            [asOf, scope.branchId],
          );
    return rows.map((r) => ({ memberId: r.member_id, branchId: r.branch_id }));
  }

  async freeze(m: Tx, roll: Omit<FrozenRoll, 'entryCount'>, entries: { memberIds: string[]; branchIds: string[] }): Promise<number> {
    await m.query(
      `INSERT INTO membership.electoral_rolls (id, scope_kind, branch_id, as_of, label, frozen_at, frozen_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [roll.id, roll.scope.kind, roll.scope.kind === 'branch' ? roll.scope.branchId : null, roll.asOf, roll.label, roll.frozenAt, roll.frozenBy],
    );
    let count = 0;
    const chunk = 50_000;
    for (let i = 0; i < entries.memberIds.length; i += chunk) {
      const res = await m.query(
        `INSERT INTO membership.roll_entries (roll_id, member_id, branch_id) SELECT $1, * FROM unnest($2::uuid[], $3::uuid[])`,
        [roll.id, entries.memberIds.slice(i, i + chunk), entries.branchIds.slice(i, i + chunk)],
      );
      void res;
      count += Math.min(chunk, entries.memberIds.length - i);
    }
    await m.query(`UPDATE membership.electoral_rolls SET entry_count = $2 WHERE id = $1`, [roll.id, count]);
    return count;
  }

  async load(m: Tx, id: string): Promise<FrozenRoll | null> {
    const rows = await query<RollRow>(m, `SELECT ${ROLL_COLUMNS} FROM membership.electoral_rolls WHERE id = $1`, [id]);
    return rows[0] ? toRoll(rows[0]) : null;
  }

  async list(m: Tx): Promise<FrozenRoll[]> {
    return (await query<RollRow>(m, `SELECT ${ROLL_COLUMNS} FROM membership.electoral_rolls ORDER BY frozen_at DESC LIMIT 200`)).map(toRoll);
  }

  async sizesByBranch(m: Tx, rollId: string): Promise<Array<{ branchId: string; code: string; rollSize: number }>> {
    const rows = await query<{ branch_id: string; code: string; n: number }>(
      m,
      `SELECT e.branch_id, b.code, count(*)::int AS n FROM membership.roll_entries e JOIN membership.branches b ON b.id = e.branch_id
        WHERE e.roll_id = $1 GROUP BY e.branch_id, b.code ORDER BY b.code`,
      [rollId],
    );
    return rows.map((r) => ({ branchId: r.branch_id, code: r.code, rollSize: Number(r.n) }));
  }

  async saveApportionment(m: Tx, a: { id: string; rollId: string; result: ApportionmentResult; createdAt: string; createdBy: string | null }): Promise<void> {
    await m.query(
      `INSERT INTO membership.apportionments (id, roll_id, method, seats, minimum_per_branch, allocations, tie, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.id, a.rollId, a.result.method, a.result.seats, a.result.minimumPerBranch, JSON.stringify(a.result.allocations), a.result.tie ? JSON.stringify(a.result.tie) : null, a.createdAt, a.createdBy],
    );
  }
}
