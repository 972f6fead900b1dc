import type { Tx } from '@org/platform';

/**
 * How a final sanction reaches the contexts that own a member's standing and offices — bound by
 * the composition to the membership and identity contexts' services, which change their own
 * tables. Always called inside the transaction that makes the finding final (or lifts the
 * sanction), so the effects commit or roll back with it: applied exactly once. Each call is
 * idempotent too (asked again, it changes nothing). What it carries says what changes and an
 * opaque reference — never a case or a reason.
 */
export abstract class MemberSanctions {
  /**
   * The member's status becomes `suspended` or `expelled` (history entry with `source 'sanction'`
   * and `ref`); an expulsion also ends every session and open invitation of the member's account
   * and closes their open branch period on the day.
   */
  abstract standingChanged(m: Tx, e: { memberId: string; standing: 'suspended' | 'expelled'; ref: string; at: Date }): Promise<void>;
  /** A suspension ended: the member is active again if they are still suspended. Whether anything changed. */
  abstract suspensionEnded(m: Tx, e: { memberId: string; ref: string; at: Date }): Promise<boolean>;
  /** Every mandate of the member still running on `on` (and begun before it) ends on `on`. How many ended. */
  abstract mandatesEnded(m: Tx, e: { memberId: string; on: string; reason: string }): Promise<number>;
}
