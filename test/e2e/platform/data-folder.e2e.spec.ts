import { createHash } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '@org/audit';
import { PasswordHasher } from '@org/identity';
import { SeededRandom } from '@org/kernel';
import {
  DataDirInUseError,
  LOCK_FILE,
  acquireDataDirLock,
  closeEmbeddedDatabases,
  dataSourceOptions,
  loadConfig,
  openEmbeddedDatabase,
  readDataDirLock,
  runMigrations,
  type LockHolder,
} from '@org/platform';
import { migrations } from '../../../migrations';

/**
 * The embedded data folder (`DATA_DIR`): one process at a time, a stale lock taken over, and no
 * acknowledged write lost when the API is killed outright. These are about the embedded database
 * (PGlite), so every child process is started WITHOUT DATABASE_URL, and the file runs in the embedded pass only.
 */
const root = path.resolve(__dirname, '../../..');
const EMAIL = 'durable@test.localhost';
const PASSWORD = 'test-password-123';

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    STANDING_JOB_INTERVAL_MINUTES: '0',
    DISCIPLINE_DEADLINE_JOB_MINUTES: '0',
    ...extra,
  };
  for (const k of ['DATABASE_URL', 'DISCIPLINE_DATABASE_URL', 'MIGRATION_DATABASE_URL', 'REDIS_URL', 'SMTP_URL']) delete env[k];
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Api {
  child: ChildProcess;
  port: number;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function spawnApi(dataDir: string): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: root, env: childEnv({ DATA_DIR: dataDir, PORT: String(port) }) });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, port, out: () => out, exited };
}

