import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * Migrates a template database once per test run:
 * - real PostgreSQL (DATABASE_URL set): a fresh template database; each test file clones it
 *   with CREATE DATABASE … TEMPLATE;
 * - embedded: a migrated PGlite data dir dumped to a file (cached by the migrations' content),
 *   which each test file loads into its own in-memory database.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.ARGON2_MEMORY_KIB ??= '1024';
  const root = path.resolve(__dirname, '../..');
  const { migrations } = await import('../../migrations');
  const { loadConfig, runMigrations, openMemoryDatabase } = await import('../../libs/platform/src');
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    const template = `commons_test_tpl_${process.pid}`;
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${template}`);
    await client.query(`CREATE DATABASE ${template}`);
    await client.end();
    const tplUrl = new URL(admin.toString());
    tplUrl.pathname = `/${template}`;
    await runMigrations(loadConfig({ DATABASE_URL: tplUrl.toString() }), migrations);
    process.env.TEST_TEMPLATE_DATABASE = template;
    return;
  }
  // Keyed by the migrations this process actually loaded (not the files on disk, which may have
  // changed since they were imported): a template is never saved under the wrong key.
  const hash = crypto.createHash('sha256');
  for (const m of migrations) hash.update(`${m.name}\n${m.prototype.up.toString()}\n${m.prototype.down.toString()}\n`);
  const dir = path.join(root, '.test-db');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!fs.existsSync(file)) {
    // Templates of other migration sets may be in use by a concurrent run: prune only old ones.
    for (const old of fs.readdirSync(dir)) {
      const p = path.join(dir, old);
      if (Date.now() - fs.statSync(p).mtimeMs > 24 * 3600_000) fs.rmSync(p, { force: true });
    }
    const embedded = await openMemoryDatabase();
    await runMigrations(loadConfig({}), migrations, embedded);
    const dump = await embedded.db.dumpDataDir('none');
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
    await embedded.db.close();
  }
  process.env.TEST_TEMPLATE_FILE = file;
}
