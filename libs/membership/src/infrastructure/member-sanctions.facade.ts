import { Injectable } from '@nestjs/common';
import { maybeOne, type Tx } from '@org/platform';

/** The statuses a Control Commission sanction sets, or returns to when a suspension ends. */
export type SanctionedStatus = 'suspended' | 'expelled' | 'active';

/**
 * How a final disciplinary sanction changes the register (bound by the composition to the
 * disciplinary context's port), always inside the caller's transaction, on this context's own
 * tables: the member's status and its history entry (`source 'sanction'`, an opaque `ref` —
 * never a case), and the branch period an expulsion closes. Idempotent: asked twice, it changes
 * the register once.
 */
@Injectable()
export class MemberSanctionsFacade {
  /**
   * Sets the member's status with a history entry, unless it is already that status (or an
   * expelled member would be "suspended"). Returns the status it changed from, or null when
   * nothing changed (no such member included).
   */
  async changeStatus(m: Tx, memberId: string, to: SanctionedStatus, o: { ref: string; at: Date }): Promise<string | null> {
    const member = await maybeOne<{ status: string }>(m, `SELECT status FROM membership.members WHERE id = $1 FOR UPDATE`, [memberId]);
    if (!member || member.status === to) return null;
    if (to === 'suspended' && member.status === 'expelled') return null;
    await m.query(`UPDATE membership.members SET status = $2, updated_at = $3, version = version + 1 WHERE id = $1`, [memberId, to, o.at]);
    await m.query(
      `INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, changed_by, reason, source, ref)
       VALUES ($1, $2, $3, $4, $5, NULL, NULL, 'sanction', $6)`,
      [memberId, member.status, to, o.at, o.at.toISOString().slice(0, 10), o.ref],
    );
    return member.status;
  }

  /** A suspension's end: the member is active again if (and only if) they are still suspended. */
  async endSuspension(m: Tx, memberId: string, o: { ref: string; at: Date }): Promise<boolean> {
    const member = await maybeOne<{ status: string }>(m, `SELECT status FROM membership.members WHERE id = $1 FOR UPDATE`, [memberId]);
    if (member?.status !== 'suspended') return false;
    return (await this.changeStatus(m, memberId, 'active', o)) !== null;
  }

  /** An expulsion closes the member's open branch period on `on` (a period that began that day stays). */
  async closeBranchPeriod(m: Tx, memberId: string, on: string): Promise<void> {
    await m.query(`UPDATE membership.branch_periods SET to_date = $2::date WHERE member_id = $1 AND to_date IS NULL AND from_date < $2::date`, [memberId, on]);
  }
}
