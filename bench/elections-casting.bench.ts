/**
 * Casting ballots over HTTP on real PostgreSQL (issue 7: 2,000 ballots in 60 s, p99 ≤ 100 ms, zero
 * double votes).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres node -r @swc-node/register bench/elections-casting.bench.ts [--voters N] [--concurrency C]
 *
 * In a fresh database (created and dropped here) it seeds N voters (default 2,000) with sessions,
 * starts the whole API (Fastify, the elections module, the notifications outbox, the policy guard)
 * on a loopback port, and measures, in the same run:
 *
 *   1. baseline-paced / baseline-burst: a bare route doing one INSERT per request through the same
 *      Fastify server and connection pool (no auth, no validation, no transaction logic);
 *   2. cast-paced: N ballots (+10 % double-vote attempts) sent at the target rate, N per 60 s,
 *      open loop (each request leaves on schedule, whatever the others do);
 *   3. cast-burst: N ballots (+10 % double-vote attempts) in a second election, closed loop with C
 *      clients sending as fast as they can.
 *
 * Every cast is a real one: signed-in voter, policy guard, validation, the election's lock, the
 * electorate and member-status check, the restrictions port, the ballot checked against the
 * paper, participation row + buffered ballot in one transaction, and the shuffled moves. After
 * each phase it checks: every first cast 201, every double vote 409 already_voted, exactly N
 * participation rows and N ballots, then closes (hash committed), certifies (counts) and checks
 * the valid poll is N. Prints a JSON summary; the figures in bench/results/elections.md come from it.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { FixedClock, loadConfig, runMigrations } from '../libs/platform/src';
import { migrations } from '../migrations';
import { createApp } from '../apps/api/src/bootstrap';
import { seatReturningOfficer, seedSignedInMembers } from './support/seed-people';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const VOTERS = arg('--voters', 2000);
const CONCURRENCY = arg('--concurrency', 16);
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';

interface Sample {
  ms: number;
  status: number;
  code?: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summarize(name: string, samples: Sample[], wallMs: number) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const out = {
    name,
    requests: samples.length,
    wallMs: Math.round(wallMs),
    perSecond: Math.round((samples.length / wallMs) * 1000),
    p50: +percentile(ms, 50).toFixed(1),
    p95: +percentile(ms, 95).toFixed(1),
    p99: +percentile(ms, 99).toFixed(1),
    max: +ms[ms.length - 1].toFixed(1),
    statuses: samples.reduce<Record<string, number>>((acc, s) => ((acc[`${s.status}${s.code ? ` ${s.code}` : ''}`] = (acc[`${s.status}${s.code ? ` ${s.code}` : ''}`] ?? 0) + 1), acc), {}),
  };
  process.stderr.write(`${name.padEnd(16)} ${String(out.requests).padStart(5)} req  ${String(out.wallMs).padStart(6)} ms  ${String(out.perSecond).padStart(5)}/s  p50 ${out.p50}  p95 ${out.p95}  p99 ${out.p99}  max ${out.max} ms  ${JSON.stringify(out.statuses)}\n`);
  return out;
}

async function timed(url: string, init: RequestInit): Promise<Sample> {
  const start = process.hrtime.bigint();
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => ({}))) as { code?: string };
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.status, code: res.status >= 400 ? body.code : undefined };
}

/** Open loop: request i leaves at start + i × interval, whatever the others are doing. */
async function paced(jobs: (() => Promise<Sample>)[], totalMs: number): Promise<{ samples: Sample[]; wallMs: number }> {
  const interval = totalMs / jobs.length;
  const start = Date.now();
  const samples = await Promise.all(
    jobs.map(
      (job, i) =>
        new Promise<Sample>((resolve, reject) => {
          setTimeout(() => job().then(resolve, reject), Math.max(0, start + i * interval - Date.now()));
        }),
    ),
  );
  return { samples, wallMs: Date.now() - start };
}

