/**
 * Invitations of a large member import (issue 12): after a mapped CSV import of N members is
 * applied, how long until all N invitations are queued in the outbox (each with its secret link
 * and the member's welcome), and whether memory stays flat while they are written, batch by
 * batch — next to a baseline measured in the same run: one raw `INSERT … SELECT` of N rows into a
 * bare table with the outbox's shape.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres BENCH_MEMBERS=100000 \
 *     node --expose-gc -r @swc-node/register bench/invitations.bench.ts
 *
 * Works on a scratch database (created, migrated, dropped). Nothing delivers mail
 * (NOTIFY_DISPATCH=false): the figure is the queueing; delivery throughput is the notifications
 * benchmark's. The invitations are written the way the platform writes them
 * (`npm run invitations` / the API's scheduler: 2,000 per transaction, `BENCH_BATCH` to change it). Prints JSON; the figures are
 * copied into bench/results/invitations.md.
 *
 * Memory (RSS and JS heap of this process, which also runs the API) is sampled every 250 ms from
 * the start of the apply to the last batch written (`memorySamples`: each phase's range and about
 * 40 samples with the number of invitations written so far). `BENCH_PROFILE=1` adds the time of
 * every statement and the `EXPLAIN (ANALYZE, BUFFERS)` plans of three batches (see
 * `profileStatements`); its total is then not the benchmark's figure.
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

process.env.NOTIFY_DISPATCH = 'false';
process.env.STANDING_JOB_INTERVAL_MINUTES = '0';
process.env.DISCIPLINE_DEADLINE_JOB_MINUTES = '0';
process.env.MEMBER_CSV_MAX_BYTES = String(256 * 1024 * 1024);

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55433/postgres';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 2000);
const mb = (n: number) => Math.round(n / 1048576);
const since = (t0: number) => Math.round(performance.now() - t0);

async function main(): Promise<void> {
  const name = `invitations_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { loadConfig, runMigrations } = await import('../libs/platform/src');
  const { migrations } = await import('../migrations');
  const { createApp } = await import('../apps/api/src/bootstrap');
  const { operatorTasks } = await import('../apps/api/src/composition');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'invitations-bench-'));
  // INVITATION_DISPATCH_MS=0: nothing writes queued invitations in the background, only the measured drain.
  const config = loadConfig({ DATABASE_URL: url.toString(), DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'false', NODE_ENV: 'production', INVITATION_DISPATCH_MS: '0', DISCIPLINE_KEY: randomBytes(32).toString('base64') });
  await runMigrations(config, migrations);
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  const out: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: +os.loadavg()[0].toFixed(1) },
    database: 'PostgreSQL',
    members: MEMBERS,
  };
  // The server's settings that weigh most on this figure (the shared server's, not the CI's).
  const settings = await db.query(`SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers')`);
  out.databaseSettings = Object.fromEntries(settings.rows.map((r: { name: string; setting: string; unit: string | null }) => [r.name, r.unit ? `${r.setting} × ${r.unit}` : r.setting]));
  const app = await createApp({ config, webRoot: null });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    // The national membership secretary who runs the import.
    const [branch] = (await db.query(`INSERT INTO membership.branches (code, name, founded_on) VALUES ('BENCH', 'Bench', '2010-01-01') RETURNING id`)).rows;
    const [ms] = (await db.query(`INSERT INTO membership.members (first_name, last_name, email, status, email_consent, applied_on, joined_on, branch_id) VALUES ('Mo', 'Secretary', 'ms@bench.example.org', 'active', true, '2020-01-01', '2020-01-01', $1) RETURNING id`, [branch.id])).rows;
    const [body] = (await db.query(`INSERT INTO identity.bodies (kind, name, seats) VALUES ('NATIONAL_OFFICE', 'National office', 5) RETURNING id`)).rows;
    await db.query(`INSERT INTO identity.mandates (member_id, body_id, role, starts_on, source_kind, source_ref) VALUES ($1, $2, 'membership-secretary', '2020-01-01', 'appointment', 'bench')`, [ms.id, body.id]);
    const [account] = (await db.query(`INSERT INTO identity.accounts (email, member_id) VALUES ('ms@bench.example.org', $1) RETURNING id`, [ms.id])).rows;
    const token = randomBytes(32).toString('base64url');
    await db.query(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [account.id, createHash('sha256').update(token).digest('hex')]);
    await db.query(`INSERT INTO identity.code_of_conduct_versions (version, title, body, published_at) VALUES (1, 'Code of Conduct', $1, now())`, ['We treat one another with respect. '.repeat(60)]);

    const lines = ['first_name,last_name,email,phone,branch_code,joined_on,status,email_consent'];
    for (let i = 0; i < MEMBERS; i++) lines.push(`Imported,Person ${i},imported.${i}@import.example.org,,BENCH,2020-0${1 + (i % 9)}-15,active,yes`);
    const csv = Buffer.from(lines.join('\n'));
    lines.length = 0;
    global.gc?.();
    // Memory of this process (the API runs in it) sampled every 250 ms through the apply and the
    // writing: whether it grows with the number of rows written, or stays flat.
    const tStart = performance.now();
    const samples: { s: number; phase: string; rssMb: number; heapMb: number; written: number }[] = [];
    let phase = 'apply';
    let written = 0;
    const sample = () => {
      const u = process.memoryUsage();
      samples.push({ s: +((performance.now() - tStart) / 1000).toFixed(2), phase, rssMb: mb(u.rss), heapMb: mb(u.heapUsed), written });
    };
    sample();
    const sampler = setInterval(sample, 250);
    if (process.env.BENCH_PROFILE === '1') await profileStatements();
    let t0 = performance.now();
    const res = await fetch(`${base}/members/import?mode=apply`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
    const applied = (await res.json()) as { batchId?: string; applied?: boolean };
    if (res.status !== 200 || !applied.batchId) throw new Error(`apply failed: ${res.status} ${JSON.stringify(applied).slice(0, 400)}`);
    out.applyMs = since(t0);
    const queuedAtApply = (await db.query(`SELECT count(*)::int AS n FROM identity.invitations WHERE batch_ref = $1 AND status = 'queued'`, [applied.batchId])).rows[0].n;
    out.invitationsQueuedByTheApply = queuedAtApply;

    // Written to the outbox after the apply, batch by batch, with memory sampled.
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let rssPeak = rssBefore;
    const heapSamples: number[] = [];
    const timer = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      heapSamples.push(process.memoryUsage().heapUsed);
    }, 50);
    phase = 'writing';
    sample();
    t0 = performance.now();
    const marks: Record<string, number> = {};
    for (;;) {
      const n = await operatorTasks.writeQueuedInvitations(app, BATCH);
      if (n === 0) break;
      written += n;
      for (const q of [0.25, 0.5, 0.75]) if (!marks[`${q * 100}%`] && written >= q * MEMBERS) marks[`${q * 100}%`] = since(t0);
    }
    const queueMs = since(t0);
    clearInterval(timer);
    sample();
    clearInterval(sampler);
    global.gc?.();
    const outbox = (await db.query(`SELECT count(*)::int AS n FROM notifications.outbox`)).rows[0].n;
    out.outboxAfterApply = { invitationsWritten: written, outboxRows: outbox, ms: queueMs, progressMs: marks, perSecond: Math.round((written / queueMs) * 1000) };
    out.memorySamples = summarizeSamples(samples);
    if (process.env.BENCH_PROFILE === '1') out.profile = profileReport();
    out.memory = { rssBeforeMb: mb(rssBefore), rssPeakMb: mb(rssPeak), rssAfterMb: mb(process.memoryUsage().rss), heapBeforeMb: mb(heapBefore), heapMaxMb: mb(Math.max(heapBefore, ...heapSamples)), heapAfterMb: mb(process.memoryUsage().heapUsed) };

    // Baseline: the same number of rows, bare, in one statement.
    await db.query(`CREATE TABLE bench_outbox_baseline (LIKE notifications.outbox INCLUDING DEFAULTS)`);
    t0 = performance.now();
    await db.query(
      `INSERT INTO bench_outbox_baseline (notice_id, member_id, to_address, status, attempts, next_attempt_at, created_at)
       SELECT gen_random_uuid(), m.id, m.email, 'pending', 0, now(), now() FROM membership.members m WHERE m.import_batch_id = $1`,
      [applied.batchId],
    );
    out.baselineRawInsertSelectMs = since(t0);
    out.loadAverageAtEnd = +os.loadavg()[0].toFixed(1);
    out.verdict = queueMs <= 10_000 ? 'met (≤ 10 s)' : `not met (${(queueMs / 1000).toFixed(1)} s > 10 s)`;
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await app.close();
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The samples, thinned to about 40 for the report (first and last of each phase kept), plus each phase's min/max. */
function summarizeSamples(samples: { s: number; phase: string; rssMb: number; heapMb: number; written: number }[]) {
  const step = Math.max(1, Math.ceil(samples.length / 40));
  const kept = samples.filter((x, i) => i % step === 0 || i === samples.length - 1 || samples[i - 1]?.phase !== x.phase || samples[i + 1]?.phase !== x.phase);
  const phases: Record<string, { rssMb: [number, number]; heapMb: [number, number] }> = {};
  for (const x of samples) {
    const p = (phases[x.phase] ??= { rssMb: [x.rssMb, x.rssMb], heapMb: [x.heapMb, x.heapMb] });
    p.rssMb = [Math.min(p.rssMb[0], x.rssMb), Math.max(p.rssMb[1], x.rssMb)];
    p.heapMb = [Math.min(p.heapMb[0], x.heapMb), Math.max(p.heapMb[1], x.heapMb)];
  }
  return { everyMs: 250, phases, samples: kept.map((x) => `${x.s}s ${x.phase} written=${x.written} rss=${x.rssMb} heap=${x.heapMb}`) };
}

