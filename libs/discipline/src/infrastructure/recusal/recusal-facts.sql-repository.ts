import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import type { BodyKind, BodyMandate, BranchPeriod, DeclaredRelationship, OtherOpenCase } from '../../domain';
import { RecusalFacts } from '../../application/ports/recusal-facts.port';
import { MemberRegister } from '../../application/ports/member-register.port';
import { OfficeHolders } from '../../application/ports/office-holders.port';
import { OPEN_STAGES } from '../case/case.sql-repository';
import { query } from '@org/platform';

const RECUSAL_BODY_KINDS: readonly BodyKind[] = ['EC', 'CC', 'CCOM', 'APPEALS', 'ELECTIONS', 'BRANCH_COMMITTEE', 'STAFF'];
/** Member statuses under which a commissioner's mandate carries no authority (as identity says). */
const WITHOUT_AUTHORITY = ['suspended', 'expelled', 'resigned', 'declined', 'applicant'];

/**
 * The facts the recusal engine reasons from (S3): branch histories (membership's register,
 * through the `MemberRegister` port), body mandates (identity, through the `OfficeHolders`
 * port), declared relationships and other open cases (this context's own tables). All in the
 * caller's transaction. Every question is by member id, restricted to the people concerned —
 * never a scan of the register.
 */
@Injectable()
export class RecusalFactsSqlRepository implements RecusalFacts {
  constructor(
    private readonly register: MemberRegister,
    private readonly offices: OfficeHolders,
  ) {}

  /** Branch periods of these members that end after `since` (or are still running). */
  async branchHistory(m: Tx, memberIds: readonly string[], since: string | null = null): Promise<BranchPeriod[]> {
    if (memberIds.length === 0) return [];
    const stays = await this.register.branchStays(m, [...new Set(memberIds)], since);
    return stays.map((r) => ({ memberId: r.memberId, branchId: r.branchId, from: r.from, to: r.to }));
  }

  /** Every mandate these members ever held (staff employment counts as a body; the national office too). */
  async mandates(m: Tx, memberIds: readonly string[]): Promise<BodyMandate[]> {
    if (memberIds.length === 0) return [];
    const held = await this.offices.ofMembers(m, [...new Set(memberIds)]);
    return held.map((r) => ({
      memberId: r.memberId,
      bodyId: r.bodyId,
      bodyKind: (RECUSAL_BODY_KINDS.includes(r.bodyKind as BodyKind) ? r.bodyKind : 'STAFF') as BodyKind,
      from: r.startsOn,
      to: r.endsOn,
    }));
  }

  async relationships(m: Tx, memberIds: readonly string[]): Promise<DeclaredRelationship[]> {
    if (memberIds.length === 0) return [];
    const rows = await query<{ member_id: string; other_member_id: string }>(
      m,
      `SELECT member_id, other_member_id FROM discipline.declared_relationships WHERE member_id = ANY($1::uuid[]) OR other_member_id = ANY($1::uuid[])`,
      [[...new Set(memberIds)]],
    );
    return rows.map((r) => ({ a: r.member_id, b: r.other_member_id }));
  }

  /** Other open cases in which any of these members is a party or a witness, with who is involved there. */
  async otherOpenCases(m: Tx, caseId: string, memberIds: readonly string[]): Promise<OtherOpenCase[]> {
    if (memberIds.length === 0) return [];
    const rows = await query<{ case_id: string; member_id: string; role: 'complainant' | 'respondent' | 'witness' }>(
      m,
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

  /** Current commissioners, alternates and Appeals Committee members (for recusal). */
  async currentCandidates(m: Tx, on: string): Promise<{ memberId: string; kind: 'CCOM' | 'APPEALS'; role: string }[]> {
    const seats = await this.withAuthority(m, await this.offices.sittingOnNationalBodies(m, ['CCOM', 'APPEALS'], on));
    return seats.map((r) => ({ memberId: r.memberId, kind: r.bodyKind as 'CCOM' | 'APPEALS', role: r.role }));
  }

  /**
   * Current members of a body kind on a date, whose membership gives their mandate authority
   * (CCOM: commissioners and alternates, role 'alternate' for the latter; APPEALS).
   */
  async currentBodyMembers(m: Tx, kind: 'CCOM' | 'APPEALS', on: string): Promise<{ memberId: string; role: string }[]> {
    const seats = await this.withAuthority(m, await this.offices.sittingOnNationalBodies(m, [kind], on));
    return seats.map((r) => ({ memberId: r.memberId, role: r.role }));
  }

  /** The seats whose holder is on the register with a status that gives a mandate authority. */
  private async withAuthority<T extends { memberId: string }>(m: Tx, seats: readonly T[]): Promise<T[]> {
    if (seats.length === 0) return [];
    const people = await this.register.people(m, [...new Set(seats.map((s) => s.memberId))]);
    const withAuthority = new Set(people.filter((p) => !WITHOUT_AUTHORITY.includes(p.status)).map((p) => p.id));
    return seats.filter((s) => withAuthority.has(s.memberId));
  }
}
