import { Injectable } from '@nestjs/common';
import { query, type Tx } from '@org/platform';
import { Branch, normalizeBranchCode, type BranchSnapshot } from '../domain';
import { BranchRepository, type BranchListItem } from '../application/ports/branch.repository';

interface BranchRow {
  id: string;
  code: string;
  name: string;
  status: string;
  merged_into: string | null;
  founded_on: string;
  closed_on: string | null;
}

const toSnapshot = (r: BranchRow): BranchSnapshot => ({
  id: r.id,
  // Codes are compared case-insensitively; the domain's canonical form is upper case.
  code: normalizeBranchCode(r.code),
  name: r.name,
  status: r.status as BranchSnapshot['status'],
  createdOn: r.founded_on,
  mergedIntoBranchId: r.merged_into,
  endedOn: r.closed_on,
});

@Injectable()
export class BranchSqlRepository extends BranchRepository {
  async load(m: Tx, id: string, options: { lock?: boolean } = {}): Promise<Branch | null> {
    const rows = await query<BranchRow>(
      m,
      `SELECT id, code, name, status, merged_into, founded_on, closed_on FROM membership.branches WHERE id = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? Branch.fromSnapshot(toSnapshot(rows[0])) : null;
  }

  async insert(m: Tx, branch: Branch): Promise<void> {
    const s = branch.toSnapshot();
    await m.query(`INSERT INTO membership.branches (id, code, name, status, founded_on) VALUES ($1, $2, $3, $4, $5)`, [s.id, s.code, s.name, s.status, s.createdOn]);
  }

  async save(m: Tx, branch: Branch): Promise<void> {
    const s = branch.toSnapshot();
    await m.query(`UPDATE membership.branches SET name = $2, status = $3, merged_into = $4, closed_on = $5 WHERE id = $1`, [s.id, s.name, s.status, s.mergedIntoBranchId, s.endedOn]);
  }

  async codeInUse(m: Tx, code: string): Promise<boolean> {
    return (await query<{ found: number }>(m, `SELECT 1 AS found FROM membership.branches WHERE upper(code) = upper($1)`, [code])).length > 0;
  }

  async openMemberIds(m: Tx, branchId: string): Promise<string[]> {
    const rows = await query<{ member_id: string }>(m, `SELECT member_id FROM membership.branch_periods WHERE branch_id = $1 AND to_date IS NULL ORDER BY member_id`, [branchId]);
    return rows.map((r) => r.member_id);
  }

  async activeCodes(m: Tx, ids: readonly string[] | null): Promise<Map<string, string>> {
    const rows = await query<{ id: string; code: string }>(
      m,
      `SELECT id, upper(code) AS code FROM membership.branches WHERE status = 'active' AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))`,
      [ids],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  async list(m: Tx): Promise<BranchListItem[]> {
    const rows = await query<BranchRow>(m, `SELECT id, code, name, status, merged_into, founded_on, closed_on FROM membership.branches ORDER BY code`);
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, status: r.status, foundedOn: r.founded_on, mergedIntoBranchId: r.merged_into, endedOn: r.closed_on }));
  }
}
