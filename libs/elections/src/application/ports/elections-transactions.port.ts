import type { Tx } from '@org/platform';

/**
 * The elections context's way to its database, for every use case and query: none of them reaches
 * the data source (TypeORM) itself (docs/adr/0009-sql-first-persistence.md).
 *
 * `transaction` — one transaction: the audit entry, the outbox rows and the mandates written inside
 * it commit or roll back with the change. Pass its `Tx` down; never open a second connection inside
 * it (on the embedded database that waits forever).
 *
 * `manager` — statements each on their own, outside any transaction: for reads.
 *
 * `savepoint` — a step inside the caller's transaction that may fail on its own: its writes are
 * rolled back to the savepoint taken before it and its error rethrown, and the transaction goes on.
 */
export abstract class ElectionsTransactions {
  abstract transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  abstract get manager(): Tx;
  abstract savepoint<T>(tx: Tx, step: () => Promise<T>): Promise<T>;
}
