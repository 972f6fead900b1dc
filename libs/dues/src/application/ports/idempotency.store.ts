import type { EntityManager } from 'typeorm';

/** Stored answers to requests sent with an `Idempotency-Key`, so a retry returns the first answer. */
export abstract class IdempotencyStore {
  /** The stored response, or null; refuses a key reused with a different request. */
  abstract find(m: EntityManager, k: IdempotencyKey): Promise<unknown | null>;
  abstract save(m: EntityManager, k: IdempotencyKey, response: unknown, at: Date): Promise<void>;
}

export interface IdempotencyKey {
  key: string;
  actor: string;
  operation: string;
  requestSha256: string;
}
