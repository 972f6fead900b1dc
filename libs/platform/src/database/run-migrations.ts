import { DataSource, type MigrationInterface } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import type { EmbeddedDatabase } from './embedded-database';
import { one, query } from './sql';

export type MigrationClass = new () => MigrationInterface;

/** Names of the migrations already applied, or null when the migrations table does not exist yet. */
async function appliedNames(embedded: EmbeddedDatabase): Promise<Set<string> | null> {
  const exists = await one<{ present: boolean }>(embedded.pool, `SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
  if (!exists.present) return null;
  const rows = await query<{ name: string }>(embedded.pool, `SELECT name FROM public.migrations`);
  return new Set(rows.map((r) => r.name));
}

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function runMigrations(config: AppConfig, migrations: MigrationClass[], embedded?: EmbeddedDatabase): Promise<string[]> {
  if (embedded) {
    // Fast path for a warm start: nothing pending means no migration runner at all.
    const applied = await appliedNames(embedded);
    if (applied && migrations.every((M) => applied.has(new M().name ?? M.name))) return [];
  }
  const ds = new DataSource({
    ...(await dataSourceOptions(config, 'migration', {}, embedded)),
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
  } as any);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
