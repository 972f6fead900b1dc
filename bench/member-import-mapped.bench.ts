/**
 * Issue 12 benchmark: a member import read through a column mapping — a CiviCRM-shaped export
 * (quoted fields, address in five columns, status and membership-type value lists, branch by
 * name, date of birth, up to two earlier branch periods, dues level, 1 % cancelled rows left out)
 * — dry run then apply, on real PostgreSQL, with the process's memory sampled every 50 ms.
 *
 * Baselines measured in the same run, each on its own fresh copy of the same database:
 *  - the same people in the platform's own member format (no mapping, no history, no dues level);
 *  - a bare unnest INSERT of the same rows into a scratch table shaped like membership.members.
 *
 *   PG_BENCH_URL=postgres://postgres@127.0.0.1:55433/postgres SIZES=20000,100000 \
 *     node --expose-gc -r @swc-node/register bench/member-import-mapped.bench.ts
 *
 * The register already holds REGISTER (default 20,000) members, so duplicate checks have
 * something to compare with. Raw results: $BENCH_JSON (default: bench/results/member-import-mapped.json).
 * SCENARIOS (default mapped,plain,bare) runs only some of them. `bench/member-import-stream.bench.ts`
 * runs this file against the code before and after a change, in one run.
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

process.env.STANDING_JOB_INTERVAL_MINUTES = '0';
process.env.NOTIFY_DISPATCH = 'false';
process.env.MEMBER_CSV_MAX_BYTES = String(256 * 1024 * 1024);

const adminUrl = process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:55433/postgres';
const sizes = (process.env.SIZES ?? '20000,100000').split(',').map(Number);
const registerSize = Number(process.env.REGISTER ?? 20000);
const scenarios = new Set((process.env.SCENARIOS ?? 'mapped,plain,bare').split(','));
const BRANCHES = 50;
const tag = randomBytes(3).toString('hex');

const ms = (t0: bigint) => Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
const mb = (n: number) => Math.round(n / 2 ** 20);

function dbUrl(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A migrated database with branches, dues plans, a register and a signed-in national membership secretary. */
async function makeTemplate(): Promise<{ name: string; token: string }> {
  const name = `imp_map_tpl_${tag}`;
  await admin(`CREATE DATABASE ${name}`);
  const { loadConfig, runMigrations } = await import('../libs/platform/src');
  const { migrations } = await import('../migrations');
  await runMigrations(loadConfig({ DATABASE_URL: dbUrl(name) }), migrations);
  const db = new Client({ connectionString: dbUrl(name) });
  await db.connect();
  await db.query(`INSERT INTO membership.branches (code, name, founded_on) SELECT 'B' || lpad(i::text, 3, '0'), 'Branch ' || lpad(i::text, 3, '0'), '2000-01-01' FROM generate_series(1, $1) i`, [BRANCHES]);
  for (const [plan, amount, isDefault] of [
    ['Standard', 1500, true],
    ['Reduced', 500, false],
  ] as const) {
    await db.query(`INSERT INTO dues.plans (name, kind, period, currency, amount_minor, minimum_minor, is_default) VALUES ($1, 'fixed', 'monthly', 'GBP', $2, $2, $3)`, [plan, amount, isDefault]);
  }
  await db.query(
    `INSERT INTO membership.members (first_name, last_name, email, phone, status, email_consent, applied_on, joined_on, branch_id)
     SELECT 'Register', 'Member ' || i, 'register.' || i || '@example.org', '+44 161 ' || lpad(i::text, 7, '0'), 'active', true, '2015-01-01', '2015-01-01',
            (SELECT id FROM membership.branches WHERE code = 'B' || lpad((1 + i % $2)::text, 3, '0'))
       FROM generate_series(1, $1) i`,
    [registerSize, BRANCHES],
  );
  const [someone] = (await db.query(`SELECT id FROM membership.members ORDER BY member_number LIMIT 1`)).rows;
  const [body] = (await db.query(`INSERT INTO identity.bodies (kind, name, seats) VALUES ('NATIONAL_OFFICE', 'National office', 5) RETURNING id`)).rows;
  await db.query(`INSERT INTO identity.mandates (member_id, body_id, role, starts_on, source_kind, source_ref) VALUES ($1, $2, 'membership-secretary', '2020-01-01', 'appointment', 'bench')`, [someone.id, body.id]);
  const [account] = (await db.query(`INSERT INTO identity.accounts (email, member_id) VALUES ('bench-secretary@example.org', $1) RETURNING id`, [someone.id])).rows;
  const token = randomBytes(32).toString('base64url');
  await db.query(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [account.id, createHash('sha256').update(token).digest('hex')]);
  await db.query('VACUUM ANALYZE');
  await db.end();
  return { name, token };
}

