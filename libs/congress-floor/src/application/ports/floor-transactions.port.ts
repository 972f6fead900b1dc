import type { Tx } from '@org/platform';

/**
 * The congress floor's way to its connection, for every use case: none of them reaches the data
 * source itself (docs/adr/0009-sql-first-persistence.md).
 *
 * `transaction` — one transaction: the audit entry, the outbox rows and the live event's record
 * written inside it commit or roll back with the change.
 *
 * `manager` — statements each on their own, outside any transaction: for reads that show the
 * floor as it stands (a view, the minutes).
 */
export abstract class FloorTransactions {
  abstract transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  abstract get manager(): Tx;
}
