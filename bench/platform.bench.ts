/**
 * Issue 2 benchmark: warm start on the embedded database, GET /health/live, and an authenticated
 * GET of one's own member record on real PostgreSQL with 100k seeded members — each next to a bare
 * Fastify (+ pg) baseline measured in the same run.
 *
 *   npm run build && node -r @swc-node/register bench/platform.bench.ts
 *   PG_BENCH_URL=postgres://postgres@127.0.0.1:55432/postgres MEMBERS=100000 node -r @swc-node/register bench/platform.bench.ts
 *
 * `BENCH_DB` names the benchmark database (default `commons_bench_<MEMBERS>`; seeded when absent).
 * `API_DIST=<folder>` measures another build than `dist` (two builds compared in one window);
 * `RESULTS=<name>.json` names the results file; `ONLY=own` (or `start`, `live`, comma-separated)
 * runs part of it. On a shared machine compare the ratios, not the absolute figures: each figure
 * carries the load average when it was taken, and the own-record figures also the server's CPU
 * time per request (less sensitive to the load).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { cpuMs, load, loadAverage, machine, startProcess, stop, waitFor } from './support/load';

const root = path.resolve(__dirname, '..');
const results: Record<string, unknown> = {};
/** The API measured: `API_DIST` (default `dist`) names another build, to compare two builds in one window. */
const API_MAIN = path.join(process.env.API_DIST ?? 'dist', 'apps/api/src/main.js');

/** Starts measured for the warm start and its baseline: the target is a median over five. */
const STARTS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function warmStart(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-bench-'));
  const env = { DATA_DIR: dataDir, PORT: '3801', LOG_LEVEL: 'warn' };
  const first = startProcess(process.execPath, [API_MAIN], env);
  const cold = await waitFor('http://127.0.0.1:3801/health/ready', 180_000);
  await stop(first);
  const warm: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = Date.now();
    const p = startProcess(process.execPath, [API_MAIN], env);
    await waitFor('http://127.0.0.1:3801/health/ready');
    warm.push(Date.now() - t0);
    await stop(p);
  }
  const bareScript = `require('fastify')({logger:false}).get('/health/ready',async()=>({status:'ok'})).listen({port:3802,host:'127.0.0.1'})`;
  const bare: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = Date.now();
    const p = startProcess(process.execPath, ['-e', bareScript], {});
    await waitFor('http://127.0.0.1:3802/health/ready');
    bare.push(Date.now() - t0);
    await stop(p);
  }
  results.start = { loadAverage: loadAverage(), coldFirstStartWithDemoSeedMs: cold, warmStartToReadyMs: warm, bareFastifyStartMs: bare, warmMedianMs: median(warm), bareMedianMs: median(bare), ratio: +(median(warm) / median(bare)).toFixed(1) };
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function healthLive(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-bench-'));
  const api = startProcess(process.execPath, [API_MAIN], { DATA_DIR: dataDir, PORT: '3803', LOG_LEVEL: 'warn', SEED_DEMO: 'false' });
  await waitFor('http://127.0.0.1:3803/health/ready', 120_000);
  const platform = await load('http://127.0.0.1:3803/health/live', { connections: 50, seconds: 10 });
  await stop(api);
  const bareProc = startProcess(process.execPath, ['-r', '@swc-node/register', 'bench/support/bare-server.ts'], { PORT: '3804' });
  await waitFor('http://127.0.0.1:3804/health/live');
  const bare = await load('http://127.0.0.1:3804/health/live', { connections: 50, seconds: 10 });
  await stop(bareProc);
  results.healthLive = { platform, bareFastify: bare, ratio: +(platform.requestsPerSecond / bare.requestsPerSecond).toFixed(2) };
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function ownRecord(adminUrl: string, members: number): Promise<void> {
  const name = process.env.BENCH_DB ?? `commons_bench_${members}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (!exists) {
    await admin.query(`CREATE DATABASE ${name}`);
    const t0 = Date.now();
    execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/seed.ts', '--members', String(members), '--branches', String(Math.max(10, members / 100)), '--years', '10'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: 'inherit',
    });
    results.seedSeconds = (Date.now() - t0) / 1000;
  }
  await admin.end();
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  await db.query('ANALYZE');
  const token = randomBytes(32).toString('base64url');
  const [acc] = (await db.query(`SELECT a.id FROM identity.accounts a JOIN membership.members m ON m.id = a.member_id WHERE m.status = 'active' ORDER BY m.member_number DESC LIMIT 1`)).rows;
  await db.query(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [acc.id, createHash('sha256').update(token).digest('hex')]);
  await db.end();
  const headers = { authorization: `Bearer ${token}` };
  const api = startProcess(process.execPath, [API_MAIN], { DATABASE_URL: url.toString(), PORT: '3805', STANDING_JOB_INTERVAL_MINUTES: '0', LOG_LEVEL: 'warn', SEED_DEMO: 'false', DATABASE_POOL_SIZE: '10' });
  await waitFor('http://127.0.0.1:3805/health/ready', 180_000);
  const probe = await fetch('http://127.0.0.1:3805/me/member', { headers });
  const route = probe.ok ? '/me/member' : '/me';
  const c0 = cpuMs(api.pid);
  const platform = { ...(await load(`http://127.0.0.1:3805${route}`, { connections: 50, seconds: 15, headers })), loadAverage: loadAverage() };
  const platformCpu = perRequest(cpuMs(api.pid), c0, platform.requestsPerSecond * 15);
  await stop(api);
  const bareProc = startProcess(process.execPath, ['-r', '@swc-node/register', 'bench/support/bare-server.ts'], { PORT: '3806', DATABASE_URL: url.toString() });
  await waitFor('http://127.0.0.1:3806/health/live');
  const b0 = cpuMs(bareProc.pid);
  const bare = { ...(await load('http://127.0.0.1:3806/me/member', { connections: 50, seconds: 15, headers })), loadAverage: loadAverage() };
  const bareCpu = perRequest(cpuMs(bareProc.pid), b0, bare.requestsPerSecond * 15);
  await stop(bareProc);
  results.ownMemberRecord = {
    members,
    route,
    platform: { ...platform, cpuMsPerRequest: platformCpu },
    barefastifyPg: { ...bare, cpuMsPerRequest: bareCpu },
    ratio: +(platform.requestsPerSecond / bare.requestsPerSecond).toFixed(2),
  };
}

const perRequest = (after: number | null, before: number | null, requests: number): number | null =>
  after === null || before === null || !requests ? null : +((after - before) / requests).toFixed(3);

const only = (part: string): boolean => !process.env.ONLY || process.env.ONLY.split(',').includes(part);

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, API_MAIN))) throw new Error('Run npm run build first.');
  results.machine = await machine();
  results.date = new Date().toISOString().slice(0, 10);
  if (only('start')) await warmStart();
  if (only('live')) await healthLive();
  if (process.env.PG_BENCH_URL && only('own')) await ownRecord(process.env.PG_BENCH_URL, Number(process.env.MEMBERS ?? 100_000));
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = process.env.RESULTS ?? (process.env.ONLY ? `platform-${process.env.ONLY.replace(/,/g, '-')}.json` : 'platform.json');
  fs.writeFileSync(path.join(root, 'bench/results', file), JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
