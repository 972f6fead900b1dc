import type { EntityManager } from 'typeorm';
import { DomainError } from '@org/kernel';
import { IdempotencyStore, type IdempotencyKey } from '../application/ports/idempotency.store';

/** `Idempotency-Key` answers in dues.idempotency_keys. */
export class DuesIdempotencySqlStore extends IdempotencyStore {
  async find(m: EntityManager, k: IdempotencyKey): Promise<unknown | null> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`dues.idempotency:${k.actor}:${k.operation}:${k.key}`]);
    const rows = await m.query(`SELECT request_sha256, response FROM dues.idempotency_keys WHERE actor = $1 AND operation = $2 AND key = $3`, [k.actor, k.operation, k.key]);
    if (!rows[0]) return null;
    if (rows[0].request_sha256 !== k.requestSha256) {
      throw new DomainError('conflict', 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.', { field: 'Idempotency-Key' });
    }
    return rows[0].response;
  }

  async save(m: EntityManager, k: IdempotencyKey, response: unknown, at: Date): Promise<void> {
    await m.query(`INSERT INTO dues.idempotency_keys (key, actor, operation, request_sha256, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      k.key,
      k.actor,
      k.operation,
      k.requestSha256,
      JSON.stringify(response),
      at,
    ]);
  }
}
