import type { EntityManager } from 'typeorm';

/**
 * One transaction on the disciplinary context's own connection (its own database role on real
 * PostgreSQL). Every use case runs in one: the audit entry, the outbox row and the restrictions
 * projection written inside it commit or roll back with the change.
 */
export abstract class DisciplineTransactions {
  abstract transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T>;
}
