/**
 * Notifications benchmark (issue 4).
 *
 *   node -r @swc-node/register bench/notifications-fanout.bench.ts
 *
 * 1. A notice to 100,000 members (`fanOutToMembers`: one notice, 100k feed entries, 100k outbox
 *    rows, batches of 5,000, audited) — time and memory (RSS before / peak / after, heap), next to
 *    a baseline in the same run: one raw `INSERT … SELECT` of 100k rows into a bare table.
 *    On the embedded database (PGlite) always; on PostgreSQL when a URL is given.
 * 2. Delivery throughput to a local SMTP sink (a separate process that accepts everything):
 *    - embedded default: the in-process dispatcher (one process);
 *    - PostgreSQL + Redis: `apps/worker` processes, 1 and then 2 of them.
 *
 * Environment: BENCH_DATABASE_URL (admin URL of a PostgreSQL where a scratch database may be
 * created; falls back to DATABASE_URL), BENCH_REDIS_URL (falls back to REDIS_URL),
 * BENCH_MEMBERS (default 100000), BENCH_DELIVER (messages per delivery run, default 20000),
 * BENCH_EMBEDDED_DELIVER (default 5000).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { fanOutToMembers } from '@org/notifications';
import { dataSourceOptions, loadConfig, openMemoryDatabase, runMigrations, type AppConfig, type EmbeddedDatabase } from '@org/platform';
import { migrations } from '../migrations';
import { createWorker } from '../apps/worker/src/bootstrap';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const DELIVER = Number(process.env.BENCH_DELIVER ?? 20_000);
const EMBEDDED_DELIVER = Number(process.env.BENCH_EMBEDDED_DELIVER ?? 5_000);
const ROOT = path.resolve(__dirname, '..');
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const OUTCOME = {
  respondentName: 'Sam Example',
  rule: 'Code of conduct 2.1',
  upheld: true,
  sanction: { kind: 'expulsion' as const, suspendedUntil: null },
  panelSanction: null,
  decidedOn: '2026-10-01',
  finalOn: '2026-11-01',
  panelVote: { uphold: 3, notUphold: 0 },
  appealOutcome: null,
};

interface FanOutFigures {
  database: string;
  members: number;
  baselineMs: number;
  fanOutMs: number;
  recipients: number;
  emails: number;
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
  heapBefore: number;
  heapAfter: number;
}

/** Samples RSS while `f` runs. */
async function withMemory<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; rssBefore: number; rssPeak: number; rssAfter: number; heapBefore: number; heapAfter: number }> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let rssPeak = rssBefore;
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const value = await f();
  const ms = performance.now() - start;
  clearInterval(timer);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  return { value, ms, rssBefore, rssPeak, rssAfter: process.memoryUsage().rss, heapBefore, heapAfter: process.memoryUsage().heapUsed };
}

async function seed(ds: DataSource, members: number): Promise<{ deliverBranch: string; deliverBranch2: string }> {
  const [a] = await ds.query(`INSERT INTO membership.branches (code, name, founded_on) VALUES ('BENCH-A', 'Bench A', '2010-01-01') RETURNING id`);
  const [b] = await ds.query(`INSERT INTO membership.branches (code, name, founded_on) VALUES ('BENCH-B', 'Bench B', '2010-01-01') RETURNING id`);
  const [c] = await ds.query(`INSERT INTO membership.branches (code, name, founded_on) VALUES ('BENCH-C', 'Bench C', '2010-01-01') RETURNING id`);
  // Members 1..DELIVER in branch B, the next DELIVER in branch C (the delivery runs), the rest in A.
  for (let from = 1; from <= members; from += 20_000) {
    const to = Math.min(members, from + 19_999);
    await ds.query(
      `INSERT INTO membership.members (first_name, last_name, email, status, email_consent, applied_on, joined_on, branch_id)
       SELECT 'Bench', 'Member ' || g, 'bench-' || g || '@members.example', 'active', true, '2020-01-01', '2020-01-01',
              CASE WHEN g <= $3 THEN $5::uuid WHEN g <= 2 * $3 THEN $6::uuid ELSE $4::uuid END
         FROM generate_series($1::int, $2::int) g`,
      [from, to, DELIVER, a.id, b.id, c.id],
    );
  }
  await ds.query(`ANALYZE`);
  return { deliverBranch: b.id, deliverBranch2: c.id };
}