async function untilReady(api: Api, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let gone = false;
  void api.exited.then(() => (gone = true));
  while (Date.now() < until) {
    if (gone) throw new Error(`The API exited before it was ready:\n${api.out()}`);
    const ok = await fetch(`http://127.0.0.1:${api.port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The API was not ready within ${timeoutMs} ms:\n${api.out()}`);
}

async function startApi(dataDir: string): Promise<Api> {
  const api = await spawnApi(dataDir);
  await untilReady(api);
  return api;
}

async function stop(api: Api, signal: NodeJS.Signals = 'SIGTERM') {
  api.child.kill(signal);
  return api.exited;
}

const signIn = (port: number) =>
  fetch(`http://127.0.0.1:${port}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });

const me = (port: number, token: string) => fetch(`http://127.0.0.1:${port}/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

function runScript(script: string, dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', script], { cwd: root, env: childEnv({ DATA_DIR: dataDir }) });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const mtime = (f: string) => fs.statSync(f).mtimeMs;

/**
 * Every child process here runs on the embedded database whatever the pass, so the PostgreSQL pass
 * (DATABASE_URL set) would only repeat the embedded pass's run of this file: it runs there once.
 */
const onEmbeddedPass = process.env.DATABASE_URL ? describe.skip : describe;
if (process.env.DATABASE_URL) console.info('data-folder.e2e: about the embedded database only; it runs in the embedded pass (no DATABASE_URL).');

onEmbeddedPass('the embedded data folder', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-datadir-'));
  const seeded = path.join(tmp, 'seeded');
  let n = 0;
  /** A copy of a migrated data folder holding one account (its lock released). */
  const freshFolder = () => {
    const dir = path.join(tmp, `data-${n++}`);
    fs.cpSync(seeded, dir, { recursive: true });
    return dir;
  };

  beforeAll(async () => {
    // This process takes the folder's lock too, like every entry point; it releases it on close.
    const embedded = await openEmbeddedDatabase(seeded);
    expect(readDataDirLock(seeded)?.pid).toBe(process.pid);
    await runMigrations(loadConfig({ DATA_DIR: seeded }), migrations, embedded);
    await embedded.pool.query(`INSERT INTO identity.accounts (email, member_id, password_hash) VALUES ($1, NULL, $2)`, [EMAIL, await new PasswordHasher({ env: process.env }).hash(PASSWORD)]);
    await closeEmbeddedDatabases();
    expect(fs.existsSync(path.join(seeded, LOCK_FILE))).toBe(false);
  }, 120_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a second process on a folder in use refuses before touching it, naming the folder and the holder; the first keeps working, and a later start works', async () => {
    const dir = freshFolder();
    const first = await startApi(dir);
    try {
      const login = await signIn(first.port);
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const pidFile = path.join(dir, 'pg', 'postmaster.pid');
      const before = mtime(pidFile);

      const second = await spawnApi(dir);
      const [api2, migrate, verify] = await Promise.all([second.exited, runScript('scripts/migrate.ts', dir), runScript('scripts/audit-verify.ts', dir)]);
      for (const [code, out] of [[api2.code, second.out()], [migrate.code, migrate.out], [verify.code, verify.out]] as const) {
        expect(code).not.toBe(0);
        expect(out).toContain(`The data folder ${dir} is in use by another process: pid ${first.child.pid} (node apps/api/src/main.ts)`);
        expect(out).toContain('Stop that process first, or set DATA_DIR to another folder.');
      }
      // None of them opened the PGlite files (opening rewrites postmaster.pid).
      expect(mtime(pidFile)).toBe(before);
      expect(readDataDirLock(dir)?.pid).toBe(first.child.pid);

      // The first goes on working.
      expect(await me(first.port, accessToken)).toBe(200);
      expect((await signIn(first.port)).status).toBe(200);

      // Stopped (SIGTERM), it releases the folder; a later start opens the same data.
      expect(await stop(first)).toEqual({ code: null, signal: 'SIGTERM' });
      expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
      const later = await startApi(dir);
      try {
        const status = await me(later.port, accessToken).catch((e: Error) => {
          throw new Error(`The restarted API did not answer (${String((e as { cause?: unknown }).cause ?? e)}); its output:\n${later.out()}`);
        });
        expect(status).toBe(200);
      } finally {
        await stop(later);
      }
    } finally {
      first.child.kill('SIGKILL');
    }
  }, 120_000);

  describe('a stale lock', () => {
    const lockOf = (h: Partial<LockHolder>): LockHolder => ({
      pid: process.pid,
      processStart: null,
      bootId: null,
      hostname: os.hostname(),
      command: 'node apps/api/src/main.ts',
      since: '2026-01-01T00:00:00.000Z',
      token: `t${n++}`,
      ...h,
    });
    const writeLock = (dir: string, h: LockHolder) => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(h));
    };
    const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

    it('is taken over when its process is gone, when its pid now belongs to another process, or after a restart of the machine', () => {
      const cases: LockHolder[] = [
        lockOf({ pid: deadPid() }),
        lockOf({ pid: process.pid, processStart: '1' }), // this pid, but another start time: reused
        lockOf({ bootId: 'another-boot' }),
      ];
      for (const stale of cases) {
        const dir = path.join(tmp, `stale-${n++}`);
        writeLock(dir, stale);
        const lock = acquireDataDirLock(dir);
        expect(readDataDirLock(dir)).toEqual(lock.holder);
        expect(lock.holder.token).not.toBe(stale.token);
        lock.release();
        expect(fs.readdirSync(dir)).toEqual([]); // no claim or temporary file left behind
      }
      // An unreadable lock (not written by the platform) is stale once it is more than 10 s old.
      const dir = path.join(tmp, `stale-${n++}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
      const old = new Date(Date.now() - 60_000);
      fs.utimesSync(path.join(dir, LOCK_FILE), old, old);
      acquireDataDirLock(dir).release();
    });

    it('is not taken over while its process runs, nor when it was taken on another machine', () => {
      const dir = path.join(tmp, `live-${n++}`);
      const live = acquireDataDirLock(dir);
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
      live.release();
      writeLock(dir, lockOf({ hostname: 'another-host' }));
      expect(() => acquireDataDirLock(dir)).toThrow(/taken on another machine.*delete .*commons\.lock/);
    });

    it('two processes racing for one stale lock: exactly one wins, whatever the interleaving', () => {
      // A judged the lock stale; before A claims the takeover, B takes it over entirely.
      let dir = path.join(tmp, `race-${n++}`);
      writeLock(dir, lockOf({ pid: deadPid() }));
      let b: ReturnType<typeof acquireDataDirLock> | undefined;
      expect(() => acquireDataDirLock(dir, { hooks: { beforeClaim: () => (b ??= acquireDataDirLock(dir)) } })).toThrow(DataDirInUseError);
      expect(readDataDirLock(dir)?.token).toBe(b!.holder.token);
      b!.release();

      // A claimed the takeover; B arrives before A deletes the stale lock: B waits, then gives up.
      dir = path.join(tmp, `race-${n++}`);
      writeLock(dir, lockOf({ pid: deadPid() }));
      let refused: unknown;
      const a = acquireDataDirLock(dir, {
        hooks: {
          afterClaim: () => {
            try {
              acquireDataDirLock(dir, { takeoverWaitMs: 100 });
            } catch (e) {
              refused = e;
            }
          },
        },
      });
      expect(refused).toBeInstanceOf(DataDirInUseError);
      expect((refused as Error).message).toContain('is being taken over by another process');
      expect(readDataDirLock(dir)?.token).toBe(a.holder.token);
      a.release();

      // A process killed in the middle of its takeover left its claim: the claim is stale too.
      dir = path.join(tmp, `race-${n++}`);
      writeLock(dir, lockOf({ pid: deadPid() }));
      const raw = fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8');
      const claim = path.join(dir, `${LOCK_FILE}.takeover-${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`);
      fs.writeFileSync(claim, JSON.stringify(lockOf({ pid: deadPid() })));
      const c = acquireDataDirLock(dir, { takeoverWaitMs: 100 });
      expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
      c.release();
    });

    it('four processes started at once on one stale lock: exactly one opens it', async () => {
      const dir = path.join(tmp, `race-${n++}`);
      writeLock(dir, lockOf({ pid: deadPid() }));
      // A barrier, not a clock: each process loads, says "ready" and waits for "go"; all four are
      // released together, and each holds what it got until every one has answered (then "exit").
      const code = `const { acquireDataDirLock } = require('./libs/platform/src/database/data-dir-lock.ts');
        const lines = require('node:readline').createInterface({ input: process.stdin });
        console.log('ready');
        lines.on('line', (l) => {
          if (l === 'go') {
            try { acquireDataDirLock(${JSON.stringify(dir)}); console.log('won'); }
            catch (e) { console.log(e.message); }
          } else process.exit(0);
        });`;
      const children = [0, 1, 2, 3].map(() => {
        const c = spawn(process.execPath, ['-r', '@swc-node/register', '-e', code], { cwd: root, env: childEnv({}) });
        const lines: string[] = [];
        let buffered = '';
        const waiters: Array<() => void> = [];
        c.stdout.on('data', (d) => {
          buffered += d;
          const parts = buffered.split('\n');
          buffered = parts.pop()!;
          lines.push(...parts.filter(Boolean));
          waiters.splice(0).forEach((w) => w());
        });
        let err = '';
        c.stderr.on('data', (d) => (err += d));
        const exited = new Promise<void>((resolve) => c.on('exit', () => resolve()));
        const line = async (i: number) => {
          while (lines.length <= i) {
            if (c.exitCode !== null) throw new Error(`A contender exited early: ${err}`);
            await new Promise<void>((resolve) => waiters.push(resolve));
          }
          return lines[i];
        };
        return { c, line, exited };
      });
      expect(await Promise.all(children.map((ch) => ch.line(0)))).toEqual(['ready', 'ready', 'ready', 'ready']);
      children.forEach((ch) => ch.c.stdin.write('go\n'));
      const results = await Promise.all(children.map((ch) => ch.line(1)));
      children.forEach((ch) => ch.c.stdin.write('exit\n'));
      await Promise.all(children.map((ch) => ch.exited));
      expect(results.filter((r) => r === 'won')).toHaveLength(1);
      for (const r of results.filter((x) => x !== 'won')) expect(r).toMatch(/The data folder .* is (in use by|being taken over by) another process: pid \d+/);
      expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false); // the winner released it on exit
    }, 60_000);
  });

  it('survives SIGKILL of the API at any moment: it reopens, every acknowledged write is there, and the killed process lock is taken over', async () => {
    const dir = freshFolder();
    const random = new SeededRandom('sigkill-1');
    const acknowledged: string[] = [];
    // Round 0 kills during start-up (opening, recovery, migrations), the others under writes.
    for (let round = 0; round < 3; round++) {
      const api = await spawnApi(dir);
      if (round === 0) {
        await new Promise((r) => setTimeout(r, 500 + random.nextInt(2500)));
      } else {
        await untilReady(api);
        let writing = true;
        const writer = async () => {
          while (writing) {
            const r = await signIn(api.port).catch(() => null);
            const token = r?.status === 200 ? ((await r.json().catch(() => ({}))) as { accessToken?: string }).accessToken : undefined;
            if (token) acknowledged.push(token);
          }
        };
        const writers = [writer(), writer()];
        await new Promise((r) => setTimeout(r, 300 + random.nextInt(1200)));
        api.child.kill('SIGKILL');
        writing = false;
        await Promise.all(writers);
      }
      api.child.kill('SIGKILL');
      expect((await api.exited).signal).toBe('SIGKILL');
      // Killed while holding the folder, it leaves its lock behind (stale).
      if (round > 0) expect(readDataDirLock(dir)?.pid).toBe(api.child.pid);
    }
    expect(acknowledged.length).toBeGreaterThan(0);

    const after = await startApi(dir);
    try {
      expect(readDataDirLock(dir)?.pid).toBe(after.child.pid);
      const statuses = await Promise.all(acknowledged.map((t) => me(after.port, t)));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(statuses).toHaveLength(acknowledged.length);
    } finally {
      await stop(after);
    }
    // Each sign-in also wrote an audit entry: the hash chain is whole after the crashes.
    const embedded = await openEmbeddedDatabase(dir);
    const config = loadConfig({ DATA_DIR: dir });
    const ds = new DataSource(await dataSourceOptions(config, 'migration', {}, embedded));
    await ds.initialize();
    try {
      const chain = await verifyAuditChain(ds);
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await ds.destroy();
      await closeEmbeddedDatabases();
    }
  }, 180_000);
});
