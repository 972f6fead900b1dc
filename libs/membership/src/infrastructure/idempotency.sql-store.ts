import type { EntityManager } from 'typeorm';
import { DomainError } from '@org/kernel';
import { IdempotencyStore, type IdempotencyKey } from '../application/ports/idempotency.store';

/** `Idempotency-Key` answers, in a given schema's `idempotency_keys` table (provided with `useFactory`). */
export class IdempotencySqlStore extends IdempotencyStore {
  constructor(private readonly table = 'membership.idempotency_keys') {
    super();
  }

  async find(m: EntityManager, k: IdempotencyKey): Promise<unknown | null> {
    // Serialize concurrent retries of the same key.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${this.table}:${k.actor}:${k.operation}:${k.key}`]);
    const rows = await m.query(`SELECT request_sha256, response FROM ${this.table} WHERE actor = $1 AND operation = $2 AND key = $3`, [k.actor, k.operation, k.key]);
    if (!rows[0]) return null;
    if (rows[0].request_sha256 !== k.requestSha256) {
      throw new DomainError(
        'conflict',
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        { field: 'Idempotency-Key' },
      );
    }
    return rows[0].response;
  }

  async save(m: EntityManager, k: IdempotencyKey, response: unknown, at: Date): Promise<void> {
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
