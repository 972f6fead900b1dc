import type { EntityManager } from 'typeorm';

export interface VerificationRow {
  id: string;
  email: string;
  codeHash: string;
  attempts: number;
  expiresAt: Date;
  confirmedAt: Date | null;
}

/** A non-member's address confirmations: the code and the token, stored as hashes only. */
export abstract class EmailVerificationRepository {
  abstract recentCount(m: EntityManager, email: string, since: Date): Promise<number>;
  abstract insert(m: EntityManager, row: { id: string; email: string; codeHash: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  abstract lock(m: EntityManager, id: string): Promise<VerificationRow | null>;
  abstract countAttempt(m: EntityManager, id: string): Promise<void>;
  abstract confirm(m: EntityManager, id: string, at: Date, tokenHash: string, tokenExpiresAt: Date): Promise<void>;
  abstract emailForToken(m: EntityManager, tokenHash: string, at: Date): Promise<{ email: string; confirmedAt: Date } | null>;
}
