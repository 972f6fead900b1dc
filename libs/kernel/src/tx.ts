/**
 * The transaction a port or repository works in, as the kernel sees it: something that runs a
 * statement, and says whether a transaction is active. TypeORM's `EntityManager` (given to a
 * `dataSource.transaction` callback) is one; the kernel names no ORM. `@org/platform` re-exports
 * these with the typed helpers (`query<Row>`, `one`, `maybeOne`) that run SQL through a `Tx`.
 * Pass it down: a second connection inside a transaction waits forever on the embedded database.
 */
export interface TxRunner {
  readonly isTransactionActive: boolean;
  readonly isReleased: boolean;
  /** Per-transaction data (e.g. the outbox marks a transaction that wrote to it). */
  data: Record<string, unknown>;
}

export interface Tx {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
  readonly queryRunner?: TxRunner;
}
