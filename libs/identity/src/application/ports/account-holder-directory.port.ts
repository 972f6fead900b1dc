import type { Tx } from '@org/platform';

/** A member as identity needs to know them to invite them (bound by the app to the membership register). */
export interface AccountHolder {
  memberId: string;
  memberNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  status: string;
  /** Their current branch, or the branch they applied to. */
  branchId: string | null;
}

/** What identity reads from the membership register (it never reads membership tables itself). */
export abstract class AccountHolderDirectory {
  abstract holder(m: Tx, memberId: string): Promise<AccountHolder | null>;
  /** Several holders at once (an import's invitations, batch by batch). */
  abstract holders(m: Tx, memberIds: readonly string[]): Promise<Map<string, AccountHolder>>;
  abstract holderByNumber(m: Tx, memberNumber: string): Promise<AccountHolder | null>;
  /** Display names ("First Last") of these members. */
  abstract names(m: Tx, memberIds: readonly string[]): Promise<Map<string, string>>;
  /** Current members (active, lapsed, suspended) of these branches (all when null), with their branch. */
  abstract currentMembers(m: Tx, branchIds: readonly string[] | null): Promise<Array<{ memberId: string; branchId: string | null; name: string; memberNumber: string }>>;
  /** A confirmed change of the member's own e-mail address, recorded in the register as the member's edit. */
  abstract changeEmail(m: Tx, memberId: string, email: string): Promise<void>;
}
