/**
 * The platform's job runner on a real database (embedded PGlite, or PostgreSQL with DATABASE_URL):
 * two application contexts on one database run a job one at a time (advisory locks on
 * PostgreSQL, the in-process lock on the embedded database), and shutdown stops the timers
 * without cutting a run short. (`npm run job`: job-cli.e2e.spec.ts.)
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JOB_LOCK_SQL, JobRunner, LOGGER, SystemClock } from '@org/platform';
import { createApp } from '../../../apps/api/src/bootstrap';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scheduled jobs: one runner, one run at a time across processes', () => {
  let db: TestDatabase;
  const apps: NestFastifyApplication[] = [];
  const start = async () => {
    const app = await createApp({ config: db.config, embedded: db.embedded, clock: new SystemClock(), webRoot: null });
    await app.init();
    apps.push(app);
    return app;
  };
  /** Two application contexts on this file's database (as two API processes would be). */
  const two = async () => {
    while (apps.length < 2) await start();
    return [apps[0], apps[1]] as const;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ INVITATION_DISPATCH_MS: '0' });
  });
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await db?.close();
  });

  it('the contexts register their jobs with the runner: standing, pending applications, invitation dispatch, and the disciplinary deadlines and proceedings', async () => {
    const app = await start();
    const jobs = app.get(JobRunner).list();
    expect(jobs.map((j) => j.name)).toEqual(['deadlines', 'election-reminders', 'finality', 'invitation-dispatch', 'matching', 'pending-applications', 'proceedings', 'publication', 'standing', 'transparency']);
    // Under NODE_ENV=test the standing and cleanup schedules are off (their variables' defaults), as before.
    expect(jobs.every((j) => !j.scheduled)).toBe(true);
    // The disciplinary jobs register themselves; under NODE_ENV=test they run on request only.
    expect(await app.get(JobRunner).runNow('deadlines')).toMatchObject({ outcome: 'ran', trigger: 'request', result: { casesChecked: 0, escalations: 0, recusalsChanged: 0 } });
    expect(await app.get(JobRunner).runNow('proceedings')).toMatchObject({ outcome: 'ran', trigger: 'request', result: { indexed: 0, finalized: 0, published: 0 } });
    expect(await app.get(JobRunner).runNow('finality')).toMatchObject({ outcome: 'ran', trigger: 'request' });
  });

  it('two application contexts on one database: while one runs a job, the other skips it (logged at debug level); afterwards it runs', async () => {
    const [a, b] = await two();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const runs: string[] = [];
    const job = (who: string, ds: DataSource) => ({
      name: 'probe',
      description: 'a probe',
      everyMs: 0,
      run: async () => {
        runs.push(who);
        await ds.transaction(async (m) => {
          await m.query('SELECT 1');
          if (who === 'a' && runs.length === 1) await held;
        });
        return who;
      },
    });
    const ha = a.get(JobRunner).register(job('a', a.get(DataSource)));
    const hb = b.get(JobRunner).register(job('b', b.get(DataSource)));
    const debug = jest.spyOn(b.get(LOGGER), 'debug');
    const first = a.get(JobRunner).runNow('probe');
    while (runs.length === 0) await sleep(5);
    // The embedded database serves one transaction at a time: `a` holds it, so `b` must not wait for it.
    expect(await b.get(JobRunner).runNow('probe')).toMatchObject({ outcome: 'busy' });
    expect(debug).toHaveBeenCalledWith({ job: 'probe', trigger: 'request' }, expect.stringMatching(/not run/));
    release();
    expect(await first).toMatchObject({ outcome: 'ran', result: 'a' });
    expect(await b.get(JobRunner).runNow('probe')).toMatchObject({ outcome: 'ran', result: 'b' });
    expect(runs).toEqual(['a', 'b']);
    // Each run is recorded for every process to see: the last one, whichever process ran it.
    expect(await db.dataSource.query(`SELECT name, outcome, trigger, result, error FROM platform.job_runs WHERE name = 'probe'`)).toEqual([
      { name: 'probe', outcome: 'ran', trigger: 'request', result: 'b', error: null },
    ]);
    await ha.stop();
    await hb.stop();
  });

  it('a failed run is recorded with its error, keeping the time of the last success', async () => {
    const [a] = await two();
    let n = 0;
    const h = a.get(JobRunner).register({
      name: 'flaky',
      description: 'fails the second time',
      everyMs: 0,
      run: async () => {
        if (++n === 2) throw Object.assign(new Error('the mail server refused'), { code: 'EMAIL' });
        return { n };
      },
    });
    const first = await a.get(JobRunner).runNow('flaky');
    expect(await a.get(JobRunner).runNow('flaky')).toMatchObject({ outcome: 'failed', error: { code: 'EMAIL', message: 'the mail server refused' } });
    const [row] = await db.dataSource.query(`SELECT outcome, result, error, last_success_at, started_at FROM platform.job_runs WHERE name = 'flaky'`);
    expect(row).toMatchObject({ outcome: 'failed', result: null, error: { code: 'EMAIL', message: 'the mail server refused' } });
    expect(new Date(row.last_success_at).getTime()).toBe(first.startedAt.getTime());
    expect(new Date(row.started_at).getTime()).toBeGreaterThanOrEqual(first.startedAt.getTime());
    await h.stop();
  });

  it('both on a schedule: each tick runs the job once across the two, never two runs at once', async () => {
    const [a, b] = await two();
    const spans: Array<{ who: string; from: number; to: number }> = [];
    const job = (who: string, ds: DataSource) => ({
      name: 'ticking',
      description: 'ticks',
      everyMs: 150,
      firstRunAfterMs: 50,
      run: async () => {
        const from = Date.now();
        // A transaction that stays open for 100 ms while the event loop runs (so the other runner's tick fires during it).
        await ds.transaction(async (m) => {
          await m.query('SELECT 1');
          await sleep(100);
        });
        spans.push({ who, from, to: Date.now() });
      },
    });
    // Not scheduled by `createApp`'s runners here (they schedule): both tick at the same moments.
    const ha = a.get(JobRunner).register(job('a', a.get(DataSource)));
    const hb = b.get(JobRunner).register(job('b', b.get(DataSource)));
    await sleep(1_600);
    await Promise.all([ha.stop(), hb.stop()]);
    // About ten ticks in each process, at the same moments; each tick ran the job in one of them only.
    expect(spans.length).toBeGreaterThanOrEqual(6);
    expect(spans.length).toBeLessThanOrEqual(11);
    const sorted = [...spans].sort((x, y) => x.from - y.from);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].from).toBeGreaterThanOrEqual(sorted[i - 1].to);
  });

  (process.env.DATABASE_URL ? it : it.skip)('PostgreSQL: the lock is an advisory lock, so a job held by another session (another process) is not run until it is released', async () => {
    const [a] = await two();
    const run = jest.fn().mockResolvedValue('done');
    const h = a.get(JobRunner).register({ name: 'elsewhere', description: 'held elsewhere', everyMs: 0, run });
    const other = new Client({ connectionString: db.url });
    await other.connect();
    try {
      const [{ ok }] = (await other.query(JOB_LOCK_SQL.lock, ['elsewhere'])).rows;
      expect(ok).toBe(true);
      expect(await a.get(JobRunner).runNow('elsewhere')).toMatchObject({ outcome: 'busy' });
      expect(run).not.toHaveBeenCalled();
      await other.query(JOB_LOCK_SQL.unlock, ['elsewhere']);
      expect(await a.get(JobRunner).runNow('elsewhere')).toMatchObject({ outcome: 'ran', result: 'done' });
    } finally {
      await other.end();
      await h.stop();
    }
  });

  it('shutdown stops the timers and waits for the run in progress: no run is cut short, none starts after', async () => {
    const app = await start();
    const ds = app.get(DataSource);
    let started = 0;
    let finished = 0;
    let failed = 0;
    app.get(JobRunner).register({
      name: 'long-run',
      description: 'long',
      everyMs: 100,
      firstRunAfterMs: 10,
      run: async () => {
        started++;
        try {
          await ds.transaction(async (m) => {
            await m.query('SELECT 1');
            await sleep(400);
            await m.query('SELECT 2');
          });
          finished++;
        } catch (e) {
          failed++;
          throw e;
        }
      },
    });
    while (started === 0) await sleep(5);
    await app.close();
    apps.splice(apps.indexOf(app), 1);
    expect({ started, finished, failed }).toEqual({ started: 1, finished: 1, failed: 0 });
    expect(app.get(JobRunner).list().some((j) => j.scheduled)).toBe(false);
    await sleep(400);
    expect(started).toBe(1);
  });
});
