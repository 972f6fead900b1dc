import type { Tx } from '@org/platform';

/**
 * The disciplinary context's way to its own connection (its own database role on real
 * PostgreSQL), for every use case, query and job of the context: none of them reaches the data
 * source itself.
 *
 * `transaction` — one transaction: the audit entry, the outbox row and the restrictions
 * projection written inside it commit or roll back with the change.
 *
 * `read` — statements each on their own, outside any transaction: only for a job's list of what
 * is due (each item then handled in its own `transaction`, which re-checks it under a lock) and
 * for reading records that never change once written (published outcome notices).
 */
export abstract class DisciplineTransactions {
  abstract transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  abstract read<T>(work: (db: Tx) => Promise<T>): Promise<T>;
}