const CIVICRM_HEADER =
  '"Contact ID","First Name","Last Name","Email","Phone","Street Address","Supplemental Address 1","City","Postal Code","Country","Birth Date","Membership ID","Membership Type","Membership Status","Member Since","Membership End Date","Branch","Previous Branch 1","Previous Branch 1 From","Previous Branch 1 Until","Previous Branch 2","Previous Branch 2 From","Previous Branch 2 Until","Do Not Email"';

/** A different surname per row, in letters (names are compared without digits). */
const surname = (i: number) => 'P' + [...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('');
const branchName = (i: number) => `Branch ${String(1 + (i % BRANCHES)).padStart(3, '0')}`;
const branchCode = (i: number) => `B${String(1 + (i % BRANCHES)).padStart(3, '0')}`;

/** The CiviCRM-shaped export, and the same people in the platform's own format. */
function files(rows: number): { mapped: Buffer; plain: Buffer; kept: number } {
  const q = (v: string) => `"${v}"`;
  const mapped: string[] = [CIVICRM_HEADER];
  const plain: string[] = ['first_name,last_name,email,phone,branch_code,joined_on,status,email_consent,address'];
  let kept = 0;
  for (let i = 0; i < rows; i++) {
    const year = 2005 + (i % 15);
    const joined = `${year}-0${1 + (i % 9)}-15`;
    const status = i % 100 === 0 ? 'Cancelled' : i % 10 === 0 ? 'Expired' : i % 7 === 0 ? 'Grace' : 'Current';
    const history = i % 3;
    const p1 = history >= 1 ? [branchName(i + 1), joined, `${year + 2}-01-01`] : ['', '', ''];
    const p2 = history === 2 ? [branchName(i + 2), `${year + 2}-01-01`, `${year + 4}-06-01`] : ['', '', ''];
    const email = `person.${i}.${rows}@import.example.org`;
    const phone = `+44 20 7${String(i).padStart(7, '0')}`;
    const dob = `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`;
    mapped.push(
      [String(100000 + i), 'Imported', surname(i), email, phone, `${1 + (i % 200)} Canal Street`, i % 5 === 0 ? 'Flat 2' : '', 'Manchester', 'M1 3HE', 'United Kingdom', dob, `C${i}`, i % 4 === 0 ? 'Student' : 'General', status, joined, '2026-12-31', branchName(i), ...p1, ...p2, i % 6 === 0 ? '1' : '0']
        .map(q)
        .join(','),
    );
    if (status !== 'Cancelled') {
      kept++;
      plain.push(`Imported,${surname(i)},${email},${phone},${branchCode(i)},${joined},${status === 'Expired' ? 'lapsed' : 'active'},${i % 6 === 0 ? 'no' : 'yes'},"${1 + (i % 200)} Canal Street, Manchester, M1 3HE"`);
    }
  }
  return { mapped: Buffer.from(mapped.join('\r\n')), plain: Buffer.from(plain.join('\n')), kept };
}

/** Samples heap and RSS every 50 ms while `fn` runs: the peak above what was in use before. */
async function withMemory<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; heapBeforeMb: number; heapPeakMb: number; rssBeforeMb: number; rssPeakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  let rssPeak = before.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  }, 50);
  const t0 = process.hrtime.bigint();
  try {
    const result = await fn();
    return { result, ms: ms(t0), heapBeforeMb: mb(before.heapUsed), heapPeakMb: mb(heapPeak), rssBeforeMb: mb(before.rss), rssPeakMb: mb(rssPeak) };
  } finally {
    clearInterval(timer);
  }
}

