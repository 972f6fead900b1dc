import type { Tx } from '@org/platform';

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
  abstract recentCount(m: Tx, email: string, since: Date): Promise<number>;
  abstract insert(m: Tx, row: { id: string; email: string; codeHash: string; createdAt: Date; expiresAt: Date }): Promise<void>;
  abstract lock(m: Tx, id: string): Promise<VerificationRow | null>;
  abstract countAttempt(m: Tx, id: string): Promise<void>;
  abstract confirm(m: Tx, id: string, at: Date, tokenHash: string, tokenExpiresAt: Date): Promise<void>;
  abstract emailForToken(m: Tx, tokenHash: string, at: Date): Promise<{ email: string; confirmedAt: Date } | null>;
}
