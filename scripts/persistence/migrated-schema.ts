/**
 * A scratch database migrated from migrations/: on the PostgreSQL server of `DATABASE_URL` (a
 * database of its own, created and dropped here), else an in-memory embedded database.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadConfig, openMemoryDatabase, runMigrations } from '../../libs/platform/src';
import { migrations } from '../../migrations';
import { describeSchema, type CatalogReader } from './schema-description';

export const SNAPSHOT_FILE = path.resolve(__dirname, '../../migrations/schema.snapshot.sql');

/** Runs `work` on a freshly migrated scratch database; `where` names it for messages. */
export async function withMigratedDatabase<T>(work: (db: CatalogReader, where: string) => Promise<T>, databaseUrl = process.env.DATABASE_URL): Promise<T> {
  if (databaseUrl) {
    const name = `commons_scratch_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    try {
      await runMigrations(loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' }), migrations);
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const version = (await client.query('SHOW server_version')).rows[0].server_version;
        return await work(client, `PostgreSQL ${version} at ${url.host}`);
      } finally {
        await client.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
  }
  const embedded = await openMemoryDatabase();
  try {
    await runMigrations(loadConfig({ LOG_LEVEL: 'silent' }), migrations, embedded);
    const client = await embedded.pool.connect();
    try {
      return await work(client, 'the embedded database (PGlite)');
    } finally {
      client.release();
    }
  } finally {
    await embedded.pool.end();
    await embedded.db.close();
  }
}

export async function describeMigratedSchema(databaseUrl = process.env.DATABASE_URL): Promise<{ where: string; description: string }> {
  return withMigratedDatabase(async (db, where) => ({ where, description: await describeSchema(db) }), databaseUrl);
}
