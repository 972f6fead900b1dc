/**
 * Issue 3 benchmarks, on real PostgreSQL with the seed generator's organization (10 years of
 * monthly payments), at each size in SIZES — every figure next to a baseline measured in the same
 * run on the same database:
 *
 *  1. standing job (POST /dues/standing/recompute, all members)  vs  one set-based SQL pass that
 *     sums each member's payments (a lower bound: reads the same ledger, applies no rules);
 *  2. freezing an organization-wide roll (POST /electoral-rolls), with the standing read model
 *     fresh for the date and for a date it has never been computed for  vs  a bare
 *     INSERT … SELECT of the same candidates joined to dues.standing;
 *  3. first page of a member search (GET /members?…), sequential requests, p50/p99  vs  the same
 *     keyset query sent straight through node-postgres;
 *  4. a member CSV import of as many rows as the size (dry run, then apply)  vs  a bare unnest
 *     INSERT of the same rows into a scratch table.
 *
 *   PG_BENCH_URL=postgres://postgres@127.0.0.1:55471/postgres SIZES=10000,100000 \
 *     node -r @swc-node/register bench/membership-register.bench.ts
 *
 * Each size's seeded database (mship_bench_<n>) is created once with `scripts/seed.ts` and kept;
 * every run works on a fresh copy (CREATE DATABASE … TEMPLATE), so runs are repeatable.
 * Raw results: $BENCH_JSON (default: membership-bench.json in the temp dir); the figures are
 * copied into bench/results/membership.md.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

process.env.STANDING_JOB_INTERVAL_MINUTES = '0';
process.env.NOTIFY_DISPATCH = 'false';
process.env.MEMBER_CSV_MAX_BYTES = String(256 * 1024 * 1024);

const root = path.resolve(__dirname, '..');
const adminUrl = process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:55471/postgres';
const sizes = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const only = new Set((process.env.ONLY ?? 'standing,roll,search,import').split(','));
const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version } };

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(2);
};

function dbUrl(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The seeded database of this size (made once), and a fresh copy of it for this run. */
async function freshCopy(members: number): Promise<{ url: string; name: string; seedSeconds: number | null }> {
  const seeded = `mship_bench_${members}`;
  let seedSeconds: number | null = null;
  const exists = await admin(async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [seeded])).rowCount);
  if (!exists) {
    await admin((c) => c.query(`CREATE DATABASE ${seeded}`));
    const t0 = Date.now();
    execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/seed.ts', '--members', String(members), '--branches', String(Math.max(10, members / 100)), '--years', '10'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dbUrl(seeded) },
      stdio: 'inherit',
    });
    seedSeconds = (Date.now() - t0) / 1000;
  }
  const name = `mship_run_${members}_${randomBytes(3).toString('hex')}`;
  await admin(async (c) => {
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [seeded]);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${seeded}`);
  });
  // Migrations that landed after the seed ran (other contexts' tables).
  const { loadConfig, runMigrations } = await import('../libs/platform/src');
  const { migrations } = await import('../migrations');
  await runMigrations(loadConfig({ DATABASE_URL: dbUrl(name) }), migrations);
  const c = new Client({ connectionString: dbUrl(name) });
  await c.connect();
  await c.query('VACUUM ANALYZE');
  await c.end();
  return { url: dbUrl(name), name, seedSeconds };
}

/** A signed-in principal: a session row for a member, with a mandate when asked. */
async function signIn(db: Client, memberId: string, mandate?: { kind: string; role: string }): Promise<string> {
  if (mandate) {
    let [body] = (await db.query(`SELECT id FROM identity.bodies WHERE kind = $1 AND branch_id IS NULL LIMIT 1`, [mandate.kind])).rows;
    if (!body) body = (await db.query(`INSERT INTO identity.bodies (kind, name, seats) VALUES ($1, $1, 5) RETURNING id`, [mandate.kind])).rows[0];
    await db.query(`INSERT INTO identity.mandates (member_id, body_id, role, starts_on, source_kind, source_ref) VALUES ($1, $2, $3, '2020-01-01', 'appointment', 'bench')`, [memberId, body.id, mandate.role]);
  }
  let [account] = (await db.query(`SELECT id FROM identity.accounts WHERE member_id = $1`, [memberId])).rows;
  if (!account) account = (await db.query(`INSERT INTO identity.accounts (email, member_id) VALUES ($1, $2) RETURNING id`, [`bench-${randomUUID()}@example.org`, memberId])).rows[0];
  const token = randomBytes(32).toString('base64url');
  await db.query(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [account.id, createHash('sha256').update(token).digest('hex')]);
  return token;
}

async function startApp(url: string) {
  const { loadConfig } = await import('../libs/platform/src');
  const { createApp } = await import('../apps/api/src/bootstrap');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mship-bench-'));
  const config = loadConfig({
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    NODE_ENV: 'production',
    DATABASE_POOL_SIZE: '10',
    DISCIPLINE_KEY: randomBytes(32).toString('base64'),
  });
  const app = await createApp({ config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return { app, base: `http://127.0.0.1:${address.port}`, dataDir };
}

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; status: number; body: any }> {
  const t0 = process.hrtime.bigint();
  const res = await fn();
  const body = await res.json().catch(() => null);
  return { ms: ms(t0), status: res.status, body };
}

