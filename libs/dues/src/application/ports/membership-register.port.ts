import type { Tx } from '@org/platform';
import type { MemberDirectory, MembershipStatus, StatusChange } from '../../domain';

export interface RegisteredMember {
  id: string;
  memberNumber: string;
  branchId: string | null;
  status: MembershipStatus;
}

/** A member as a treasurer looks them up: names, no contact details. */
export interface RegisteredPerson extends RegisteredMember {
  firstName: string;
  lastName: string;
}

/** Contact details, for a caller who may see them (see `TreasurerLookupUseCase`). */
export interface RegisteredContact {
  email: string | null;
  phone: string | null;
  address: string | null;
}

/**
 * What the dues context needs from the membership register. Implemented by the membership
 * context (its `MembershipRegisterFacade`) and bound in the app's composition root. Every method
 * runs in the caller's transaction.
 */
export abstract class MembershipRegisterPort {
  abstract member(m: Tx, memberId: string): Promise<RegisteredMember | null>;
  /** Members in id order after `after` (keyset), of some branches only when given. */
  abstract page(m: Tx, after: string | null, limit: number, branchIds: readonly string[] | null): Promise<RegisteredMember[]>;
  /** Each member's status history, oldest first (the dues domain's `StatusChange`). */
  abstract statusHistories(m: Tx, memberIds: readonly string[]): Promise<Map<string, StatusChange[]>>;
  /** Current members of these branches (all when null) by member number and e-mail, for matching bank references. */
  abstract directory(m: Tx, branchIds: readonly string[] | null): Promise<MemberDirectory>;
  /**
   * Members of these branches (all when null) whose member number is `text` or whose name
   * contains it (either order, any case), by name; at most `limit`. No contact details.
   */
  abstract lookup(m: Tx, text: string, branchIds: readonly string[] | null, limit: number): Promise<RegisteredPerson[]>;
  abstract person(m: Tx, memberId: string): Promise<RegisteredPerson | null>;
  /** Contact details of these members; asked only for members whose details the caller may see. */
  abstract contactDetails(m: Tx, memberIds: readonly string[]): Promise<Map<string, RegisteredContact>>;
  /** The standing job's outcome, applied through the member aggregate: lapse and reinstate. */
  abstract applyStanding(
    m: Tx,
    decisions: { lapse: readonly string[]; reinstate: readonly string[] },
    moment: { on: string; at: string },
  ): Promise<{ lapsed: string[]; reinstated: string[]; skipped: string[] }>;
}