/**
 * BENCH_PROFILE=1: every statement the platform runs through a TypeORM manager is timed (summed
 * per statement, by its first words), and the invitation batches' statements of a few sampled
 * batches are first run under `EXPLAIN (ANALYZE, BUFFERS)` in a savepoint that is rolled back —
 * their plans, with the time of each node, triggers included. The sampled batches then run twice,
 * so the total of a profiled run is not the benchmark's figure.
 */
const profiled = new Map<string, { calls: number; ms: number }>();
const plans: { batch: number; statement: string; ms: number; nodes: string[]; triggers: string[] }[] = [];
let statementBatch = 0;
async function profileStatements(): Promise<void> {
  const { EntityManager } = await import('typeorm');
  const original = EntityManager.prototype.query;
  const explainAt = new Set([1, Math.ceil(MEMBERS / BATCH / 2), Math.ceil(MEMBERS / BATCH)]);
  EntityManager.prototype.query = async function (this: InstanceType<typeof EntityManager>, sql: string, params?: unknown[]) {
    const label = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
    const heavy = /WITH claimed AS|unnest\(\$1::uuid\[\], \$2::text\[\], \$3::text\[\], \$4::text\[\], \$5::text\[\]\)/.test(sql);
    if (heavy && /WITH claimed AS/.test(sql)) statementBatch++;
    if (heavy && explainAt.has(statementBatch) && this.queryRunner?.isTransactionActive) {
      await original.call(this, 'SAVEPOINT bench_explain');
      const t = performance.now();
      const [{ 'QUERY PLAN': plan }] = (await original.call(this, `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)) as { 'QUERY PLAN': Array<Record<string, any>> }[];
      const ms = performance.now() - t;
      await original.call(this, 'ROLLBACK TO SAVEPOINT bench_explain');
      const nodes: string[] = [];
      const walk = (n: Record<string, unknown>, depth: number) => {
        nodes.push(`${'  '.repeat(depth)}${n['Node Type']}${n['Relation Name'] ? ` ${n['Relation Name']}` : ''}${n['CTE Name'] ? ` (${n['CTE Name']})` : ''}${n['Index Name'] ? ` [${n['Index Name']}]` : ''}: ${n['Actual Total Time']} ms × ${n['Actual Loops']}, rows ${n['Actual Rows']}, buffers hit ${n['Shared Hit Blocks']} read ${n['Shared Read Blocks']} dirtied ${n['Shared Dirtied Blocks']}`);
        for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c, depth + 1);
      };
      walk(plan[0].Plan, 0);
      const triggers = ((plan[0].Triggers as { 'Trigger Name': string; Time: number; Calls: number }[] | undefined) ?? []).map((x) => `${x['Trigger Name']}: ${x.Time} ms × ${x.Calls}`);
      plans.push({ batch: statementBatch, statement: label.slice(0, 40), ms: Math.round(ms), nodes: [`execution ${plan[0]['Execution Time']} ms, planning ${plan[0]['Planning Time']} ms`, ...nodes], triggers });
    }
    const t = performance.now();
    try {
      return await original.call(this, sql, params);
    } finally {
      const p = profiled.get(label) ?? { calls: 0, ms: 0 };
      p.calls++;
      p.ms += performance.now() - t;
      profiled.set(label, p);
    }
  } as typeof original;
}

function profileReport() {
  const statements = [...profiled.entries()].map(([sql, p]) => ({ sql, calls: p.calls, ms: Math.round(p.ms) })).sort((a, b) => b.ms - a.ms);
  return { statements: statements.slice(0, 15), plans };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
