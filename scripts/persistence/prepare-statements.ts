/**
 * Prepares every statement found by `extractSql` on a migrated database, so PostgreSQL parses,
 * resolves every table, column, function and operator, and infers every `$n` — without running
 * it. Each statement is prepared inside a savepoint of one transaction that is rolled back at the
 * end. `LOCK`, `SET` and `ANALYZE` (which PREPARE does not take) run inside their savepoint instead, which is
 * harmless since the transaction is rolled back. A savepoint taken, released or rolled back to inside
 * the caller's transaction is checked by its exact shape (one plain name).
 */
import type { SqlSite } from './sql-statements';

/** The part of a TypeORM QueryRunner (or a pg client) this needs. */
export interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

export interface StatementFailure {
  file: string;
  line: number;
  within: string;
  statement: string;
  /** PostgreSQL's message, with its detail/hint, and the statement's line where it points. */
  error: string;
}

export interface PrepareReport {
  /** Call sites whose statement was resolved. */
  sites: number;
  /** Statements prepared (a site with `a ? 'x' : 'y'` has several). */
  prepared: number;
  failures: StatementFailure[];
}

const PREPARABLE = /^(SELECT|INSERT|UPDATE|DELETE|WITH|VALUES|MERGE|TABLE)\b/i;
const RUNNABLE = /^(LOCK|SET|ANALYZE)\b/i;
/** A savepoint inside the caller's transaction: checked by its exact shape, as the check's own savepoints cannot run it. */
const SAVEPOINT_CONTROL = /^(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT) [a-z_][a-z0-9_]*;?\s*$/i;
const PREFIX = 'PREPARE commons_sql_check AS ';

const leadingComments = /^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/;

function describeError(e: unknown, statement: string, offset: number): string {
  const err = e as { message?: string; detail?: string; hint?: string; position?: string; driverError?: { position?: string; detail?: string; hint?: string } };
  const src = err.driverError ?? err;
  const parts = [err.message ?? String(e)];
  if (src.detail) parts.push(`detail: ${src.detail}`);
  if (src.hint) parts.push(`hint: ${src.hint}`);
  const pos = Number(src.position);
  if (Number.isFinite(pos) && pos > offset) {
    const at = pos - 1 - offset;
    const lineStart = statement.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = statement.indexOf('\n', at);
    const line = statement.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    parts.push(`at: ${line.trim()}\n        ${' '.repeat(Math.max(0, at - lineStart - (line.length - line.trimStart().length)))}^`);
  }
  return parts.join('\n    ');
}

export async function prepareStatements(runner: SqlRunner, sites: SqlSite[]): Promise<PrepareReport> {
  const failures: StatementFailure[] = [];
  let prepared = 0;
  let resolved = 0;
  await runner.query('BEGIN');
  try {
    for (const site of sites) {
      if (!site.texts) continue;
      resolved++;
      for (const text of site.texts) {
        const body = text.replace(leadingComments, '');
        const fail = (error: string): void => {
          failures.push({ file: site.file, line: site.line, within: site.within, statement: text, error });
        };
        if (SAVEPOINT_CONTROL.test(body)) {
          prepared++;
          continue;
        }
        if (!PREPARABLE.test(body) && !RUNNABLE.test(body)) {
          fail(`not a statement this check can verify (${body.split(/\s/)[0]}): prepare it in another way or allow-list the site`);
          continue;
        }
        if (RUNNABLE.test(body) && /\$\d/.test(body)) {
          fail('a LOCK/SET/ANALYZE with parameters cannot be checked');
          continue;
        }
        await runner.query('SAVEPOINT commons_sql_check');
        try {
          if (PREPARABLE.test(body)) {
            await runner.query(PREFIX + body);
            await runner.query('DEALLOCATE commons_sql_check');
          } else {
            await runner.query(body);
          }
          await runner.query('RELEASE SAVEPOINT commons_sql_check');
          prepared++;
        } catch (e) {
          await runner.query('ROLLBACK TO SAVEPOINT commons_sql_check');
          fail(describeError(e, body, PREPARABLE.test(body) ? PREFIX.length : 0));
        }
      }
    }
  } finally {
    await runner.query('ROLLBACK');
  }
  return { sites: resolved, prepared, failures };
}

/** One readable block per failure: `file:line (within): error` and the statement. */
export function formatFailures(failures: StatementFailure[]): string {
  return failures
    .map((f) => `${f.file}:${f.line} (${f.within}): ${f.error}\n  statement: ${f.statement.replace(/\s+/g, ' ').trim().slice(0, 400)}`)
    .join('\n\n');
}
