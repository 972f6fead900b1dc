import type { EntityManager } from 'typeorm';
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
  abstract accountHoldersByEmail(m: EntityManager, email: string): Promise<{ memberId: string | null }[]>;
  /** How many bodies and accounts exist (the founding act runs on an empty database only). */
  abstract countBodiesAndAccounts(m: EntityManager): Promise<{ bodies: number; accounts: number }>;
  /** A member's mandates still running after `on` that started before it (those that can end on `on`). */
  abstract mandateIdsRunningPast(m: EntityManager, memberId: string, on: string): Promise<string[]>;
  /** One round trip: the live session, its account, member status and current mandates. */
  abstract findSession(m: EntityManager, tokenHash: string, now: Date): Promise<SessionRow | null>;
  abstract findAccountByEmail(m: EntityManager, email: string): Promise<AccountRow | null>;
  abstract createAccount(m: EntityManager, a: {
    email: string;
    memberId: string | null;
    passwordHash: string | null;
  }): Promise<string>;
  abstract createSession(m: EntityManager, accountId: string, tokenHash: string, expiresAt: Date): Promise<string>;
  abstract revokeSession(m: EntityManager, sessionId: string, now: Date): Promise<void>;
  abstract revokeAllSessions(m: EntityManager, accountId: string, now: Date): Promise<void>;
  abstract setPassword(m: EntityManager, accountId: string, hash: string): Promise<void>;
  abstract createPasswordReset(m: EntityManager, accountId: string, tokenHash: string, expiresAt: Date): Promise<void>;
  /** Marks a live reset token used and returns its account, or null. Locks the row. */
  abstract consumePasswordReset(m: EntityManager, tokenHash: string, now: Date): Promise<string | null>;
  abstract findBody(m: EntityManager, bodyId: string): Promise<{
    id: string;
    kind: BodyKind;
    name: string;
    branchId: string | null;
  } | null>;
  abstract listBodies(m: EntityManager): Promise<{
    id: string;
    kind: BodyKind;
    name: string;
    branchId: string | null;
    seats: number;
  }[]>;
  abstract createBody(m: EntityManager, b: {
    kind: BodyKind;
    name: string;
    branchId: string | null;
    seats: number;
  }): Promise<string>;
  /** Every mandate of a member, locked, so two concurrent creations cannot both pass S2. */
  abstract mandatesOfMemberForUpdate(m: EntityManager, memberId: string): Promise<MandateRow[]>;
  abstract mandatesOf(m: EntityManager, memberId: string): Promise<MandateRow[]>;
  abstract findMandate(m: EntityManager, id: string): Promise<MandateRow | null>;
  abstract insertMandate(m: EntityManager, x: {
    memberId: string;
    bodyId: string;
    role: MandateRole;
    startsOn: string;
    endsOn: string | null;
    sourceKind: string;
    sourceRef: string;
  }): Promise<string>;
  abstract endMandate(m: EntityManager, id: string, endsOn: string, reason: string): Promise<void>;
  abstract currentHolders(m: EntityManager, bodyKind: BodyKind, on: string): Promise<{
    memberId: string;
    role: MandateRole;
    mandateId: string;
  }[]>;
}
