/**
 * `npm run schema:check`: migrates a scratch database (on the PostgreSQL server of DATABASE_URL,
 * else the embedded one), describes the schema it got, and compares it with
 * migrations/schema.snapshot.sql. Exit 1 with a line diff when they disagree.
 */
import 'reflect-metadata';
import { describeMigratedSchema, SNAPSHOT_FILE } from './persistence/migrated-schema';
import { compareWithSnapshot, HOW_TO_FIX } from './persistence/snapshot-check';

async function main(): Promise<void> {
  const embedded = !process.env.DATABASE_URL;
  const { where, description } = await describeMigratedSchema();
  const result = compareWithSnapshot(description, SNAPSHOT_FILE, embedded);
  const lines = description.split('\n').filter((l) => /^(TABLE|VIEW|FUNCTION|SEQUENCE|SCHEMA) /.test(l)).length;
  if (!result.equal) {
    console.error(`${HOW_TO_FIX}\n\nMigrated on ${where}:\n${result.diff}`);
    process.exit(1);
  }
  const note = result.leftOut.length ? ` (without what needs ${result.leftOut.join(', ')}, which ${where} does not have)` : '';
  console.log(`The migrations produce the schema in migrations/schema.snapshot.sql on ${where}${note}: ${lines} schemas, tables, views, sequences and functions.`);
}

main().catch((e) => {
  console.error(`schema:check failed: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
