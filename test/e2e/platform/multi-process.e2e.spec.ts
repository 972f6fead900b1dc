/**
 * Several processes on one PostgreSQL and one Redis: two API processes (as behind a load
 * balancer) and two workers, started from `apps/api` and `apps/worker` as an operator would, on
 * this file's own database. The core flows alternate between the API processes: a session begun
 * on one is honoured by the other, and once ended on one it is refused by both; the sign-in limits
 * are counted once for both; a scheduled job runs once however many processes schedule it; a
 * notice to a branch is fanned out once and each of its emails sent once by the two workers; and
 * the congress floor's live updates reach screens following either process.
 *
 * Needs DATABASE_URL (a PostgreSQL the child processes can reach) and REDIS_URL: the embedded
 * database belongs to one process by design (docs/adr/0014-state-shared-across-processes.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { JOB_LOCK_SQL } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, standingOrders, type Signed } from '../congress/floor-fixtures';
import { createElection } from '../elections/election-fixtures';
import { startSmtpSink, type SmtpSink } from '../notifications/support/smtp-sink';
import { sleep, waitFor } from '../notifications/support/wait';

const root = path.resolve(__dirname, '../../..');
const PASSWORD = 'test-password-123';
/** Every attempt of one (account, client) pair counts: beyond this many, 429 on any process. */
const PAIR_LIMIT = 4;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** One child process of the platform, its output kept to explain a failure. */
class PlatformProcess {
  readonly output: string[] = [];
  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly base: string | null,
  ) {
    const keep = (b: Buffer) => {
      this.output.push(b.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  url(p: string): string {
    return `${this.base}${p}`;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  }
}

/** Reads server-sent events from a streaming fetch; `next(pred)` waits for the first matching event. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const seen: { event: string; data: any }[] = [];
  const next = async (pred: (e: { event: string; data: any }) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = seen.findIndex(pred);
      if (found >= 0) return seen.splice(0, found + 1)[found];
      if (Date.now() > deadline) throw new Error(`no matching event; seen: ${JSON.stringify(seen)}`);
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (!chunk || chunk.done) continue;
      buffer += decoder.decode(chunk.value, { stream: true });
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) seen.push({ event, data: JSON.parse(data) });
      }
    }
  };
  return { next, cancel: () => reader.cancel().catch(() => undefined) };
}

async function call(p: PlatformProcess, method: string, route: string, o: { token?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(p.url(route), {
    method,
    headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}

async function ok(r: Promise<{ status: number; body: any }>, status = [200, 201]): Promise<any> {
  const res = await r;
  if (!status.includes(res.status)) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const realProcesses = !!process.env.DATABASE_URL && !!process.env.REDIS_URL;
if (!realProcesses) {
  console.warn(
    'multi-process: SKIPPED — two API processes and two workers need DATABASE_URL (a PostgreSQL every process reaches) and REDIS_URL; ' +
      'the embedded database belongs to one process by design. CI runs it in its PostgreSQL + Redis pass.',
  );
}

(realProcesses ? describe : describe.skip)('several processes on one PostgreSQL and one Redis: two API processes, two workers', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let api: PlatformProcess[] = [];
  let workers: PlatformProcess[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-multi-'));
  // Every process of a deployment shares the disciplinary master key.
  const disciplineKey = randomBytes(32).toString('base64');
  let branchId: string;
  let members: Signed[];
  /** Holds the `proceedings` job's lock from outside the platform, as another process would. */
  let lockHolder: Client | null = null;

  /** The environment of a child process: this file's database, the shared Redis, the sink. */
  const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Not `test`: the schedules run as in a deployment.
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      DATABASE_URL: t.db.url,
      REDIS_URL: process.env.REDIS_URL,
      SMTP_URL: sink.url,
      DISCIPLINE_KEY: disciplineKey,
      SESSION_TTL_HOURS: '720',
      RATE_LIMIT_LOGIN_PER_ACCOUNT_CLIENT: String(PAIR_LIMIT),
      RATE_LIMIT_LOGIN_BRAKE_MS: '0',
      // The standing job: its first run 5 s after start, in each API process.
      STANDING_JOB_INTERVAL_MINUTES: '60',
      // The disciplinary proceedings' job: every half second, in each API process.
      DISCIPLINE_JOBS_INTERVAL_MS: '500',
      NOTIFY_POLL_MS: '100',
      ...extra,
    };
    delete env.MIGRATION_DATABASE_URL;
    delete env.DISCIPLINE_DATABASE_URL;
    delete env.TRUST_PROXY;
    return env;
  };

  const startApi = async (name: string): Promise<PlatformProcess> => {
    const port = await freePort();
    const dataDir = path.join(dir, name);
    fs.mkdirSync(dataDir);
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'apps/api/src/main.ts')], {
      cwd: root,
      env: childEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}` }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new PlatformProcess(name, child, `http://127.0.0.1:${port}`);
  };

  const startWorker = (name: string): PlatformProcess => {
    const dataDir = path.join(dir, name);
    fs.mkdirSync(dataDir);
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'apps/worker/src/main.ts')], {
      cwd: root,
      // At info level it says when it is ready.
      env: childEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new PlatformProcess(name, child, null);
  };

  const explain = (e: unknown): never => {
    for (const p of [...api, ...workers]) console.error(`--- ${p.name} (${p.alive ? 'running' : `exited ${p.child.exitCode ?? p.child.signalCode}`}):\n${p.output.join('')}`);
    throw e;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    // This file's database, and an in-process application for the setup only (it sends nothing).
    t = await createTestApp({ env: { SESSION_TTL_HOURS: '720', NOTIFY_DISPATCH: 'false', INVITATION_DISPATCH_MS: '0', DISCIPLINE_KEY: disciplineKey } });
    lockHolder = new Client({ connectionString: t.db.url });
    await lockHolder.connect();
    expect((await lockHolder.query(JOB_LOCK_SQL.lock, ['proceedings'])).rows[0].ok).toBe(true);
    api = await Promise.all([startApi('api-a'), startApi('api-b')]);
    workers = [startWorker('worker-a'), startWorker('worker-b')];
    // The members are written while the processes start.
    branchId = await t.make.branch('Two-process branch');
    members = [];
    for (let i = 0; i < 6; i++) members.push(await t.make.signedInMember({ branchId, joinedOn: '2024-01-01' }));
    try {
      for (const p of api) {
        await waitFor(`${p.name} answers`, async () => {
          if (!p.alive) throw new Error(`${p.name} exited`);
          return (await fetch(p.url('/health/live')).catch(() => null))?.status === 200;
        }, 120_000, 200);
      }
      for (const w of workers) await waitFor(`${w.name} is ready`, () => (w.alive ? w.output.join('').includes('worker ready') : Promise.reject(new Error(`${w.name} exited`))), 120_000, 200);
    } catch (e) {
      explain(e);
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...api, ...workers].map((p) => p.stop()));
    await lockHolder?.end().catch(() => undefined);
    await t?.close();
    await sink?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('a session begun on one API process acts on the other; signed out or reset on one, it is refused by both at the next request', async () => {
    const [a, b] = api;
    const m = members[0];
    const { accessToken } = await ok(call(a, 'POST', '/auth/login', { body: { email: m.email, password: PASSWORD } }));
    expect((await ok(call(b, 'GET', '/me', { token: accessToken }))).email).toBe(m.email);
    expect((await ok(call(a, 'GET', '/me', { token: accessToken }))).email).toBe(m.email);
    await ok(call(b, 'POST', '/auth/logout', { token: accessToken }), [200, 204]);
    expect((await call(a, 'GET', '/me', { token: accessToken })).status).toBe(401);
    expect((await call(b, 'GET', '/me', { token: accessToken })).status).toBe(401);
    // Another session of the same member, begun on the other process, is untouched.
    const other = await ok(call(b, 'POST', '/auth/login', { body: { email: m.email, password: PASSWORD } }));
    expect((await call(a, 'GET', '/me', { token: other.accessToken })).status).toBe(200);

    // A password reset asked on A (its mail sent by a worker) and confirmed on B signs out every session, on both.
    await ok(call(a, 'POST', '/auth/password-reset', { body: { email: m.email } }), [200, 202]);
    const mail = await waitFor('the reset mail', () => sink.received.find((x) => x.to === m.email && /reset-password\?token=/.test(x.text)), 30_000, 100).catch(explain);
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await ok(call(b, 'POST', '/auth/password-reset/confirm', { body: { token, newPassword: 'a-new-password-456' } }));
    expect((await call(a, 'GET', '/me', { token: other.accessToken })).status).toBe(401);
    expect((await call(b, 'GET', '/me', { token: other.accessToken })).status).toBe(401);
    expect((await call(a, 'POST', '/auth/login', { body: { email: m.email, password: PASSWORD } })).status).toBe(401);
    expect((await call(a, 'POST', '/auth/login', { body: { email: m.email, password: 'a-new-password-456' } })).status).toBe(200);
  });

  it('sign-in limits are counted once for both processes: attempts spread over both reach the limit, and both refuse', async () => {
    const m = members[1];
    for (let i = 0; i < PAIR_LIMIT; i++) {
      const r = await call(api[i % 2], 'POST', '/auth/login', { body: { email: m.email, password: 'not-the-password' } });
      expect(r.status).toBe(401);
    }
    // One process alone has seen only half of them: a limit per process would let these through.
    for (const p of api) {
      const r = await call(p, 'POST', '/auth/login', { body: { email: m.email, password: PASSWORD } });
      expect(r.status).toBe(429);
    }
    // Another member on the same client is not locked out.
    expect((await call(api[1], 'POST', '/auth/login', { body: { email: members[2].email, password: PASSWORD } })).status).toBe(200);
  });

  it('a scheduled job runs once although every API process schedules it', async () => {
    // Each API process runs the standing job 5 s after it started; the lock and the day's record make it one run.
    const recorded = await waitFor(
      'the standing job ran',
      async () => {
        const [r] = await t.db.dataSource.query(`SELECT outcome, trigger, ran_by FROM platform.job_runs WHERE name = 'standing'`);
        return r;
      },
      30_000,
      200,
    ).catch(explain);
    expect(recorded).toMatchObject({ outcome: 'ran', trigger: 'schedule' });
    const pids = api.map((p) => `:${p.child.pid}`);
    expect(pids.some((pid) => String(recorded.ran_by).endsWith(pid))).toBe(true);
    // Give the other process's first run time to happen too, then: one standing run today.
    await sleep(2_000);
    const runs = await t.db.dataSource.query(`SELECT trigger FROM dues.standing_runs`);
    expect(runs).toEqual([{ trigger: 'schedule' }]);
  });

  it("a job whose lock another process holds runs in neither API process until it is let go", async () => {
    // Both processes have been trying the proceedings job every half second since they started.
    expect(await t.db.dataSource.query(`SELECT outcome FROM platform.job_runs WHERE name = 'proceedings'`)).toEqual([]);
    await lockHolder!.end();
    lockHolder = null;
    const recorded = await waitFor(
      'the proceedings job ran',
      async () => (await t.db.dataSource.query(`SELECT outcome, trigger, ran_by FROM platform.job_runs WHERE name = 'proceedings'`))[0],
      20_000,
      100,
    ).catch(explain);
    expect(recorded).toMatchObject({ outcome: 'ran', trigger: 'schedule' });
    expect(api.some((p) => String(recorded.ran_by).endsWith(`:${p.child.pid}`))).toBe(true);
  });

  it('a notice to a branch is fanned out once, and each email sent once by the two workers', async () => {
    const [a, b] = api;
    const ro = members[3];
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    const { accessToken } = await ok(call(b, 'POST', '/auth/login', { body: { email: ro.email, password: PASSWORD } }));
    const election = await createElection(t, { ...ro, token: accessToken, auth: { Authorization: `Bearer ${accessToken}` } }, {
      scope: 'branch',
      branchId,
      bodyId: await t.make.body('BRANCH_COMMITTEE', branchId),
      seats: 1,
      method: 'plurality',
    });
    // The same command reaches both processes at once (a retry through the load balancer).
    const mailedBefore = sink.received.length;
    const answers = await Promise.all([a, b].map((p) => call(p, 'POST', `/elections/${election.id}/open-nominations`, { token: accessToken })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const notices = await t.db.dataSource.query(`SELECT id, recipients FROM notifications.notices WHERE dedupe_key = $1`, [`election:${election.id}:nominations-open`]);
    expect(notices).toHaveLength(1);
    const [{ count: feed }] = await t.db.dataSource.query(`SELECT count(*)::int AS count FROM notifications.feed_entries WHERE notice_id = $1`, [notices[0].id]);
    expect(feed).toBe(members.length);
    await waitFor(
      'every email of the notice sent',
      async () => (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE notice_id = $1 AND status = 'sent'`, [notices[0].id]))[0].n === members.length,
      30_000,
      100,
    ).catch(explain);
    await sleep(500);
    const outbox = await t.db.dataSource.query(`SELECT status, attempts FROM notifications.outbox WHERE notice_id = $1`, [notices[0].id]);
    expect(outbox).toHaveLength(members.length);
    expect(outbox.every((r: { status: string; attempts: number }) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const mails = sink.received.slice(mailedBefore).filter((x) => members.some((m) => m.email === x.to));
    expect(mails.map((x) => x.to).sort()).toEqual(members.map((m) => m.email).sort());
  });

  it("the congress floor's live updates reach screens following either process", async () => {
    const [a, b] = api;
    const [ro, chair, d1, d2] = [members[3], members[4], members[5], members[2]];
    const roToken = (await ok(call(a, 'POST', '/auth/login', { body: { email: ro.email, password: PASSWORD } }))).accessToken;
    const congressId = await congressWithDelegates(t, { branchId, delegates: [d1, d2] });
    await ok(
      call(b, 'POST', `/congresses/${congressId}/floor`, {
        token: roToken,
        body: { standingOrders: standingOrders(new Date(Date.now() + 86_400_000), { secondersRequired: 0 }), chairs: [chair.id], standingOrdersCommittee: [chair.id] },
      }),
    );
    const screens = await Promise.all(
      [a, b].map(async (p) => {
        const res = await fetch(p.url(`/congresses/${congressId}/floor/events`), { headers: chair.auth });
        expect(res.status).toBe(200);
        const s = eventReader(res.body as ReadableStream<Uint8Array>);
        await s.next((e) => e.event === 'ready');
        return s;
      }),
    );
    try {
      // Submitted on A, then admitted on B: each screen sees each change, whichever process made it.
      const motion = await ok(call(a, 'POST', `/congresses/${congressId}/motions`, { token: d1.token, body: { title: 'Two processes', text: 'Congress runs on two machines.', submitter: { kind: 'member' } } }));
      for (const s of screens) await s.next((e) => e.event === 'floor' && e.data.type === 'motion' && e.data.id === motion.id);
      await ok(call(b, 'POST', `/motions/${motion.id}/admit`, { token: chair.token, body: {} }));
      for (const s of screens) await s.next((e) => e.event === 'floor' && e.data.type === 'motion' && e.data.id === motion.id);
    } finally {
      await Promise.all(screens.map((s) => s.cancel()));
    }
  });
});
