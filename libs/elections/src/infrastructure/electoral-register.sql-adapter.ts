import { Injectable } from '@nestjs/common';
import { maybeOne, one, type Tx } from '@org/platform';
import type { DelegateAllocation } from '../domain';
import { ElectoralRegister, type RegisterMember, type RollSummary } from '../application/ports/electoral-register.port';

/**
 * Reads the membership register's tables (read-only, set-based). The membership context's public
 * API (`@org/membership`) does not expose rolls or apportionments yet, so this adapter reads
 * `membership.electoral_rolls`, `roll_entries` and `apportionments` directly; when they are
 * missing (the membership migration not applied), a roll or apportionment is simply not found.
 */
@Injectable()
export class ElectoralRegisterSqlAdapter extends ElectoralRegister {
  async member(m: Tx, memberId: string): Promise<RegisterMember | null> {
    const r = await maybeOne<{ id: string; status: string; branch_id: string | null; first_name: string; last_name: string }>(
      m,
      `SELECT id, status, branch_id, first_name, last_name FROM membership.members WHERE id = $1`,
      [memberId],
    );
    return r ? { id: r.id, status: r.status, branchId: r.branch_id, displayName: `${r.first_name} ${r.last_name}`.trim() } : null;
  }

  private async hasTable(m: Tx, name: string): Promise<boolean> {
    const r = await one<{ present: boolean }>(m, `SELECT to_regclass($1) IS NOT NULL AS present`, [name]);
    return Boolean(r.present);
  }

  async roll(m: Tx, rollId: string): Promise<RollSummary | null> {
    if (!(await this.hasTable(m, 'membership.electoral_rolls'))) return null;
    const r = await maybeOne<{ id: string; scope_kind: 'organization' | 'branch'; branch_id: string | null; as_of: string }>(
      m,
      `SELECT id, scope_kind, branch_id, as_of FROM membership.electoral_rolls WHERE id = $1`,
      [rollId],
    );
    if (!r) return null;
    return { id: r.id, scope: r.scope_kind === 'branch' ? { kind: 'branch', branchId: r.branch_id as string } : { kind: 'organization' }, asOf: r.as_of };
  }

  async copyRoll(m: Tx, electionId: string, rollId: string, branchId: string | null): Promise<number> {
    const r = await one<{ n: number }>(
      m,
      `WITH ins AS (
         INSERT INTO elections.electors (election_id, member_id, branch_id)
         SELECT $1::uuid, member_id, branch_id FROM membership.roll_entries WHERE roll_id = $2::uuid AND ($3::uuid IS NULL OR branch_id = $3::uuid)
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [electionId, rollId, branchId],
    );
    return Number(r.n);
  }

  /**
   * E4, set-based: status on the date = the last status change effective on or before it
   * ('active'); the branch = the period covering the date; standing = the dues context's current
   * verdict where it has one. Restrictions are not set-based: they are checked at each cast.
   */
  async freeze(m: Tx, electionId: string, asOf: string, branchId: string | null): Promise<number> {
    const r = await one<{ n: number }>(
      m,
      `WITH st AS (
         SELECT DISTINCT ON (member_id) member_id, to_status FROM membership.status_history
          WHERE effective_on <= $2::date ORDER BY member_id, effective_on DESC, id DESC),
       ins AS (
         INSERT INTO elections.electors (election_id, member_id, branch_id)
         SELECT $1::uuid, st.member_id, bp.branch_id
           FROM st
           JOIN membership.branch_periods bp ON bp.member_id = st.member_id AND bp.from_date <= $2::date AND (bp.to_date IS NULL OR bp.to_date > $2::date)
           LEFT JOIN dues.standing ds ON ds.member_id = st.member_id
          WHERE st.to_status = 'active' AND COALESCE(ds.in_good_standing, true) AND ($3::uuid IS NULL OR bp.branch_id = $3::uuid)
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [electionId, asOf, branchId],
    );
    return Number(r.n);
  }

  async apportionment(m: Tx, apportionmentId: string): Promise<{ id: string; rollId: string; allocations: DelegateAllocation[] } | null> {
    if (!(await this.hasTable(m, 'membership.apportionments'))) return null;
    const r = await maybeOne<{ id: string; roll_id: string; allocations: { branchId: string; seats: number }[] | string }>(
      m,
      `SELECT id, roll_id, allocations FROM membership.apportionments WHERE id = $1`,
      [apportionmentId],
    );
    if (!r) return null;
    const raw = (typeof r.allocations === 'string' ? JSON.parse(r.allocations) : r.allocations) as { branchId: string; seats: number }[];
    return { id: r.id, rollId: r.roll_id, allocations: raw.map((a) => ({ branchId: a.branchId, seats: Number(a.seats) })) };
  }
}