async function benchSize(members: number): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const copy = await freshCopy(members);
  if (copy.seedSeconds !== null) out.seedSeconds = copy.seedSeconds;
  const db = new Client({ connectionString: copy.url });
  await db.connect();
  const counts = (await db.query(`SELECT (SELECT count(*) FROM membership.members)::int AS members, (SELECT count(*) FROM membership.branches)::int AS branches, (SELECT count(*) FROM dues.payments)::int AS payments`)).rows[0];
  out.data = counts;
  const ec = (await db.query(`SELECT md.member_id FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id WHERE b.kind = 'EC' LIMIT 1`)).rows[0].member_id;
  const someone = (await db.query(`SELECT id FROM membership.members WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 7`)).rows[0].id;
  const ecToken = await signIn(db, ec);
  const msToken = await signIn(db, someone, { kind: 'NATIONAL_OFFICE', role: 'membership-secretary' });
  const eloToken = await signIn(db, (await db.query(`SELECT id FROM membership.members WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 9`)).rows[0].id, { kind: 'ELECTIONS', role: 'returning-officer' });
  const officer = (await db.query(
    `SELECT md.member_id, b.branch_id FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id WHERE b.kind = 'BRANCH_COMMITTEE' AND md.role = 'secretary' LIMIT 1`,
  )).rows[0];
  const secToken = await signIn(db, officer.member_id);
  const { app, base, dataDir } = await startApp(copy.url);
  const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const today = new Date().toISOString().slice(0, 10);
  try {
    if (only.has('standing')) {
      // Baseline: one set-based pass over the same ledger (sum per member), written to a scratch table.
      await db.query(`DROP TABLE IF EXISTS bench_standing_baseline`);
      let t0 = process.hrtime.bigint();
      await db.query(
        `CREATE UNLOGGED TABLE bench_standing_baseline AS SELECT m.id AS member_id, coalesce(sum(p.amount_minor), 0) AS paid
           FROM membership.members m LEFT JOIN dues.payments p ON p.member_id = m.id GROUP BY m.id`,
      );
      const baselineMs = ms(t0);
      const load0 = os.loadavg()[0];
      const cpu0 = process.cpuUsage();
      const first = await timed(() => fetch(`${base}/dues/standing/recompute`, { method: 'POST', headers: auth(ecToken), body: '{}' }));
      const cpu1 = process.cpuUsage(cpu0);
      if (first.status !== 200) throw new Error(`recompute failed: ${first.status} ${JSON.stringify(first.body)}`);
      // Reminders go to the outbox after the run, in the background: wait for them, and time it.
      t0 = process.hrtime.bigint();
      for (;;) {
        const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM dues.reminders WHERE channel = 'recorded'`)).rows;
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const drainMs = ms(t0);
      const cpu2 = process.cpuUsage();
      const second = await timed(() => fetch(`${base}/dues/standing/recompute`, { method: 'POST', headers: auth(ecToken), body: '{}' }));
      const cpu3 = process.cpuUsage(cpu2);
      out.standingJob = {
        firstRunMs: Math.round(first.ms),
        firstRunNodeCpuMs: Math.round((cpu1.user + cpu1.system) / 1000),
        firstRun: first.body,
        remindersToOutboxAfterRunMs: Math.round(drainMs),
        secondRunMs: Math.round(second.ms),
        secondRunNodeCpuMs: Math.round((cpu3.user + cpu3.system) / 1000),
        secondRun: { lapsed: second.body.lapsed, reinstated: second.body.reinstated, reminders: second.body.reminders },
        baselineSetBasedSqlMs: Math.round(baselineMs),
        loadAverageAtStart: +load0.toFixed(1),
      };
      console.log(`[${members}] standing job: first ${Math.round(first.ms)} ms, second ${Math.round(second.ms)} ms; SQL baseline ${Math.round(baselineMs)} ms`, first.body);
      void t0;
      t0 = process.hrtime.bigint();
    }

    if (only.has('roll')) {
      // Baseline: the same candidates joined to the standing read model, in one INSERT … SELECT.
      await db.query(`DROP TABLE IF EXISTS bench_roll_baseline`);
      await db.query(`CREATE UNLOGGED TABLE bench_roll_baseline (member_id uuid, branch_id uuid)`);
      let t0 = process.hrtime.bigint();
      await db.query(
        `INSERT INTO bench_roll_baseline
         WITH st AS (SELECT DISTINCT ON (member_id) member_id, to_status FROM membership.status_history WHERE effective_on <= $1::date ORDER BY member_id, effective_on DESC, id DESC)
         SELECT st.member_id, bp.branch_id FROM st
           JOIN membership.branch_periods bp ON bp.member_id = st.member_id AND bp.from_date <= $1::date AND (bp.to_date IS NULL OR bp.to_date > $1::date)
           JOIN dues.standing s ON s.member_id = st.member_id AND s.as_of = $1::date AND s.in_good_standing
          WHERE st.to_status = 'active'`,
        [today],
      );
      const baselineMs = ms(t0);
      const fresh = await timed(() => fetch(`${base}/electoral-rolls`, { method: 'POST', headers: auth(eloToken), body: JSON.stringify({ asOf: today, scope: 'organization' }) }));
      if (fresh.status !== 201) throw new Error(`freeze failed: ${fresh.status} ${JSON.stringify(fresh.body)}`);
      const pastDate = `${Number(today.slice(0, 4)) - 1}-01-01`;
      const past = await timed(() => fetch(`${base}/electoral-rolls`, { method: 'POST', headers: auth(eloToken), body: JSON.stringify({ asOf: pastDate, scope: 'organization' }) }));
      const seats = await timed(() => fetch(`${base}/electoral-rolls/${fresh.body.id}/apportionment`, { method: 'POST', headers: auth(eloToken), body: JSON.stringify({ seats: 500, method: 'sainte-lague' }) }));
      out.rollFreeze = {
        loadAverage: +os.loadavg()[0].toFixed(1),
        readModelFreshMs: Math.round(fresh.ms),
        entries: fresh.body.entryCount,
        computedForPastDateMs: Math.round(past.ms),
        pastDate,
        pastEntries: past.body?.entryCount,
        apportion500SeatsMs: Math.round(seats.ms),
        baselineInsertSelectMs: Math.round(baselineMs),
      };
      console.log(`[${members}] roll freeze: ${Math.round(fresh.ms)} ms (${fresh.body.entryCount} entries), past date ${Math.round(past.ms)} ms; baseline ${Math.round(baselineMs)} ms; apportionment ${Math.round(seats.ms)} ms`);
      void t0;
      t0 = process.hrtime.bigint();
    }

    if (only.has('search')) {
      const scenarios: Array<[string, string, string]> = [
        ['secretary, own branch, no filter', secToken, '/members'],
        ['national, whole register, no filter', msToken, '/members'],
        ['national, name contains "garc"', msToken, '/members?name=garc'],
        ['national, email contains "maria"', msToken, '/members?email=maria'],
        ['national, lapsed and not in good standing', msToken, '/members?status=lapsed&standing=not-good'],
        ['national, a rare name (full scan)', msToken, '/members?name=zzzq'],
      ];
      const runs = Number(process.env.SEARCH_RUNS ?? 300);
      const searchOut: Record<string, unknown> = {};
      for (const [label, token, route] of scenarios) {
        for (let i = 0; i < 20; i++) await fetch(`${base}${route}`, { headers: auth(token) }).then((r) => r.arrayBuffer());
        const times: number[] = [];
        let status = 0;
        for (let i = 0; i < runs; i++) {
          const t0 = process.hrtime.bigint();
          const res = await fetch(`${base}${route}`, { headers: auth(token) });
          await res.arrayBuffer();
          status = res.status;
          times.push(ms(t0));
        }
        searchOut[label] = { status, p50Ms: pct(times, 50), p99Ms: pct(times, 99) };
      }
      // Baseline: the whole-register first page, straight through node-postgres (no HTTP, no auth).
      const base1: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        await db.query(
          `SELECT m.id, m.register_number, m.first_name, m.last_name, m.email, m.phone, m.status, m.branch_id, b.code, s.in_good_standing, m.sort_key
             FROM membership.members m LEFT JOIN membership.branches b ON b.id = m.branch_id LEFT JOIN dues.standing s ON s.member_id = m.id
            ORDER BY m.sort_key, m.id LIMIT 50`,
        );
        base1.push(ms(t0));
      }
      searchOut['baseline: same first-page query via node-postgres'] = { p50Ms: pct(base1, 50), p99Ms: pct(base1, 99) };
      // A second baseline: the cheapest authenticated route of the same app (GET /me), same loop.
      const me: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        await fetch(`${base}/me`, { headers: auth(msToken) }).then((r) => r.arrayBuffer());
        me.push(ms(t0));
      }
      searchOut['baseline: GET /me on the same app (auth only)'] = { p50Ms: pct(me, 50), p99Ms: pct(me, 99) };
      searchOut.loadAverage = +os.loadavg()[0].toFixed(1);
      out.search = searchOut;
      console.log(`[${members}] search`, searchOut);
    }

    if (only.has('import')) {
      const branches = (await db.query(`SELECT code FROM membership.branches ORDER BY code`)).rows.map((r: { code: string }) => r.code);
      const rows = members;
      const lines = ['first_name,last_name,email,phone,branch_code,joined_on,status,email_consent'];
      for (let i = 0; i < rows; i++) lines.push(`Imported,Person ${i},imported.${i}.${members}@import.example.org,+44 20 7946 ${String(i % 10000).padStart(4, '0')},${branches[i % branches.length]},2020-0${1 + (i % 9)}-15,${i % 10 === 0 ? 'lapsed' : 'active'},yes`);
      const csv = Buffer.from(lines.join('\n'));
      const post = (mode: string) => timed(() => fetch(`${base}/members/import?mode=${mode}`, { method: 'POST', headers: { authorization: `Bearer ${msToken}`, 'content-type': 'text/csv' }, body: csv }));
      const dry = await post('dry-run');
      if (dry.status !== 200 || !dry.body.ok) throw new Error(`dry run failed: ${dry.status} ${JSON.stringify(dry.body).slice(0, 500)}`);
      const apply = await post('apply');
      if (apply.status !== 200 || !apply.body.applied) throw new Error(`apply failed: ${apply.status} ${JSON.stringify(apply.body).slice(0, 500)}`);
      const again = await post('apply');
      // Baseline: the same rows, bare, into a scratch table with the members table's shape.
      await db.query(`DROP TABLE IF EXISTS bench_import_baseline`);
      await db.query(`CREATE TABLE bench_import_baseline (LIKE membership.members INCLUDING DEFAULTS INCLUDING IDENTITY)`);
      const parsed = lines.slice(1).map((l) => l.split(','));
      const t0 = process.hrtime.bigint();
      await db.query('BEGIN');
      for (let i = 0; i < parsed.length; i += 5000) {
        const s = parsed.slice(i, i + 5000);
        await db.query(
          `INSERT INTO bench_import_baseline (id, first_name, last_name, email, phone, status, applied_on, joined_on, register_number, sort_key)
           SELECT gen_random_uuid(), f, l, e, p, st, j, j, 'X' || e, l FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[]) AS t(f, l, e, p, st, j)`,
          [s.map((r) => r[0]), s.map((r) => r[1]), s.map((r) => r[2]), s.map((r) => r[3]), s.map((r) => r[6]), s.map((r) => r[5])],
        );
      }
      await db.query('COMMIT');
      const baselineMs = ms(t0);
      out.memberImport = {
        loadAverage: +os.loadavg()[0].toFixed(1),
        rows,
        fileMb: +(csv.length / 2 ** 20).toFixed(1),
        dryRunMs: Math.round(dry.ms),
        applyMs: Math.round(apply.ms),
        reapplySameFileMs: Math.round(again.ms),
        reapplyAlreadyApplied: again.body?.alreadyApplied,
        baselineBareUnnestInsertMs: Math.round(baselineMs),
      };
      console.log(`[${members}] import ${rows} rows: dry run ${Math.round(dry.ms)} ms, apply ${Math.round(apply.ms)} ms; baseline ${Math.round(baselineMs)} ms`);
    }
  } finally {
    await app.close();
    await db.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (process.env.KEEP_RUN_DB !== 'true') {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${copy.name} WITH (FORCE)`));
    }
  }
  return out;
}

async function main(): Promise<void> {
  for (const n of sizes) results[`members_${n}`] = await benchSize(n);
  const file = process.env.BENCH_JSON ?? path.join(os.tmpdir(), 'membership-bench.json');
  fs.writeFileSync(file, JSON.stringify({ ranAt: new Date().toISOString(), loadAverageAtEnd: os.loadavg(), ...results }, null, 2));
  console.log(`written ${file} (the table in bench/results/membership.md is written from it by hand)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
