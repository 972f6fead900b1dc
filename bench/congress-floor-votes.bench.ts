/**
 * 1,000 accredited delegates voting on a motion on the congress floor, over HTTP on real
 * PostgreSQL (issue 15: every vote accepted within 30 s, p99 ≤ 100 ms per vote, the result on
 * every screen ≤ 1 s after the close).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres [REDIS_URL=redis://127.0.0.1:56380] \
 *     node -r @swc-node/register bench/congress-floor-votes.bench.ts [--delegates N] [--concurrency C] [--screens S]
 *
 * In a fresh database (created and dropped here) it seeds N delegates with sessions, accredited
 * to a congress (as elections records them), starts the whole API on a loopback port, opens the
 * floor and a motion's vote as its chair, connects S screens to the floor's event stream, and
 * sends every delegate's card (closed loop, C clients) — each a real one: session, policy guard,
 * validation, accreditation and restrictions check, participation row and totals in one
 * transaction, the event published. Then it closes the vote and measures when each screen has
 * the result. Checks: every card 200, exactly N participants, totals = N. Prints a JSON summary.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig, runMigrations, SystemClock } from '../libs/platform/src';
import { migrations } from '../migrations';
import { createApp } from '../apps/api/src/bootstrap';
import { seatReturningOfficer, seedSignedInMembers } from './support/seed-people';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const DELEGATES = arg('--delegates', 1000);
const CONCURRENCY = arg('--concurrency', 32);
const SCREENS = arg('--screens', 50);
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55433/postgres';
const step = (what: string) => process.stderr.write(`${new Date().toISOString()} ${what}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const dbName = `commons_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'commons-bench-'));
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const controllers: AbortController[] = [];
  try {
    const env: Record<string, string> = { DATABASE_URL: url.toString(), NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir, DATABASE_POOL_SIZE: '20', DISCIPLINE_KEY: randomBytes(32).toString('base64') };
    if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
    const config = loadConfig(env);
    await runMigrations(config, migrations);
    step('migrated');

    const seed = new Client({ connectionString: url.toString() });
    await seed.connect();
    const { branchId, memberIds, tokens } = await seedSignedInMembers(seed, { count: DELEGATES + 1, firstName: 'Delegate', emailPrefix: 'd-' });
    const chairToken = tokens.pop() as string;
    const chairId = memberIds.pop() as string;
    await seatReturningOfficer(seed, chairId);
    const congressId = randomUUID();
    const electionId = randomUUID();
    await seed.query(`INSERT INTO elections.congresses (id, title, roll_id, apportionment_id, delegate_seats, quorum, opens_on, created_at) VALUES ($1, 'Bench congress', $2, $3, $4, $5, '2027-05-01', now())`, [congressId, randomUUID(), randomUUID(), DELEGATES, Math.ceil(DELEGATES / 2)]);
    await seed.query(`INSERT INTO elections.elections (id, title, purpose, scope_kind, branch_id, congress_id, seats, method, status, electorate_kind, created_at) VALUES ($1, 'Bench delegates', 'delegates', 'branch', $2, $3, $4, 'plurality', 'published', 'roll', now())`, [electionId, branchId, congressId, DELEGATES]);
    await seed.query(`INSERT INTO elections.delegates (congress_id, member_id, branch_id, election_id, accredited_at) SELECT $1, m, $2, $3, now() FROM unnest($4::uuid[]) m`, [congressId, branchId, electionId, memberIds]);
    await seed.end();
    step('seeded');

    app = await createApp({ config, clock: new SystemClock() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = await app.getUrl();
    const call = async (path: string, token: string, body: unknown = {}) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const json = (await res.json()) as any;
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    await call(`/congresses/${congressId}/floor`, chairToken, {
      standingOrders: { motionDeadline: new Date(Date.now() + 86_400_000).toISOString(), secondersRequired: 0, voting: 'open', alternation: 'none', speakingSeconds: 180 },
      chairs: [chairId],
      standingOrdersCommittee: [chairId],
    });
    const motion = await call(`/congresses/${congressId}/motions`, tokens[0], { title: 'Bench motion', text: 'Congress votes fast.', submitter: { kind: 'member' } });
    await call(`/motions/${motion.id}/admit`, chairToken, {});
    await call(`/motions/${motion.id}/debate`, chairToken, {});
    const vote = await call(`/motions/${motion.id}/votes`, chairToken, {});
    step('vote open');

    // Screens following the floor: each records when it sees the closed result.
    const closedAt: number[] = [];
    const screens = await Promise.all(
      Array.from({ length: SCREENS }, async (_, i) => {
        const ctrl = new AbortController();
        controllers.push(ctrl);
        const res = await fetch(`${base}/congresses/${congressId}/floor/events`, { headers: { authorization: `Bearer ${tokens[i]}` }, signal: ctrl.signal });
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        let ready!: () => void;
        const isReady = new Promise<void>((r) => (ready = r));
        void (async () => {
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) return;
              buffer += decoder.decode(value, { stream: true });
              if (buffer.includes('event: ready')) ready();
              if (buffer.includes('"closed":true')) {
                closedAt[i] = Date.now();
                return;
              }
              buffer = buffer.slice(-200);
            }
          } catch {
            /* aborted */
          }
        })();
        await isReady;
      }),
    );
    void screens;
    step('screens connected');

    const memoryBefore = process.memoryUsage().rss;
    const samples: { ms: number; status: number }[] = new Array(tokens.length);
    let next = 0;
    const start = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < tokens.length) {
          const i = next++;
          const t0 = process.hrtime.bigint();
          const res = await fetch(`${base}/floor-votes/${vote.id}/cards`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` }, body: JSON.stringify({ answer: i % 3 === 0 ? 'no' : 'yes' }) });
          await res.text();
          samples[i] = { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.status };
        }
      }),
    );
    const wallMs = Date.now() - start;
    step('cards sent');
    const closeStart = Date.now();
    const closed = await call(`/floor-votes/${vote.id}/close`, chairToken, {});
    const deadline = Date.now() + 10_000;
    while (closedAt.filter(Boolean).length < SCREENS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const toScreens = closedAt.filter(Boolean).map((t) => t - closeStart).sort((a, b) => a - b);
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const statuses = samples.reduce<Record<number, number>>((acc, s) => ((acc[s.status] = (acc[s.status] ?? 0) + 1), acc), {});
    const summary = {
      delegates: tokens.length,
      concurrency: CONCURRENCY,
      redis: !!process.env.REDIS_URL,
      allAcceptedMs: wallMs,
      perSecond: Math.round((tokens.length / wallMs) * 1000),
      p50: +percentile(ms, 50).toFixed(1),
      p95: +percentile(ms, 95).toFixed(1),
      p99: +percentile(ms, 99).toFixed(1),
      max: +ms[ms.length - 1].toFixed(1),
      statuses,
      totals: { yes: closed.yes, no: closed.no, abstain: closed.abstain, voted: closed.voted },
      screens: SCREENS,
      screensWithResult: toScreens.length,
      resultOnScreensMs: { p50: toScreens.length ? percentile(toScreens, 50) : null, max: toScreens.length ? toScreens[toScreens.length - 1] : null },
      rssMbBefore: Math.round(memoryBefore / 1e6),
      rssMbAfter: Math.round(process.memoryUsage().rss / 1e6),
      load1: +loadavg()[0].toFixed(1),
      checks: {
        everyCardAccepted: statuses[200] === tokens.length,
        participantsEqualDelegates: closed.voted === tokens.length && closed.yes + closed.no + closed.abstain === tokens.length,
        within30s: wallMs <= 30_000,
        p99Within100ms: percentile(ms, 99) <= 100,
        resultOnEveryScreenWithin1s: toScreens.length === SCREENS && toScreens[toScreens.length - 1] <= 1000,
      },
    };
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    for (const c of controllers) c.abort();
    await app?.close().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
