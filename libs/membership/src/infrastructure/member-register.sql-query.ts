import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { preparedQuery, query, type Tx } from '@org/platform';
import type { MemberSearchCriteria, MemberStatus } from '../domain';
import type { MemberLocation } from '../application/access-scope';
import {
  MemberRegisterQuery,
  type ExportRow,
  type MemberDetail,
  type MemberSummary,
  type RegisterAggregates,
  type SearchPage,
} from '../application/ports/member-register.query';
import { iso, toPeriod, toStatusEntry, type BranchPeriodRow, type StatusHistoryRow } from './member-row.mapper';

/** A `json` column: parsed by the driver (node-postgres, PGlite), or its text when a driver does not. */
const jsonRows = <T>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : (v as T[]));

const SUMMARY_COLUMNS = `m.id, m.register_number, m.first_name, m.last_name, m.email, m.phone, m.status, m.branch_id, b.code AS branch_code,
  m.application_branch_id, s.in_good_standing, m.sort_key`;

/** The columns of SUMMARY_COLUMNS (and of the search's page). */
interface SummaryRow {
  id: string;
  register_number: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  status: string;
  branch_id: string | null;
  branch_code: string | null;
  application_branch_id: string | null;
  in_good_standing: boolean | null;
  sort_key: string;
}

interface DetailRow extends SummaryRow {
  address: string | null;
  email_consent: boolean;
  email_consent_at: Date | null;
  applied_on: string;
  joined_on: string | null;
  /** Null only without a standing row (then `in_good_standing` is null too). */
  arrears_months: number;
  as_of: string | null;
  /** The status history and the branch periods, as JSON arrays of their rows. */
  status_history: unknown;
  branch_periods: unknown;
}

interface ExportMemberRow {
  id: string;
  sort_key: string;
  register_number: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  branch_code: string;
  joined_on: string;
  status: MemberStatus;
  email_consent: boolean | null;
}

const toSummary = (r: SummaryRow): MemberSummary => ({
  id: r.id,
  memberNumber: r.register_number,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  phone: r.phone,
  status: r.status as MemberStatus,
  branchId: r.branch_id,
  branchCode: r.branch_code,
  applicationBranchId: r.application_branch_id,
  inGoodStanding: r.in_good_standing ?? null,
});

const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Reads of the register. Standing comes from the dues context's published read model
 * `dues.standing` (one row per member, refreshed by the standing job): a read-only join, so
 * searching and counting by standing stay single indexed queries (see README).
 */
