import type { EntityManager } from 'typeorm';

export interface SealedRow {
  readonly id: string;
  readonly field: string;
  readonly ciphertext: string;
}

/** The case keys (wrapped under a master key) and the sealed content rows (S11): ciphertext only. */
export abstract class SealedContentRepository {
  abstract insertKey(m: EntityManager, caseId: string, wrapped: string, masterKeyId: string, at: Date): Promise<void>;
  abstract wrappedKey(m: EntityManager, caseId: string): Promise<string | null>;
  abstract keysToRewrap(m: EntityManager, activeKeyId: string, limit: number): Promise<{ caseId: string; wrapped: string }[]>;
  abstract replaceKey(m: EntityManager, caseId: string, wrapped: string, masterKeyId: string, at: Date): Promise<void>;
  abstract insertSealed(m: EntityManager, row: SealedRow & { caseId: string; createdBy: string | null }, at: Date): Promise<void>;
  abstract sealedRows(m: EntityManager, caseId: string, ids: readonly string[]): Promise<SealedRow[]>;
}
