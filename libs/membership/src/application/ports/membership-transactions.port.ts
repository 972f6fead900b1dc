import type { Tx } from '@org/platform';

/**
 * The membership context's way to its database, for every use case and query: none of them reaches
 * the data source (TypeORM) itself.
 *
 * `transaction` — one transaction: the audit entry and the outbox rows written inside it commit or
 * roll back with the change. Pass its `Tx` down; never open a second connection inside it.
 *
 * `manager` — statements each on their own, outside any transaction: for reads.
 */
export abstract class MembershipTransactions {
  abstract transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  abstract get manager(): Tx;
}