async function fanOutBench(ds: DataSource, label: string): Promise<FanOutFigures> {
  await ds.query(`CREATE TABLE IF NOT EXISTS public.bench_baseline (member_id uuid, to_address text, created_at timestamptz)`);
  const base = await withMemory(() => ds.query(`INSERT INTO public.bench_baseline SELECT id, email, now() FROM membership.members`));
  const fan = await withMemory(() =>
    ds.transaction((m) => fanOutToMembers(m, { type: 'outcome-notice', data: OUTCOME, audience: 'good-standing', dedupeKey: `bench:${Date.now()}` }, { batchSize: 5000 })),
  );
  return {
    database: label,
    members: MEMBERS,
    baselineMs: base.ms,
    fanOutMs: fan.ms,
    recipients: fan.value.recipients,
    emails: fan.value.emails,
    rssBefore: fan.rssBefore,
    rssPeak: fan.rssPeak,
    rssAfter: fan.rssAfter,
    heapBefore: fan.heapBefore,
    heapAfter: fan.heapAfter,
  };
}

/** A separate process that accepts every message as fast as it can (nothing parsed). */
async function startSink(): Promise<{ url: string; child: ChildProcess }> {
  const code = `
    const { SMTPServer } = require('smtp-server');
    let n = 0;
    const s = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onData(stream, session, cb) { stream.on('data', () => {}); stream.on('end', () => { n++; cb(); }); } });
    s.listen(0, '127.0.0.1', () => process.stdout.write('PORT ' + s.server.address().port + '\\n'));
  `;
  const child = spawn(process.execPath, ['-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
  });
  return { url: `smtp://127.0.0.1:${port}`, child };
}

async function waitSent(ds: DataSource, noticeId: string, total: number, timeoutMs: number): Promise<number> {
  const start = performance.now();
  for (;;) {
    const [r] = await ds.query(`SELECT count(*) FILTER (WHERE status <> 'pending')::int AS done FROM notifications.outbox WHERE notice_id = $1`, [noticeId]);
    if (r.done >= total) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`only ${r.done}/${total} delivered after ${timeoutMs} ms`);
    await sleep(200);
  }
}

async function publish(ds: DataSource, branchId: string): Promise<{ noticeId: string; emails: number }> {
  const r = await ds.transaction((m) => fanOutToMembers(m, { type: 'announcement', data: { title: 'Bench', text: 'Throughput run' }, audience: { branchId }, essential: true }));
  return { noticeId: r.noticeId, emails: r.emails };
}

async function embedded(): Promise<{ fan: FanOutFigures; deliveryPerSecond: number; delivered: number }> {
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'commons-bench-')) });
  const db: EmbeddedDatabase = await openMemoryDatabase();
  await runMigrations(config, migrations, db);
  const ds = new DataSource(await dataSourceOptions(config, 'app', {}, db));
  await ds.initialize();
  const { deliverBranch } = await seed(ds, MEMBERS);
  const fan = await fanOutBench(ds, 'embedded PGlite');
  // Throughput of the in-process dispatcher (one process) on the embedded database: park the big
  // notice (mark it sent) and deliver a smaller one.
  await ds.query(`UPDATE notifications.outbox SET status = 'sent', sent_at = now()`);
  const sink = await startSink();
  const smallBranch = await ds.query(`SELECT id FROM membership.members WHERE branch_id = $1 ORDER BY id LIMIT 1 OFFSET $2`, [deliverBranch, EMBEDDED_DELIVER - 1]);
  await ds.query(`UPDATE membership.members SET branch_id = NULL WHERE branch_id = $1 AND id > $2`, [deliverBranch, smallBranch[0].id]);
  const { noticeId, emails } = await publish(ds, deliverBranch);
  const worker = await createWorker({ config: { ...config, smtpUrl: sink.url }, embedded: db });
  const ms = await waitSent(ds, noticeId, emails, 600_000);
  await worker.close();
  sink.child.kill();
  await ds.destroy();
  await db.db.close();
  return { fan, deliveryPerSecond: (emails / ms) * 1000, delivered: emails };
}

