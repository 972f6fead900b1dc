import type { Tx } from '@org/platform';
import type { InvitationKind } from '../../domain/invitation';
export interface AccountForInvitation {
  accountId: string;
  memberId: string;
  email: string | null;
  hasPassword: boolean;
  disabled: boolean;
}
/** A queued invitation just issued (`secret` and `email` set) or withdrawn (both null). */
export interface IssuedFromQueue {
  id: string;
  memberId: string;
  batchRef: string | null;
  /** Whether the member has an account at all (without one there is no welcome either). */
  hasAccount: boolean;
  email: string | null;
  secret: string | null;
}
export interface LiveInvitation {
  id: string;
  accountId: string;
  memberId: string;
  kind: InvitationKind;
  failedAttempts: number;
}
/** Identity's accounts-and-invitations tables (`identity.accounts`, `invitations`, `email_changes`, code of conduct). */
export abstract class MemberAccountsRepository {
  /**
   * Brings the planner's statistics of the invitation queue and the accounts up to date (in the
   * caller's transaction, so its own new rows count): right after a large import, stale
   * statistics describe an almost empty queue and every claim would sort all of it.
   */
  abstract refreshStatistics(m: Tx): Promise<void>;
  /**
   * One account per member, created without a password. An address already used by another
   * account is not taken over: that member's account is created without an address. Existing
   * accounts are left as they are (a retry creates nothing). Returns the accounts of these members.
   */
  abstract ensureAccounts(m: Tx, members: ReadonlyArray<{
    memberId: string;
    email: string | null;
  }>): Promise<AccountForInvitation[]>;
  abstract accountOfMember(m: Tx, memberId: string): Promise<AccountForInvitation | null>;
  abstract accountByEmail(m: Tx, email: string): Promise<AccountForInvitation | null>;
  /** Replaces every earlier live invitation of these accounts (they stop working). */
  abstract replaceLive(m: Tx, accountIds: readonly string[]): Promise<void>;
  abstract insertIssued(m: Tx, x: {
    accountId: string;
    memberId: string;
    kind: InvitationKind;
    secretHash: string;
    at: Date;
    expiresAt: Date;
    batchRef: string | null;
  }): Promise<string>;
  /** Invitations written later, in batches, by the invitation dispatch (large imports). */
  abstract insertQueued(m: Tx, accounts: ReadonlyArray<{
    accountId: string;
    memberId: string;
  }>, batchRef: string, at: Date): Promise<number>;
  /**
   * Issues up to `limit` of the oldest queued invitations in one statement (rows locked by another
   * dispatcher are skipped): each with an address to write to, no password yet and not disabled
   * gets a fresh secret (≥ 128 bits from a CSPRNG, only its hash stored); the others are withdrawn.
   * The secrets are returned, once, for the e-mails.
   */
  abstract issueNextQueued(m: Tx, limit: number, at: Date, expiresAt: Date, batchRef?: string | null): Promise<IssuedFromQueue[]>;
  abstract withdrawMany(m: Tx, ids: readonly string[]): Promise<void>;
  /** A live, unexpired invitation by its secret's hash, locked. */
  abstract liveBySecret(m: Tx, secretHash: string, kind: InvitationKind, now: Date): Promise<LiveInvitation | null>;
  /** The member's live letter invitation, locked (for counting wrong codes). */
  abstract liveLetterOf(m: Tx, memberId: string, now: Date): Promise<LiveInvitation | null>;
  abstract countFailure(m: Tx, id: string, max: number): Promise<void>;
  abstract markUsed(m: Tx, id: string, now: Date): Promise<boolean>;
  /** Accounts of these members: every session revoked, every live invitation withdrawn. */
  abstract revokeAccess(m: Tx, memberIds: readonly string[], now: Date): Promise<number>;
  abstract insertBatch(m: Tx, batchRef: string, requestedBy: string | null, members: number, at: Date): Promise<void>;
  abstract batch(m: Tx, batchRef: string): Promise<{
    requestedBy: string | null;
    members: number;
    createdAt: Date;
  } | null>;
  abstract batchCounts(m: Tx, batchRef: string): Promise<{
    total: number;
    queued: number;
    withdrawn: number;
  }>;
  abstract insertEmailChange(m: Tx, accountId: string, newEmail: string, tokenHash: string, at: Date, expiresAt: Date): Promise<void>;
  abstract consumeEmailChange(m: Tx, tokenHash: string, now: Date): Promise<{
    accountId: string;
    newEmail: string;
  } | null>;
  abstract emailTaken(m: Tx, email: string, exceptAccountId: string): Promise<boolean>;
  abstract accountById(m: Tx, accountId: string): Promise<{
    id: string;
    memberId: string | null;
    email: string | null;
  } | null>;
  abstract setEmail(m: Tx, accountId: string, email: string, now: Date): Promise<void>;
  abstract currentCode(m: Tx): Promise<{
    version: number;
    title: string;
    body: string;
    publishedAt: Date;
  } | null>;
  abstract publishCode(m: Tx, x: {
    title: string;
    body: string;
    at: Date;
    by: string | null;
  }): Promise<number>;
  abstract codeVersionExists(m: Tx, version: number): Promise<boolean>;
  /** Records the acknowledgement once; returns when it was first given. */
  abstract acknowledge(m: Tx, memberId: string, version: number, at: Date): Promise<{
    at: Date;
    first: boolean;
  }>;
  abstract acknowledgedOn(m: Tx, memberId: string, version: number): Promise<Date | null>;
  abstract acknowledgersOf(m: Tx, version: number): Promise<Set<string>>;
}
