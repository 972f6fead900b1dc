import { Injectable } from '@nestjs/common';
import { Clock, query, type Tx } from '@org/platform';
import { CONFIDENTIAL_RESTRICTION_MESSAGE, DomainError, RestrictionsPort, type RejoinCandidate, type Restriction } from '@org/kernel';
import { MembershipErrorCode, precheckedRestriction, type RestrictionCheck, type RestrictionVerdict } from '../domain';

/**
 * Asks the restrictions port (S5, S13) before any assignment to a branch or meeting, and hands
 * the domain the verdict as a synchronous `RestrictionCheck`. Always through the caller's
 * transaction (the embedded database has one connection). A member is blocked from a branch
 * when someone they are separated from is in that branch on the date. The port says *that*,
 * never why.
 */
@Injectable()
export class RestrictionGate {
  constructor(
    private readonly restrictions: RestrictionsPort,
    private readonly clock: Clock,
  ) {}

  async verdict(m: Tx, memberIds: readonly string[], branchId: string, date: string): Promise<RestrictionVerdict> {
    const at = this.clock.now();
    const separated = new Set<string>();
    for (const id of memberIds) for (const other of await this.restrictions.separatedFrom(id, at, m)) separated.add(other);
    for (const id of memberIds) separated.delete(id);
    if (separated.size === 0) return { blocked: false };
    const rows = await query<{ found: number }>(
      m,
      `SELECT 1 AS found FROM membership.branch_periods
        WHERE branch_id = $1 AND member_id = ANY($2::uuid[]) AND from_date <= $3::date AND (to_date IS NULL OR to_date > $3::date) LIMIT 1`,
      [branchId, [...separated], date],
    );
    return { blocked: rows.length > 0 };
  }

  /** The check the domain will call with exactly these arguments. */
  async checkFor(m: Tx, memberIds: readonly string[], branchId: string, date: string): Promise<RestrictionCheck> {
    return precheckedRestriction(memberIds, branchId, date, await this.verdict(m, memberIds, branchId, date));
  }

  /** S13: whether the Control Commission has confirmed the member may move without reasons or approval. */
  mayTransferProtected(m: Tx, memberId: string): Promise<boolean> {
    return this.restrictions.hasProtectedTransferRight(memberId, this.clock.now(), m);
  }

  /**
   * S9: of these expelled records, those still waiting for a Control Commission readmission
   * decision. One question per record — only the few whose e-mail an application or import row
   * carries; a port that cannot answer counts as "still waiting" (fails closed).
   */
  async awaitingReadmission(m: Tx, expelledMemberIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const id of new Set(expelledMemberIds)) if (await this.restrictions.readmissionRequired(id, m)) out.add(id);
    return out;
  }

  /**
   * S9 by identity: whether each person (raw values: name, and e-mail, date of birth, phone or
   * address when known) is recognised as someone who may rejoin only by a Control Commission
   * readmission decision. One question for a whole import. The disciplinary side normalizes and
   * hashes; this context never sees a hash, a key, or who matched.
   */
  rejoinHeld(m: Tx, candidates: readonly RejoinCandidate[]): Promise<boolean[]> {
    return this.restrictions.rejoinHeld(candidates, m);
  }

  /** S5: what the member may not do now (never why) — for a domain rule to decide on, e.g. a meeting's speakers' list. */
  currentRestrictions(m: Tx, memberId: string): Promise<Restriction[]> {
    return this.restrictions.restrictionsFor(memberId, this.clock.now(), m);
  }

  /** S5: a member under `no_hosting` cannot host a meeting. */
  async assertMayHost(m: Tx, memberId: string): Promise<void> {
    const current = await this.restrictions.restrictionsFor(memberId, this.clock.now(), m);
    if (current.some((r) => r.kind === 'no_hosting')) {
      throw new DomainError('conflict', MembershipErrorCode.blockedByRestriction, CONFIDENTIAL_RESTRICTION_MESSAGE);
    }
  }
}
