/**
 * `npm run job -- <name>` / `--list`: boots the platform without its schedules, runs one job now
 * under the job's lock, prints what it did and exits (0 ran, 1 failed or unknown, 2 another
 * process is running it). On PostgreSQL (DATABASE_URL) against this file's database; embedded,
 * against a data folder migrated by `npm run migrate`.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { closeEmbeddedDatabases, JOB_LOCK_SQL, openEmbeddedDatabase } from '@org/platform';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const root = path.resolve(__dirname, '../../..');

describe('operator CLI: npm run job', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-job-'));
  const dataDir = path.join(dir, 'data');
  let db: TestDatabase | undefined;

  /** Where the child process finds the database: this file's PostgreSQL database, or the migrated data folder. */
  const target = (): Record<string, string> => (db ? { DATABASE_URL: db.url! } : { DATA_DIR: dataDir });

  function run(args: string[], env: Record<string, string> = target()): Promise<{ code: number; out: string }> {
    return new Promise((resolve) => {
      const childEnv: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env };
      if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
      delete childEnv.REDIS_URL;
      delete childEnv.MIGRATION_DATABASE_URL;
      delete childEnv.DISCIPLINE_DATABASE_URL;
      execFile(process.execPath, ['-r', '@swc-node/register', 'scripts/job.ts', ...args], { cwd: root, env: childEnv, timeout: 120_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
      });
    });
  }

  /** Runs SQL on the target database from this process (embedded: opens the folder, then lets it go for the child). */
  async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    if (db) return db.dataSource.query(text, params);
    const embedded = await openEmbeddedDatabase(dataDir);
    try {
      return (await embedded.db.query<T>(text, params as never[])).rows;
    } finally {
      await closeEmbeddedDatabases();
    }
  }

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      db = await createTestDatabase();
      return;
    }
    const migrated = await new Promise<number>((resolve) => {
      const childEnv: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: dataDir };
      delete childEnv.DATABASE_URL;
      execFile(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts'], { cwd: root, env: childEnv, timeout: 120_000 }, (err) => resolve(err ? 1 : 0));
    });
    expect(migrated).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('without a job name it says how to use it, and exits 1', async () => {
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Usage: npm run job -- <name>');
  });

  it('runs a job now: expired unconfirmed applications are deleted, the others kept, and it says how many', async () => {
    const [{ id: branch }] = await sql<{ id: string }>(`INSERT INTO membership.branches (code, name, founded_on) VALUES ('JOB-1', 'Job branch', '2010-01-01') RETURNING id`);
    const pending = `INSERT INTO membership.pending_applications (id, token_hash, email, branch_id, request, created_at, expires_at)
      VALUES (gen_random_uuid(), $1, $2, $3, '{}'::jsonb, now() - make_interval(hours => $4), now() - make_interval(hours => $4) + interval '48 hours')`;
    await sql(pending, ['hash-expired', 'expired@example.org', branch, 49]);
    await sql(pending, ['hash-live', 'live@example.org', branch, 1]);
    const r = await run(['pending-applications']);
    expect(r.out).toMatch(/^Job pending-applications ran in \d+ ms: \{"expiredApplications":1\}$/m);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('@example.org');
    expect((await sql<{ email: string }>(`SELECT email FROM membership.pending_applications ORDER BY email`)).map((x) => x.email)).toEqual(['live@example.org']);
    // Recorded for every process to see.
    expect(await sql(`SELECT name, outcome, trigger, result, error FROM platform.job_runs`)).toEqual([
      { name: 'pending-applications', outcome: 'ran', trigger: 'request', result: { expiredApplications: 1 }, error: null },
    ]);
  }, 150_000);

  it('--list names every job, how often it runs on a schedule, and when it last ran (from any process)', async () => {
    const r = await run(['--list']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^deadlines +on request only +escalates missed deadlines \(S6\)/m);
    expect(r.out).toMatch(/^proceedings +on request only +matching, finality/m);
    expect(r.out).toMatch(/^invitation-dispatch +every 2 s /m);
    expect(r.out).toMatch(/^pending-applications +every 60 min /m);
    expect(r.out).toMatch(/^standing +every 60 min /m);
    expect(r.out).toMatch(/^ +last ran \d{4}-\d\d-\d\dT[\d:.]+Z \(request, \d+ ms, [^)]+:\d+\)$/m);
    // Ten jobs, one of which (pending-applications) ran above: the nine others never ran.
    expect(r.out.match(/never run/g)?.length).toBe(9);
  }, 150_000);

  it('an unknown job is refused, naming the jobs there are, exit 1', async () => {
    const r = await run(['deadline']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('There is no job named "deadline". Jobs: deadlines, election-reminders, finality, invitation-dispatch, matching, pending-applications, proceedings, publication, standing, transparency');
  }, 150_000);

  (process.env.DATABASE_URL ? it : it.skip)('PostgreSQL: while another process holds the job, it is not run, exit 2', async () => {
    const other = new Client({ connectionString: db!.url });
    await other.connect();
    try {
      expect((await other.query(JOB_LOCK_SQL.lock, ['standing'])).rows[0].ok).toBe(true);
      const r = await run(['standing']);
      expect(r.out).toContain('Job standing not run: another process is running it now. Try again when it has finished.');
      expect(r.code).toBe(2);
      expect(await sql(`SELECT 1 FROM dues.standing_runs`)).toEqual([]);
    } finally {
      await other.end();
    }
  }, 150_000);
});
