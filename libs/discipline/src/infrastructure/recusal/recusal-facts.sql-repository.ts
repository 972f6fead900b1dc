import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BodyKind, BodyMandate, BranchPeriod, DeclaredRelationship, OtherOpenCase } from '../../domain';
import { RecusalFacts } from '../../application/ports/recusal-facts.port';
import { OPEN_STAGES } from '../case/case.sql-repository';

const RECUSAL_BODY_KINDS: readonly BodyKind[] = ['EC', 'CC', 'CCOM', 'APPEALS', 'ELECTIONS', 'BRANCH_COMMITTEE', 'STAFF'];
/** Member statuses under which a commissioner's mandate carries no authority (as identity says). */
const WITHOUT_AUTHORITY = ['suspended', 'expelled', 'resigned', 'declined', 'applicant'];

/**
 * The facts the recusal engine reasons from (S3), read through the discipline connection:
 * branch histories (membership), body mandates (identity), declared relationships and other
 * open cases (this context). Every query is by member id on an index, restricted to the people
 * concerned — never a scan of the register.
 */
@Injectable()
export class RecusalFactsSqlRepository implements RecusalFacts {
  /** Branch periods of these members that end after `since` (or are still running). */
  async branchHistory(m: EntityManager, memberIds: readonly string[], since: string | null = null): Promise<BranchPeriod[]> {
    if (memberIds.length === 0) return [];
    const rows = await m.query(
      `SELECT member_id, branch_id, from_date, to_date FROM membership.branch_periods
        WHERE member_id = ANY($1::uuid[]) AND ($2::date IS NULL OR to_date IS NULL OR to_date > $2::date)`,
      [[...new Set(memberIds)], since],
    );
    return rows.map((r: any) => ({ memberId: r.member_id, branchId: r.branch_id, from: dateOf(r.from_date), to: r.to_date === null ? null : dateOf(r.to_date) }));
  }

  /** Every mandate these members ever held (staff employment counts as a body; the national office too). */
  async mandates(m: EntityManager, memberIds: readonly string[]): Promise<BodyMandate[]> {
    if (memberIds.length === 0) return [];
    const rows = await m.query(
      `SELECT md.member_id, md.body_id, b.kind, md.starts_on, md.ends_on FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id
        WHERE md.member_id = ANY($1::uuid[])`,
      [[...new Set(memberIds)]],
    );
    return rows.map((r: any) => ({
      memberId: r.member_id,
      bodyId: r.body_id,
      bodyKind: (RECUSAL_BODY_KINDS.includes(r.kind) ? r.kind : 'STAFF') as BodyKind,
      from: dateOf(r.starts_on),
      to: r.ends_on === null ? null : dateOf(r.ends_on),
    }));
  }

  async relationships(m: EntityManager, memberIds: readonly string[]): Promise<DeclaredRelationship[]> {
    if (memberIds.length === 0) return [];
    const rows = await m.query(
      `SELECT member_id, other_member_id FROM discipline.declared_relationships WHERE member_id = ANY($1::uuid[]) OR other_member_id = ANY($1::uuid[])`,
      [[...new Set(memberIds)]],
    );
    return rows.map((r: any) => ({ a: r.member_id, b: r.other_member_id }));
  }

  /** Other open cases in which any of these members is a party or a witness, with who is involved there. */
  async otherOpenCases(m: EntityManager, caseId: string, memberIds: readonly string[]): Promise<OtherOpenCase[]> {
    if (memberIds.length === 0) return [];
    const rows = await m.query(
      `SELECT p.case_id, p.member_id, p.role FROM discipline.participants p JOIN discipline.cases c ON c.id = p.case_id
        WHERE c.id <> $1::uuid AND c.stage = ANY($3::text[]) AND p.member_id IS NOT NULL AND p.role IN ('complainant', 'respondent', 'witness')
          AND p.case_id IN (SELECT case_id FROM discipline.participants WHERE member_id = ANY($2::uuid[]) AND role IN ('complainant', 'respondent', 'witness'))`,
      [caseId, [...new Set(memberIds)], [...OPEN_STAGES]],
    );
    const byCase = new Map<string, { parties: string[]; witnesses: string[] }>();
    for (const r of rows) {
      const entry = byCase.get(r.case_id) ?? { parties: [], witnesses: [] };
      (r.role === 'witness' ? entry.witnesses : entry.parties).push(r.member_id);
      byCase.set(r.case_id, entry);
    }
    return [...byCase.entries()].map(([id, e]) => ({ caseId: id, parties: e.parties, witnesses: e.witnesses }));
  }

  /** Current commissioners, alternates and Appeals Committee members, in one query (for recusal). */
  async currentCandidates(m: EntityManager, on: string): Promise<{ memberId: string; kind: 'CCOM' | 'APPEALS'; role: string }[]> {
    const rows = await m.query(
      `SELECT DISTINCT ON (md.member_id, b.kind) md.member_id, b.kind, md.role
         FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id
         JOIN membership.members mb ON mb.id = md.member_id
        WHERE b.kind IN ('CCOM', 'APPEALS') AND b.branch_id IS NULL AND md.starts_on <= $1::date AND (md.ends_on IS NULL OR md.ends_on > $1::date)
          AND NOT (mb.status = ANY($2::text[]))
        ORDER BY md.member_id, b.kind, (md.role = 'alternate')`,
      [on, WITHOUT_AUTHORITY],
    );
    return rows.map((r: any) => ({ memberId: r.member_id, kind: r.kind, role: r.role }));
  }

  /**
   * Current members of a body kind on a date, whose membership gives their mandate authority
   * (CCOM: commissioners and alternates, role 'alternate' for the latter; APPEALS).
   */
  async currentBodyMembers(m: EntityManager, kind: 'CCOM' | 'APPEALS', on: string): Promise<{ memberId: string; role: string }[]> {
    const rows = await m.query(
      `SELECT DISTINCT ON (md.member_id) md.member_id, md.role
         FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id
         JOIN membership.members mb ON mb.id = md.member_id
        WHERE b.kind = $1 AND b.branch_id IS NULL AND md.starts_on <= $2::date AND (md.ends_on IS NULL OR md.ends_on > $2::date)
          AND NOT (mb.status = ANY($3::text[]))
        ORDER BY md.member_id, (md.role = 'alternate')`,
      [kind, on, WITHOUT_AUTHORITY],
    );
    return rows.map((r: any) => ({ memberId: r.member_id, role: r.role }));
  }
}

const dateOf = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));
