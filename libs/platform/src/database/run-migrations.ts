import { DataSource, type MigrationInterface } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import type { EmbeddedDatabase } from './embedded-database';

export type MigrationClass = new () => MigrationInterface;

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function runMigrations(config: AppConfig, migrations: MigrationClass[], embedded?: EmbeddedDatabase): Promise<string[]> {
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
