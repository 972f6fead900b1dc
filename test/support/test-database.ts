import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, openMemoryDatabase, type AppConfig, type EmbeddedDatabase } from '@org/platform';

export interface TestDatabase {
  config: AppConfig;
  embedded?: EmbeddedDatabase;
  /** A data source for direct setup and assertions (owner role). */
  dataSource: DataSource;
  /** Real PostgreSQL only: the URL of this file's database. */
  url?: string;
  close(): Promise<void>;
}

/** A migrated database of this test file's own, cloned from the run's template. */
export async function createTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync('/tmp/commons-test-');
  const baseEnv = { NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env };
  if (process.env.DATABASE_URL) {
    const name = `commons_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_TEMPLATE_DATABASE}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    const config = loadConfig({ ...baseEnv, DATABASE_URL: url.toString(), ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) });
    const dataSource = new DataSource(await dataSourceOptions(config, 'migration'));
    await dataSource.initialize();
    return {
      config,
      dataSource,
      url: url.toString(),
      async close() {
        await dataSource.destroy().catch(() => undefined);
        const c = new Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await c.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const file = process.env.TEST_TEMPLATE_FILE;
  if (!file) throw new Error('The test template is missing: run the tests through jest (globalSetup prepares it).');
  const embedded = await openMemoryDatabase(new Blob([fs.readFileSync(file)]));
  const config = loadConfig(baseEnv);
  const dataSource = new DataSource(await dataSourceOptions(config, 'migration', {}, embedded));
  await dataSource.initialize();
  return {
    config,
    embedded,
    dataSource,
    async close() {
      await dataSource.destroy().catch(() => undefined);
      await embedded.pool.end();
      await embedded.db.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
