import type { Tx } from '@org/kernel';

/** One transaction on the caucuses context's own connection (its own role on real PostgreSQL). */
export abstract class CaucusTransactions {
  abstract transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}
