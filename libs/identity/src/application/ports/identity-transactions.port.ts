import type { Tx } from '@org/platform';

/**
 * The identity context's way to its connection, for every service and controller of the context:
 * none of them reaches the data source itself (docs/adr/0009-sql-first-persistence.md).
 *
 * `transaction` — one transaction: an account, its session or invitation, the outbox message and
 * the audit entry written inside it commit or roll back together.
 *
 * `manager` — statements each on their own, outside any transaction: only for reads (a session on
 * each request, an account by address, the public bodies, a code of conduct).
 */
export abstract class IdentityTransactions {
  abstract transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  abstract readonly manager: Tx;
}
