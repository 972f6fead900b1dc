import type { Tx } from '@org/platform';
import type { BodyKind, MandateRole } from '../../domain/body-kind';
import type { MandateView } from '../../domain/principal';
export interface SessionRow {
  sessionId: string;
  accountId: string;
  email: string;
  memberId: string | null;
  memberStatus: string | null;
  branchId: string | null;
  mandates: MandateView[];
}
export interface AccountRow {
  id: string;
  email: string;
  memberId: string | null;
  passwordHash: string | null;
  disabledAt: Date | null;
}
export interface MandateRow extends MandateView {
  memberId: string;
  sourceKind: 'election' | 'founding' | 'appointment';
  sourceRef: string;
}
/** Identity's tables (`identity.*`), read and written with plain SQL. */
export abstract class IdentityRepository {
  /** The member (or none) of each account signed in with this address (case-insensitive): no credentials. */
  abstract accountHoldersByEmail(m: Tx, email: string): Promise<{ memberId: string | null }[]>;
  /** How many bodies and accounts exist (the founding act runs on an empty database only). */
  abstract countBodiesAndAccounts(m: Tx): Promise<{ bodies: number; accounts: number }>;
  /** A member's mandates still running after `on` that started before it (those that can end on `on`). */
  abstract mandateIdsRunningPast(m: Tx, memberId: string, on: string): Promise<string[]>;
  /** One round trip: the live session, its account, member status and current mandates. */
  abstract findSession(m: Tx, tokenHash: string, now: Date): Promise<SessionRow | null>;
  abstract findAccountByEmail(m: Tx, email: string): Promise<AccountRow | null>;
  abstract createAccount(m: Tx, a: {
    email: string;
    memberId: string | null;
    passwordHash: string | null;
  }): Promise<string>;
  abstract createSession(m: Tx, accountId: string, tokenHash: string, expiresAt: Date): Promise<string>;
  abstract revokeSession(m: Tx, sessionId: string, now: Date): Promise<void>;
  abstract revokeAllSessions(m: Tx, accountId: string, now: Date): Promise<void>;
  abstract setPassword(m: Tx, accountId: string, hash: string): Promise<void>;
  abstract createPasswordReset(m: Tx, accountId: string, tokenHash: string, expiresAt: Date): Promise<void>;
  /** Marks a live reset token used and returns its account, or null. Locks the row. */
  abstract consumePasswordReset(m: Tx, tokenHash: string, now: Date): Promise<string | null>;
  abstract findBody(m: Tx, bodyId: string): Promise<{
    id: string;
    kind: BodyKind;
    name: string;
    branchId: string | null;
  } | null>;
  abstract listBodies(m: Tx): Promise<{
    id: string;
    kind: BodyKind;
    name: string;
    branchId: string | null;
    seats: number;
  }[]>;
  abstract createBody(m: Tx, b: {
    kind: BodyKind;
    name: string;
    branchId: string | null;
    seats: number;
  }): Promise<string>;
  /** Every mandate of a member, locked, so two concurrent creations cannot both pass S2. */
  abstract mandatesOfMemberForUpdate(m: Tx, memberId: string): Promise<MandateRow[]>;
  abstract mandatesOf(m: Tx, memberId: string): Promise<MandateRow[]>;
  abstract findMandate(m: Tx, id: string): Promise<MandateRow | null>;
  abstract insertMandate(m: Tx, x: {
    memberId: string;
    bodyId: string;
    role: MandateRole;
    startsOn: string;
    endsOn: string | null;
    sourceKind: string;
    sourceRef: string;
  }): Promise<string>;
  abstract endMandate(m: Tx, id: string, endsOn: string, reason: string): Promise<void>;
  abstract currentHolders(m: Tx, bodyKind: BodyKind, on: string): Promise<{
    memberId: string;
    role: MandateRole;
    mandateId: string;
  }[]>;
}
