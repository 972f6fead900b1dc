/**
 * SQL-first persistence (docs/adr/0009-sql-first-persistence.md): repositories receive a `Tx` and
 * run hand-written SQL through `query`, `one` and `maybeOne`, naming the shape of their rows.
 *
 *   interface FeedRow { notice_id: string; created_at: Date; read_at: Date | null }
 *   const rows = await query<FeedRow>(tx, `SELECT notice_id, created_at, read_at FROM … WHERE member_id = $1`, [memberId]);
 *
 * The Row interface states what the statement returns as the driver gives it: snake_case column
 * names; int8/numeric/count(*) as strings (cast with `::int` in SQL or `Number()`), `date` as
 * `YYYY-MM-DD` strings, timestamps as `Date`, jsonb parsed. The statement itself is checked
 * against the migrated schema by test/e2e/platform/sql-statements.e2e.spec.ts (the helpers'
 * second argument is found there like any `.query(…)`); the Row interface is the code's promise
 * about its columns, kept next to the statement.
 */

import type { Tx } from '@org/kernel';

/**
 * `Tx` (defined in the kernel, re-exported here) is the transaction a repository works in: the
 * `EntityManager` given to a `dataSource.transaction` callback (or a data source's manager,
 * outside one). Only its `query` and `queryRunner` are used, so code that takes a `Tx` depends on
 * no ORM. Pass it down: never open a second connection inside a transaction (on the embedded
 * database it waits forever).
 */
export type { Tx, TxRunner } from '@org/kernel';

/**
 * Rows of statement code that has not yet named its row shape. Code that adopts `query<Row>` names
 * its rows instead; this default exists only so that older call sites keep compiling.
 */
export type UntypedRow = any;

/**
 * The rows of a `.query(…)` result. TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * `[rows, affectedCount]` and every other statement with the rows; this gives the rows either way.
 */
export function rowsOf<Row = UntypedRow>(result: unknown): Row[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as Row[];
  if (Array.isArray(result)) return result as Row[];
  if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) return (result as { rows: Row[] }).rows;
  return [];
}

/** The statement's rows, typed. `params` fill `$1`, `$2`, … (never interpolate values into `sql`). */
export async function query<Row extends object>(tx: Tx, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  return rowsOf<Row>(await tx.query(sql, [...params]));
}

/** A statement that finds nothing or more than one row where exactly one was meant: a defect, not a user error. */
export class UnexpectedRowCount extends Error {
  constructor(
    readonly expected: 'one' | 'at most one',
    readonly got: number,
    sql: string,
  ) {
    super(`Expected ${expected} row, got ${got}, from: ${sql.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
    this.name = 'UnexpectedRowCount';
  }
}

/** Exactly one row (an INSERT … RETURNING, a count, a row known to exist); otherwise throws `UnexpectedRowCount`. */
export async function one<Row extends object>(tx: Tx, sql: string, params: readonly unknown[] = []): Promise<Row> {
  const rows = await query<Row>(tx, sql, params);
  if (rows.length !== 1) throw new UnexpectedRowCount('one', rows.length, sql);
  return rows[0];
}

/** The row, or null when there is none; more than one throws `UnexpectedRowCount`. */
export async function maybeOne<Row extends object>(tx: Tx, sql: string, params: readonly unknown[] = []): Promise<Row | null> {
  const rows = await query<Row>(tx, sql, params);
  if (rows.length > 1) throw new UnexpectedRowCount('at most one', rows.length, sql);
  return rows[0] ?? null;
}

/** Whether the code runs inside a transaction (to refuse a write that must commit with the change it records). */
export function inTransaction(tx: Tx): boolean {
  return tx.queryRunner?.isTransactionActive === true;
}
