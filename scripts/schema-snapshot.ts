/**
 * `npm run schema:snapshot`: migrates a scratch database on the PostgreSQL server of DATABASE_URL
 * and writes the description of its schema to migrations/schema.snapshot.sql. Run it after adding
 * a migration, and commit the file with the migration. Needs a real server: the embedded database
 * lacks pg_trgm, so its description would leave out the trigram indexes.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import { describeMigratedSchema, SNAPSHOT_FILE } from './persistence/migrated-schema';

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error('schema:snapshot needs a PostgreSQL server: set DATABASE_URL (a role that may CREATE DATABASE), e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run schema:snapshot');
    process.exit(1);
  }
  const { where, description } = await describeMigratedSchema();
  const before = fs.existsSync(SNAPSHOT_FILE) ? fs.readFileSync(SNAPSHOT_FILE, 'utf8') : '';
  fs.writeFileSync(SNAPSHOT_FILE, description);
  console.log(`${before === description ? 'Unchanged' : 'Wrote'} migrations/schema.snapshot.sql from ${where}.`);
}

main().catch((e) => {
  console.error(`schema:snapshot failed: ${e instanceof Error ? e.stack : e}`);
  process.exit(1);
});
