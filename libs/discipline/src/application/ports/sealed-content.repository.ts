import type { Tx } from '@org/platform';

export interface SealedRow {
  readonly id: string;
  readonly field: string;
  readonly ciphertext: string;
}

/** The case keys (wrapped under a master key) and the sealed content rows (S11): ciphertext only. */
export abstract class SealedContentRepository {
  abstract insertKey(m: Tx, caseId: string, wrapped: string, masterKeyId: string, at: Date): Promise<void>;
  abstract wrappedKey(m: Tx, caseId: string): Promise<string | null>;
  abstract keysToRewrap(m: Tx, activeKeyId: string, limit: number): Promise<{ caseId: string; wrapped: string }[]>;
  abstract replaceKey(m: Tx, caseId: string, wrapped: string, masterKeyId: string, at: Date): Promise<void>;
  abstract insertSealed(m: Tx, row: SealedRow & { caseId: string; createdBy: string | null }, at: Date): Promise<void>;
  abstract sealedRows(m: Tx, caseId: string, ids: readonly string[]): Promise<SealedRow[]>;
}
