import type { Tx } from '@org/platform';

/** A mandate: who, which body (and its kind, as identity names it), `[startsOn, endsOn)`. */
export interface HeldMandate {
  readonly memberId: string;
  readonly bodyId: string;
  readonly bodyKind: string;
  readonly startsOn: string;
  readonly endsOn: string | null;
}

/** Someone sitting on a national body on a date, with their role there. */
export interface NationalSeat {
  readonly memberId: string;
  readonly bodyKind: string;
  readonly role: string;
}

/**
 * What this context reads of mandates — bound by the composition to identity's published
 * `MandateRecordsFacade`, never read here by SQL. In the caller's transaction.
 */
export abstract class OfficeHolders {
  /** Every mandate these members ever held. */
  abstract ofMembers(m: Tx, memberIds: readonly string[]): Promise<readonly HeldMandate[]>;
  /**
   * Who sits on a national body of these kinds on `on`: one row per member and kind, a full seat
   * before an alternate's; ordered by member id, then kind. Member status is not considered.
   */
  abstract sittingOnNationalBodies(m: Tx, kinds: readonly string[], on: string): Promise<readonly NationalSeat[]>;
}
