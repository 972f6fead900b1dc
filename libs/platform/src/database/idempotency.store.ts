import type { Tx } from '@org/kernel';
import { query } from './sql';
import { DomainError } from '@org/kernel';

/** What identifies one `Idempotency-Key` request: the key, who sent it, for what, and a hash of its body. */
export interface IdempotencyKey {
  key: string;
  actor: string;
  operation: string;
  requestSha256: string;
}

/**
 * Stored answers to requests sent with an `Idempotency-Key`, so a retry returns the first answer.
 * The port a use case depends on; each context binds it to `IdempotencySqlStore` on its own table.
 */
export abstract class IdempotencyStore {
  /** The stored response, or null; refuses a key reused with a different request. Call it inside the transaction that will `save`. */
  abstract find(m: Tx, k: IdempotencyKey): Promise<unknown | null>;
  abstract save(m: Tx, k: IdempotencyKey, response: unknown, at: Date): Promise<void>;
}

const TABLE = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

/**
 * `Idempotency-Key` answers in a context's own `<schema>.idempotency_keys` table (columns `key`,
 * `actor`, `operation`, `request_sha256`, `response`, `created_at`). Concurrent retries of one key
 * are serialized by a transaction-scoped advisory lock; a key reused for another request is a 409
 * `idempotency_key_reused` naming the header.
 */
export class IdempotencySqlStore extends IdempotencyStore {
  constructor(private readonly table: string) {
    super();
    if (!TABLE.test(table)) throw new Error(`IdempotencySqlStore: "${table}" is not a schema-qualified table name`);
  }

  async find(m: Tx, k: IdempotencyKey): Promise<unknown | null> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${this.table}:${k.actor}:${k.operation}:${k.key}`]);
    const rows = await query<{ request_sha256: string; response: unknown }>(m, `SELECT request_sha256, response FROM ${this.table} WHERE actor = $1 AND operation = $2 AND key = $3`, [
      k.actor,
      k.operation,
      k.key,
    ]);
    if (!rows[0]) return null;
    if (rows[0].request_sha256 !== k.requestSha256) {
      throw new DomainError('conflict', 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.', {
        field: 'Idempotency-Key',
      });
    }
    return rows[0].response;
  }

  async save(m: Tx, k: IdempotencyKey, response: unknown, at: Date): Promise<void> {
    await m.query(`INSERT INTO ${this.table} (key, actor, operation, request_sha256, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      k.key,
      k.actor,
      k.operation,
      k.requestSha256,
      JSON.stringify(response),
      at,
    ]);
  }
}