/** Closed loop: C clients, each sending its next request when the previous one is answered. */
async function burst(jobs: (() => Promise<Sample>)[], clients: number): Promise<{ samples: Sample[]; wallMs: number }> {
  const samples: Sample[] = new Array(jobs.length);
  let next = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < jobs.length) {
        const i = next++;
        samples[i] = await jobs[i]();
      }
    }),
  );
  return { samples, wallMs: Date.now() - start };
}

/** N first casts with 10 % double-vote attempts mixed in (some racing the voter's own first cast). */
function castJobs(base: string, electionId: string, tokens: string[], candidates: string[]): { jobs: (() => Promise<Sample>)[]; duplicates: number } {
  const order: number[] = tokens.map((_, i) => i);
  const jobs: (() => Promise<Sample>)[] = [];
  let duplicates = 0;
  for (const i of order) {
    const ranking = [...candidates].sort(() => Math.random() - 0.5).slice(0, 1 + (i % candidates.length));
    const send = () =>
      timed(`${base}/elections/${electionId}/ballots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}`, 'idempotency-key': `bench-${electionId}-${i}-${randomBytes(8).toString('hex')}` },
        body: JSON.stringify({ ranking }),
      });
    jobs.push(send);
    if (i % 10 === 0) {
      jobs.push(send); // a second ballot by the same voter (another Idempotency-Key): must be refused
      duplicates++;
    }
  }
  return { jobs, duplicates };
}