async function postgres(adminUrl: string, redisUrl: string | undefined): Promise<{ fan: FanOutFigures; workers: { workers: number; delivered: number; perSecond: number }[] }> {
  const name = `commons_bench_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config: AppConfig = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: url.toString(), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'commons-bench-')) });
  await runMigrations(config, migrations);
  const ds = new DataSource(await dataSourceOptions(config, 'app'));
  await ds.initialize();
  const children: ChildProcess[] = [];
  try {
    const { deliverBranch, deliverBranch2 } = await seed(ds, MEMBERS);
    const fan = await fanOutBench(ds, 'PostgreSQL 15');
    const workers: { workers: number; delivered: number; perSecond: number }[] = [];
    if (redisUrl) {
      await ds.query(`UPDATE notifications.outbox SET status = 'sent', sent_at = now()`);
      const sink = await startSink();
      children.push(sink.child);
      const queueName = `notifications-bench:${process.pid}`;
      for (const [n, branch] of [
        [1, deliverBranch],
        [2, deliverBranch2],
      ] as const) {
        const { noticeId, emails } = await publish(ds, branch);
        const started: ChildProcess[] = [];
        for (let i = 0; i < n; i++) {
          const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'apps/worker/src/main.ts')], {
            cwd: ROOT,
            env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: url.toString(), REDIS_URL: redisUrl, SMTP_URL: sink.url, NOTIFY_QUEUE_NAME: queueName, DATA_DIR: config.dataDir },
            stdio: ['ignore', 'ignore', 'inherit'],
          });
          started.push(child);
          children.push(child);
        }
        // Time from the first delivery (workers warmed up) to the last.
        const first = performance.now();
        for (;;) {
          const [r] = await ds.query(`SELECT count(*) FILTER (WHERE status <> 'pending')::int AS done FROM notifications.outbox WHERE notice_id = $1`, [noticeId]);
          if (r.done > 0) break;
          if (performance.now() - first > 120_000) throw new Error('workers did not start');
          await sleep(50);
        }
        const [startCount] = await ds.query(`SELECT count(*) FILTER (WHERE status <> 'pending')::int AS done FROM notifications.outbox WHERE notice_id = $1`, [noticeId]);
        const ms = await waitSent(ds, noticeId, emails, 1_200_000);
        workers.push({ workers: n, delivered: emails - startCount.done, perSecond: ((emails - startCount.done) / ms) * 1000 });
        for (const c of started) {
          c.kill('SIGTERM');
          await new Promise((r) => c.once('exit', r));
        }
      }
    }
    return { fan, workers };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function printFan(f: FanOutFigures): void {
  console.log(
    `${f.database}: fan-out to ${f.recipients} members (${f.emails} outbox rows + ${f.recipients} feed entries) in ${(f.fanOutMs / 1000).toFixed(2)} s ` +
      `| baseline raw INSERT…SELECT of ${f.members} rows: ${(f.baselineMs / 1000).toFixed(2)} s ` +
      `| RSS ${mb(f.rssBefore)} before, ${mb(f.rssPeak)} peak, ${mb(f.rssAfter)} after; heap ${mb(f.heapBefore)} → ${mb(f.heapAfter)}`,
  );
}

async function main(): Promise<void> {
  console.log(`notifications bench: ${MEMBERS} members; node ${process.version}; ${os.cpus().length} cores; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const emb = await embedded();
  printFan(emb.fan);
  console.log(`embedded PGlite: in-process dispatcher delivered ${emb.delivered} messages at ${emb.deliveryPerSecond.toFixed(0)} msg/s`);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL;
  if (!adminUrl) {
    console.log('PostgreSQL part skipped: set BENCH_DATABASE_URL (or DATABASE_URL).');
    return;
  }
  const pg = await postgres(adminUrl, redisUrl);
  printFan(pg.fan);
  if (!redisUrl) console.log('worker throughput skipped: set BENCH_REDIS_URL (or REDIS_URL).');
  for (const w of pg.workers) console.log(`PostgreSQL + Redis: ${w.workers} worker process(es) delivered ${w.delivered} messages at ${w.perSecond.toFixed(0)} msg/s`);
  console.log(`load after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
