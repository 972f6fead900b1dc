import type { Tx } from '@org/platform';

/**
 * The dues context's way to its connection, for every use case, query and job of the context:
 * none of them reaches the data source itself (docs/adr/0009-sql-first-persistence.md).
 *
 * `transaction` — one transaction: the ledger's rows, the standing read model, the audit entry and
 * the idempotency record written inside it commit or roll back together.
 *
 * `manager` — statements each on their own, outside any transaction: only for reads (a member's
 * overview, a treasurer's lookup, the plans, the mappings, the recent standing runs).
 */
export abstract class DuesTransactions {
  abstract transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  abstract readonly manager: Tx;
}