@Injectable()
export class MemberRegisterSqlQuery extends MemberRegisterQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async locate(m: Tx, id: string): Promise<MemberLocation | null> {
    const rows = await query<{ id: string; branch_id: string | null; application_branch_id: string | null; status: MemberStatus }>(
      m,
      `SELECT id, branch_id, application_branch_id, status FROM membership.members WHERE id = $1`,
      [id],
    );
    return rows[0] ? { id: rows[0].id, branchId: rows[0].branch_id, applicationBranchId: rows[0].application_branch_id, status: rows[0].status } : null;
  }

  /**
   * A member's record (also every member's own `GET /me/member`): one prepared statement, planned
   * once per connection, and one round trip — the status and branch histories come back as JSON
   * arrays of the same rows (in the same order) the mappers read.
   */
  async detail(id: string): Promise<MemberDetail | null> {
    const m = this.dataSource.manager;
    const rows = await preparedQuery<DetailRow>(
      m,
      `SELECT ${SUMMARY_COLUMNS}, m.address, m.email_consent, m.email_consent_at, m.applied_on, m.joined_on, s.arrears_months, s.as_of,
              COALESCE((SELECT json_agg(json_build_object('from_status', h.from_status, 'to_status', h.to_status, 'effective_on', h.effective_on,
                                 'changed_at', h.changed_at, 'changed_by', h.changed_by, 'source', h.source, 'reason', h.reason, 'ref', h.ref)
                                 ORDER BY h.effective_on, h.id)
                          FROM membership.status_history h WHERE h.member_id = m.id), '[]'::json) AS status_history,
              COALESCE((SELECT json_agg(json_build_object('branch_id', p.branch_id, 'from_date', p.from_date, 'to_date', p.to_date) ORDER BY p.from_date, p.id)
                          FROM membership.branch_periods p WHERE p.member_id = m.id), '[]'::json) AS branch_periods
         FROM membership.members m
         LEFT JOIN membership.branches b ON b.id = m.branch_id
         LEFT JOIN dues.standing s ON s.member_id = m.id
        WHERE m.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      ...toSummary(r),
      address: r.address,
      emailConsent: r.email_consent_at ? { given: r.email_consent, at: iso(r.email_consent_at) } : null,
      appliedOn: r.applied_on,
      joinedOn: r.joined_on,
      statusHistory: jsonRows<StatusHistoryRow>(r.status_history).map(toStatusEntry),
      branchHistory: jsonRows<BranchPeriodRow>(r.branch_periods).map(toPeriod),
      standing: r.in_good_standing === null || r.in_good_standing === undefined ? null : { inGoodStanding: r.in_good_standing, arrearsMonths: r.arrears_months, asOf: r.as_of },
    };
  }

  async search(m: Tx, c: MemberSearchCriteria): Promise<SearchPage> {
    if (c.isEmpty) return { items: [], nextCursor: null };
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (c.branchIds !== null) {
      const ids = p(c.branchIds);
      where.push(`(m.branch_id = ANY(${ids}::uuid[]) OR m.application_branch_id = ANY(${ids}::uuid[]))`);
    }
    if (c.statuses !== null) where.push(`m.status = ANY(${p(c.statuses)}::text[])`);
    if (c.name !== null) {
      // "first last first" holds both name orders, so one LIKE (and one trigram index) covers "Ana Lopez" and "Lopez Ana".
      where.push(`lower(m.first_name || ' ' || m.last_name || ' ' || m.first_name) LIKE ${p(likePattern(c.name))}`);
    }
    if (c.email !== null) where.push(`lower(m.email) LIKE ${p(likePattern(c.email))}`);
    if (c.standing === 'good') where.push(`EXISTS (SELECT 1 FROM dues.standing s WHERE s.member_id = m.id AND s.in_good_standing)`);
    if (c.standing === 'not-good') where.push(`NOT EXISTS (SELECT 1 FROM dues.standing s WHERE s.member_id = m.id AND s.in_good_standing)`);
    if (c.after) where.push(`(m.sort_key, m.id) > (${p(c.after.sortKey)}, ${p(c.after.id)}::uuid)`);
    // With a substring of 3+ characters the trigram indexes find the matches; sorting them is
    // then cheaper than walking the name index until 50 match (names cluster: every "Garcia" sits
    // late in the alphabet). `|| ''` keeps the planner from choosing that walk.
    const textFilter = (c.name?.length ?? 0) >= 3 || (c.email?.length ?? 0) >= 3;
    // The page is chosen first; branch code and standing are then looked up for its rows only.
    const sql = `SELECT p.*, b.code AS branch_code, (SELECT s.in_good_standing FROM dues.standing s WHERE s.member_id = p.id) AS in_good_standing
                   FROM (SELECT m.id, m.register_number, m.first_name, m.last_name, m.email, m.phone, m.status, m.branch_id, m.application_branch_id, m.sort_key
                           FROM membership.members m
                          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                          ORDER BY ${textFilter ? `(m.sort_key || '')` : 'm.sort_key'}, m.id
                          LIMIT ${p(c.pageSize)}) p
                   LEFT JOIN membership.branches b ON b.id = p.branch_id
                  ORDER BY p.sort_key, p.id`;
    const rows = await query<SummaryRow>(m, sql, params);
    const last = rows[rows.length - 1];
    return { items: rows.map(toSummary), nextCursor: c.nextCursor(last ? { sortKey: last.sort_key, id: last.id } : undefined, rows.length) };
  }

  async aggregates(m: Tx, branchIds: readonly string[] | null): Promise<RegisterAggregates> {
    const rows = await query<{ branch_id: string | null; code: string | null; name: string | null; status: string; good: boolean | null; n: string }>(
      m,
      `SELECT coalesce(m.branch_id, m.application_branch_id) AS branch_id, b.code, b.name, m.status, s.in_good_standing AS good, count(*) AS n
         FROM membership.members m
         LEFT JOIN membership.branches b ON b.id = coalesce(m.branch_id, m.application_branch_id)
         LEFT JOIN dues.standing s ON s.member_id = m.id
        WHERE ($1::uuid[] IS NULL OR coalesce(m.branch_id, m.application_branch_id) = ANY($1::uuid[]))
        GROUP BY 1, 2, 3, 4, 5`,
      [branchIds],
    );
    const out: RegisterAggregates = { total: 0, byStatus: {}, byStanding: { inGoodStanding: 0, notInGoodStanding: 0, notComputed: 0 }, byBranch: [] };
    const branches = new Map<string, RegisterAggregates['byBranch'][number]>();
    for (const r of rows) {
      const n = Number(r.n);
      out.total += n;
      out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + n;
      if (r.good === true) out.byStanding.inGoodStanding += n;
      else if (r.good === false) out.byStanding.notInGoodStanding += n;
      else out.byStanding.notComputed += n;
      if (r.branch_id && r.code) {
        let b = branches.get(r.branch_id);
        if (!b) branches.set(r.branch_id, (b = { branchId: r.branch_id, code: r.code, name: r.name ?? '', total: 0, byStatus: {}, inGoodStanding: 0 }));
        b.total += n;
        b.byStatus[r.status] = (b.byStatus[r.status] ?? 0) + n;
        if (r.good === true) b.inGoodStanding += n;
      }
    }
    out.byBranch = [...branches.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return out;
  }

  async *exportRows(m: Tx, branchIds: readonly string[] | null): AsyncGenerator<ExportRow[]> {
    let after: { sortKey: string; id: string } | null = null;
    for (;;) {
      const rows: ExportMemberRow[] = await query<ExportMemberRow>(
        m,
        `SELECT m.id, m.sort_key, m.register_number, m.first_name, m.last_name, m.email, m.phone, m.address, b.code AS branch_code,
                coalesce(m.joined_on, m.applied_on) AS joined_on, m.status, CASE WHEN m.email_consent_at IS NULL THEN NULL ELSE m.email_consent END AS email_consent
           FROM membership.members m
           JOIN membership.branches b ON b.id = coalesce(m.branch_id, m.application_branch_id)
          WHERE m.status IN ('applicant', 'active', 'lapsed', 'suspended')
            AND ($1::uuid[] IS NULL OR m.branch_id = ANY($1::uuid[]) OR m.application_branch_id = ANY($1::uuid[]))
            AND ($2::text IS NULL OR (m.sort_key, m.id) > ($2::text, $3::uuid))
          ORDER BY m.sort_key, m.id LIMIT 5000`,
        [branchIds, after?.sortKey ?? null, after?.id ?? null],
      );
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        memberNumber: r.register_number,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        phone: r.phone,
        address: r.address,
        branchCode: r.branch_code,
        joinedOn: r.joined_on,
        status: r.status,
        emailConsent: r.email_consent,
      }));
      const last = rows[rows.length - 1];
      after = { sortKey: last.sort_key, id: last.id };
      if (rows.length < 5000) return;
    }
  }

  async activeMemberOfBranch(m: Tx, memberId: string, branchId: string): Promise<boolean> {
    const rows = await query<{ found: number }>(m, `SELECT 1 AS found FROM membership.members WHERE id = $1 AND branch_id = $2 AND status = 'active'`, [memberId, branchId]);
    return rows.length > 0;
  }
}
