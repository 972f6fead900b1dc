/**
 * `npm run sql:check`: the statement check of test/e2e/platform/sql-statements.e2e.spec.ts on its
 * own — every SQL statement in libs/ and apps/ prepared on a scratch database migrated from
 * migrations/ (the server of DATABASE_URL, else embedded), and the allow-list of dynamic
 * statements reviewed. Exit 1 naming each failure's file:line and PostgreSQL's error.
 */
import 'reflect-metadata';
import * as path from 'node:path';
import { withMigratedDatabase } from './persistence/migrated-schema';
import { formatFailures, prepareStatements } from './persistence/prepare-statements';
import { readAllowList, reviewAllowList } from './persistence/sql-check';
import { extractSql } from './persistence/sql-statements';

async function main(): Promise<void> {
  const sites = extractSql(path.resolve(__dirname, '..'));
  const review = reviewAllowList(sites, readAllowList());
  const { where, report } = await withMigratedDatabase(async (db, where) => ({ where, report: await prepareStatements(db, sites) }));
  let failed = false;
  if (report.failures.length) {
    failed = true;
    console.error(`${report.failures.length} statement(s) do not prepare on the migrated schema (${where}):\n\n${formatFailures(report.failures)}\n`);
  }
  if (review.unlisted.length) {
    failed = true;
    console.error(`SQL built at run time that the check cannot prepare: make it static, or list it with a reason in scripts/persistence/dynamic-sql.allow.json:\n${review.unlisted.join('\n')}\n`);
  }
  if (review.stale.length) {
    failed = true;
    console.error(`Stale entries in scripts/persistence/dynamic-sql.allow.json: ${review.stale.map((e) => `${e.file} (${e.within})`).join(', ')}\n`);
  }
  if (failed) process.exit(1);
  console.log(`${report.prepared} statements from ${report.sites} call sites prepare on ${where}; ${review.allowed.length} call sites built at run time are allow-listed.`);
}

main().catch((e) => {
  console.error(`sql:check failed: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
