import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { driverFor, openEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type DatabaseRole = 'app' | 'discipline' | 'migration';

/**
 * TypeORM options for one role. On real PostgreSQL each role may use its own login
 * (`DATABASE_URL`, `DISCIPLINE_DATABASE_URL`, `MIGRATION_DATABASE_URL`); on the embedded
 * database every role shares the one in-process database.
 */
export async function dataSourceOptions(
  config: AppConfig,
  role: DatabaseRole,
  extra: Partial<DataSourceOptions> = {},
  embedded?: EmbeddedDatabase,
): Promise<DataSourceOptions> {
  const common = {
    type: 'postgres' as const,
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    installExtensions: false,
    logging: false,
    parseInt8: false,
  };
  const url =
    role === 'discipline' ? config.disciplineDatabaseUrl : role === 'migration' ? config.migrationDatabaseUrl : config.databaseUrl;
  if (url) {
    return {
      ...common,
      url,
      poolSize: config.databasePoolSize,
      connectTimeoutMS: 5000,
      applicationName: `commons-${role}`,
      extra: { statement_timeout: 30_000, idle_in_transaction_session_timeout: 60_000 },
      ...extra,
    } as DataSourceOptions;
  }
  const db = embedded ?? (await openEmbeddedDatabase(config.dataDir));
  return { ...common, driver: driverFor(db), database: 'postgres', ...extra } as DataSourceOptions;
}
