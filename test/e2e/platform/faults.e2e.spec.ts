import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestApp } from '../../support/test-app';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

const start = async (env: Record<string, string>) => {
  try {
    const r = await run(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
};

describe('platform faults', () => {
  it('a bad configuration value stops the process with a message naming the variable', async () => {
    const res = await start({ PORT: 'eighty' });
    expect(res.code).toBe(1);
    expect(res.out).toContain('Configuration error: PORT must be a whole number');
  });

  it('an unreachable database at start gives a clear message and a non-zero exit, quickly', async () => {
    const t0 = Date.now();
    const res = await start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/commons', MIGRATE_ON_START: 'true', LOG_LEVEL: 'silent' });
    expect(res.code).toBe(1);
    expect(res.out).toContain('Cannot use the database at 127.0.0.1:1/commons');
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('a database lost at runtime: readiness answers 503 and requests fail cleanly', async () => {
    const t = await createTestApp();
    const admin = async (fn: (c: Client, name: string) => Promise<unknown>) => {
      const c = new Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      try {
        await fn(c, new URL(t.db.url!).pathname.slice(1));
      } finally {
        await c.end();
      }
    };
    try {
      const m = await t.make.signedInMember();
      expect((await t.http().get('/health/ready')).status).toBe(200);
      if (t.db.url) {
        await admin((c, name) => c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`).then(() => c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name])));
      } else {
        await t.db.embedded!.pool.end();
      }
      const ready = await t.http().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ statusCode: 503, code: 'not_ready', details: { database: 'unavailable' } });
      const me = await t.http().get('/me').set(m.auth);
      expect(me.status).toBe(503);
      expect(me.body.code).toBe('database_unavailable');
      expect(JSON.stringify(me.body)).not.toMatch(/terminat|ECONN|pool/i);
    } finally {
      if (t.db.url) {
        await admin((c, name) => c.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)).catch(() => undefined);
      }
      await t.close();
    }
  });
});