async function main(): Promise<void> {
  const dbName = `commons_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const [{ server_version: pgVersion }] = (await admin.query(`SHOW server_version`)).rows;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'commons-bench-'));
  const clock = new FixedClock(new Date());
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    const config = loadConfig({ DATABASE_URL: url.toString(), NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir, DATABASE_POOL_SIZE: '20', DISCIPLINE_KEY: randomBytes(32).toString('base64') });
    await runMigrations(config, migrations);

    // ── seed: voters with sessions, a returning officer ────────────────────────────────────
    const seed = new Client({ connectionString: url.toString() });
    await seed.connect();
    const { memberIds, tokens } = await seedSignedInMembers(seed, { count: VOTERS + 1, firstName: 'Voter', emailPrefix: 'voter-', history: true });
    const [{ id: ccBody }] = (await seed.query(`INSERT INTO identity.bodies (kind, name, seats) VALUES ('CC', 'Central Committee', 30) RETURNING id`)).rows;
    const roToken = tokens.pop() as string;
    const roMember = memberIds.pop() as string;
    await seatReturningOfficer(seed, roMember);
    await seed.query(`CREATE TABLE public.bench_baseline (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, member_id uuid NOT NULL, content jsonb NOT NULL)`);
    await seed.end();

    // ── the API, plus the baseline route on the same Fastify server and pool ─────────────────
    app = await createApp({ config, clock });
    const ds = app.get<DataSource>(getDataSourceToken());
    app
      .getHttpAdapter()
      .getInstance()
      .post('/bench/baseline', async (req: any, reply: any) => {
        await ds.query(`INSERT INTO public.bench_baseline (member_id, content) VALUES ($1, $2::jsonb)`, [req.body.memberId, JSON.stringify(req.body.ballot)]);
        reply.code(201).send({ ok: true });
      });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = await app.getUrl();
    const call = async (path: string, token: string, body: unknown = {}) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const json = await res.json();
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return json as any;
    };
    const election = async (title: string) => {
      const e = await call('/elections', roToken, { title, purpose: 'body', scope: 'organization', bodyId: ccBody, seats: 3, method: 'scottish-stv' });
      await call(`/elections/${e.id}/open-nominations`, roToken);
      for (let c = 0; c < 6; c++) {
        const cand = await call(`/elections/${e.id}/nominations`, tokens[c]);
        for (let n = 1; n <= 3; n++) await call(`/elections/${e.id}/candidates/${cand.id}/nominators`, tokens[(c + n) % 6 + 6]);
      }
      await call(`/elections/${e.id}/open-voting`, roToken, { closesAt: new Date(clock.now().getTime() + 3_600_000).toISOString() });
      const detail = await (await fetch(`${base}/elections/${e.id}`, { headers: { authorization: `Bearer ${roToken}` } })).json();
      return { id: e.id as string, candidates: (detail as any).candidates.map((c: any) => c.id) as string[] };
    };
    const verify = async (electionId: string, samples: Sample[], duplicates: number) => {
      const first = samples.filter((s) => s.status === 201).length;
      const refused = samples.filter((s) => s.status === 409 && s.code === 'already_voted').length;
      const [counts] = await ds.query(
        `SELECT (SELECT count(*) FROM elections.participation WHERE election_id = $1)::int AS participation,
                (SELECT count(DISTINCT member_id) FROM elections.participation WHERE election_id = $1)::int AS voters,
                (SELECT count(*) FROM elections.ballots WHERE election_id = $1)::int + (SELECT count(*) FROM elections.ballot_buffer WHERE election_id = $1)::int AS ballots`,
        [electionId],
      );
      clock.advance(3_600_001);
      await call(`/elections/${electionId}/close`, roToken);
      await call(`/elections/${electionId}/certify`, roToken);
      const result = (await (await fetch(`${base}/elections/${electionId}/result`, { headers: { authorization: `Bearer ${roToken}` } })).json()) as any;
      const check = {
        firstCasts201: first,
        doubleVotesAttempted: duplicates,
        doubleVotesRefused: refused,
        participationRows: counts.participation,
        distinctVoters: counts.voters,
        ballotsStored: counts.ballots,
        certifiedValidPoll: Number(result.result.count.validPoll),
        zeroDoubleVotes: first === VOTERS && refused === duplicates && counts.participation === VOTERS && counts.voters === VOTERS && counts.ballots === VOTERS && Number(result.result.count.validPoll) === VOTERS,
      };
      process.stderr.write(`  check ${JSON.stringify(check)}\n`);
      if (!check.zeroDoubleVotes) throw new Error('verification failed');
      return check;
    };

    // Warm-up (JIT, pool): 50 baseline requests, not measured.
    await burst(
      Array.from({ length: 50 }, (_, i) => () => timed(`${base}/bench/baseline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: memberIds[i], ballot: { ranking: [1] } }) })),
      8,
    );
    const baselineJobs = () =>
      memberIds.slice(0, VOTERS).map((memberId, i) => () =>
        timed(`${base}/bench/baseline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId, ballot: { ranking: [1 + (i % 6), 1 + ((i + 1) % 6)] } }) }),
      );

    const results: Record<string, unknown> = {};
    let r = await paced(baselineJobs(), 60_000);
    results.baselinePaced = summarize('baseline-paced', r.samples, r.wallMs);
    r = await burst(baselineJobs(), CONCURRENCY);
    results.baselineBurst = summarize('baseline-burst', r.samples, r.wallMs);

    const e1 = await election('Bench paced');
    const paced1 = castJobs(base, e1.id, tokens.slice(0, VOTERS), e1.candidates);
    r = await paced(paced1.jobs, 60_000);
    results.castPaced = { ...summarize('cast-paced', r.samples, r.wallMs), check: await verify(e1.id, r.samples, paced1.duplicates) };

    const e2 = await election('Bench burst');
    const burst2 = castJobs(base, e2.id, tokens.slice(0, VOTERS), e2.candidates);
    r = await burst(burst2.jobs, CONCURRENCY);
    results.castBurst = { ...summarize('cast-burst', r.samples, r.wallMs), check: await verify(e2.id, r.samples, burst2.duplicates) };

    const env = { date: new Date().toISOString(), node: process.version, postgres: pgVersion, cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, loadavg: loadavg().map((l) => +l.toFixed(2)), voters: VOTERS, concurrency: CONCURRENCY };
    const summary = { env, ...results };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await app?.close().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