async function withApp<T>(template: string, fn: (base: string, db: Client) => Promise<T>): Promise<T> {
  const name = `imp_map_run_${randomBytes(3).toString('hex')}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const { loadConfig } = await import('../libs/platform/src');
  const { createApp } = await import('../apps/api/src/bootstrap');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imp-map-bench-'));
  const config = loadConfig({ DATABASE_URL: dbUrl(name), DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'false', NODE_ENV: 'production', DATABASE_POOL_SIZE: '10', DISCIPLINE_KEY: randomBytes(32).toString('base64') });
  const app = await createApp({ config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  const db = new Client({ connectionString: dbUrl(name) });
  await db.connect();
  try {
    return await fn(`http://127.0.0.1:${port}`, db);
  } finally {
    await db.end();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function post(base: string, token: string, body: Buffer, mode: string, mapping?: string): Promise<any> {
  const res = await fetch(`${base}/members/import?mode=${mode}${mapping ? `&mapping=${mapping}` : ''}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body });
  const json: any = await res.json();
  if (res.status !== 200 || !json.ok) throw new Error(`${mode} ${mapping ?? 'plain'}: ${res.status} ${JSON.stringify(json).slice(0, 600)}`);
  return { accepted: json.accepted, skipped: json.skipped, applied: json.applied, probable: json.duplicates?.probable?.length ?? 0, responseKb: Math.round(JSON.stringify(json).length / 1024) };
}

async function main(): Promise<void> {
  const t0 = process.hrtime.bigint();
  const tpl = await makeTemplate();
  const results: Record<string, unknown> = {
    ranAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(1)),
    register: registerSize,
    templateSeconds: Math.round(ms(t0) / 1000),
  };
  try {
    for (const rows of sizes) {
      const f = files(rows);
      const out: Record<string, unknown> = { rows, keptRows: f.kept, mappedFileMb: +(f.mapped.length / 2 ** 20).toFixed(1), plainFileMb: +(f.plain.length / 2 ** 20).toFixed(1) };
      if (scenarios.has('mapped')) out.mapped = await withApp(tpl.name, async (base, db) => {
        const dry = await withMemory(() => post(base, tpl.token, f.mapped, 'dry-run', 'civicrm'));
        const apply = await withMemory(() => post(base, tpl.token, f.mapped, 'apply', 'civicrm'));
        const [check] = (await db.query(`SELECT (SELECT count(*) FROM membership.members WHERE email LIKE '%@import.example.org')::int AS members, (SELECT count(*) FROM membership.branch_periods WHERE to_date IS NOT NULL)::int AS past_periods, (SELECT count(*) FROM dues.member_levels)::int AS levels`)).rows;
        return { dryRun: dry, apply, imported: check, loadAverage: +os.loadavg()[0].toFixed(1) };
      });
      console.log(`[${rows}] mapped`, JSON.stringify(out.mapped));
      if (scenarios.has('plain')) out.plainFormat = await withApp(tpl.name, async (base) => {
        const dry = await withMemory(() => post(base, tpl.token, f.plain, 'dry-run'));
        const apply = await withMemory(() => post(base, tpl.token, f.plain, 'apply'));
        return { dryRun: dry, apply, loadAverage: +os.loadavg()[0].toFixed(1) };
      });
      console.log(`[${rows}] plain`, JSON.stringify(out.plainFormat));
      if (scenarios.has('bare')) out.bareUnnestInsert = await withApp(tpl.name, async (_base, db) => {
        const parsed = f.plain.toString('utf8').split('\n').slice(1).map((l) => l.split(','));
        await db.query(`CREATE TABLE bench_import_baseline (LIKE membership.members INCLUDING DEFAULTS INCLUDING IDENTITY)`);
        const s0 = process.hrtime.bigint();
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
        return { ms: ms(s0) };
      });
      console.log(`[${rows}] bare`, JSON.stringify(out.bareUnnestInsert));
      results[`rows_${rows}`] = out;
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${tpl.name} WITH (FORCE)`);
  }
  results.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(1));
  const file = process.env.BENCH_JSON ?? path.resolve(__dirname, 'results/member-import-mapped.json');
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`written ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
