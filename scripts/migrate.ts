/**
 * `npm run migrate`: applies pending migrations to the configured database (MIGRATION_DATABASE_URL,
 * else DATABASE_URL, else the embedded database under DATA_DIR).
 */
import 'reflect-metadata';
import { ConfigError, closeEmbeddedDatabases, loadConfig, openEmbeddedDatabase, runMigrations } from '../libs/platform/src';
import { migrations } from '../migrations';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.migrationDatabaseUrl ? undefined : await openEmbeddedDatabase(config.dataDir);
  const applied = await runMigrations(config, migrations, embedded);
  console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
  await closeEmbeddedDatabases();
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : `Migration failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
