/**
 * Speed of automatic recusal and the panel draw for one case (S3), at scale, on real PostgreSQL.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres \
 *     node -r @swc-node/register bench/discipline-recusal.bench.ts [--iterations N] [--keep]
 *
 * Builds (once; reused with --keep) a database with the seed generator's organization: 100,000
 * members, 200 branches, 10 years of branch history with transfers, the national bodies (7
 * commissioners, 3 alternates, 5 Appeals Committee members) and branch committees; plus 300 open
 * cases naming random members, so the "other open cases" query has work to do. Then, for a case
 * whose complainant and respondent have the longest branch histories, times N times (default 300):
 *
 *   - baseline:     one bare SELECT of the parties' branch periods (what any lookup costs);
 *   - recusal:      `RecusalService.compute` — every fact loaded through the discipline
 *                   connection in 5 indexed queries (candidates; branch periods, mandates and
 *                   declarations of parties and candidates; other open cases) and the engine run;
 *   - recusal+draw: the same, plus `drawPanel` with a fresh 144-bit seed (the triage path).
 *
 * Each iteration runs in its own transaction, as the use cases do. Target: p99 of recusal+draw
 * ≤ 50 ms. Prints JSON; the figures in bench/results/discipline.md come from it.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, runMigrations } from '../libs/platform/src';
import { migrations } from '../migrations';
import { generateOrganization } from '../apps/api/src/seed/organization-generator';
import { newDrawSeed } from '../libs/discipline/src/application/panel/panel.service';
import { RecusalService } from '../libs/discipline/src/application/recusal/recusal.service';
import { Case, drawPanel, sealedRef } from '../libs/discipline/src/domain';
import { CaseRecordsSqlRepository } from '../libs/discipline/src/infrastructure/case/case-records.sql-repository';
import { loadDisciplineSettings } from '../libs/discipline/src/application/discipline-settings';
import { RecusalFactsSqlRepository } from '../libs/discipline/src/infrastructure/recusal/recusal-facts.sql-repository';
import { MandateRecordsFacade } from '../libs/identity/src';
import { MemberFactsFacade } from '../libs/membership/src';

const args = process.argv.slice(2);
const flag = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const iterations = flag('--iterations', 300);
const keep = args.includes('--keep');
const DB = 'commons_bench_discipline';
const MEMBERS = 100_000;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (x: number) => Math.round(x * 100) / 100;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: round(pct(s, 50)), p95: round(pct(s, 95)), p99: round(pct(s, 99)), max: round(s[s.length - 1]), mean: round(s.reduce((a, b) => a + b, 0) / s.length) };
};

async function prepare(adminUrl: string, url: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB])).rowCount! > 0;
  if (exists && keep) {
    const c = new Client({ connectionString: url });
    await c.connect();
    const ok = await c.query(`SELECT count(*)::int AS n FROM membership.members`).catch(() => null);
    await c.end();
    if (ok && ok.rows[0].n >= MEMBERS) {
      await admin.end();
      process.stderr.write(`reusing ${DB} (${ok.rows[0].n} members)\n`);
      return;
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  await runMigrations(loadConfig({ DATABASE_URL: url }), migrations);
  const ds = new DataSource(await dataSourceOptions(loadConfig({ DATABASE_URL: url }), 'migration'));
  await ds.initialize();
  const started = Date.now();
  await ds.transaction((m) =>
    generateOrganization(m, {
      members: MEMBERS,
      branches: 200,
      years: 10,
      seed: 'discipline-bench',
      today: new Date().toISOString().slice(0, 10),
      onProgress: (msg) => process.stderr.write(`  ${msg} (${Math.round((Date.now() - started) / 1000)} s)\n`),
    }),
  );
  // 300 open cases naming random members (participants only: what recusal reads of them).
  await ds.query(`
    WITH picked AS (SELECT id, row_number() OVER () AS n FROM (SELECT id FROM membership.members ORDER BY md5(id::text) LIMIT 900) x),
    cases AS (
      INSERT INTO discipline.cases (id, reference, stage, path, serious, serious_violence, serious_sexual_misconduct, serious_threats, received_at, clock_started_at, snapshot, updated_at)
      SELECT gen_random_uuid(), 'CC-2026-B' || lpad(g::text, 3, '0') || '-BNCH', 'triaged', 'formal', false, false, false, false, now(), now(), '{}'::jsonb, now()
        FROM generate_series(1, 300) g RETURNING id, reference)
    INSERT INTO discipline.participants (case_id, role, member_id, added_at)
    SELECT c.id, r.role, p.id, now()
      FROM (SELECT id, row_number() OVER (ORDER BY reference) AS k FROM cases) c
      CROSS JOIN (VALUES ('complainant', 0), ('respondent', 1), ('witness', 2)) AS r(role, off)
      JOIN picked p ON p.n = (c.k - 1) * 3 + r.off + 1`);
  await ds.query(`ANALYZE`);
  await ds.destroy();
  process.stderr.write(`generated in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server (this benchmark needs real PostgreSQL).');
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  const url = u.toString();
  await prepare(adminUrl, url);

  const config = loadConfig({ DATABASE_URL: url });
  const ds = new DataSource(await dataSourceOptions(config, 'discipline'));
  await ds.initialize();
  try {
    const settings = loadDisciplineSettings({});
    // The register and the mandates as the composition binds them for the disciplinary context.
    const facts = new RecusalFactsSqlRepository(new MemberFactsFacade(), new MandateRecordsFacade());
    const records = new CaseRecordsSqlRepository();
    const recusal = new RecusalService(facts, records, settings);
    // The parties with the most branch history (transfers) make the heaviest case.
    const parties: { member_id: string }[] = await ds.query(
      `SELECT member_id FROM membership.branch_periods GROUP BY member_id ORDER BY count(*) DESC, member_id LIMIT 3`,
    );
    const [complainant, respondent, witness] = parties.map((p) => p.member_id);
    const now = new Date();
    const { case: c } = Case.file(
      {
        complainant: { kind: 'member', memberId: complainant },
        respondents: [{ kind: 'member', memberId: respondent }],
        narrative: sealedRef('sealed:bench'),
        when: null,
        where: null,
        witnesses: [{ kind: 'member', memberId: witness }],
        supportPerson: null,
        seriousness: { violence: false, sexualMisconduct: false, threats: false },
        path: 'formal',
        matchingOptIn: false,
      },
      { id: randomUUID(), reference: 'CC-2026-BNCH-0000', receivedAt: now.toISOString() },
    );
    const periods = (await ds.query(`SELECT count(*)::int AS n FROM membership.branch_periods WHERE member_id = ANY($1::uuid[])`, [[complainant, respondent]]))[0].n;

    const time = async (name: string, fn: () => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await fn(); // warm-up
      const xs: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const t0 = process.hrtime.bigint();
        await fn();
        xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const s = stats(xs);
      process.stderr.write(`${name.padEnd(14)} p50 ${s.p50} ms  p99 ${s.p99} ms\n`);
      return s;
    };
    let lastOutcome: Awaited<ReturnType<RecusalService['compute']>> | null = null;
    const baseline = await time('baseline', () =>
      ds.transaction((m) => m.query(`SELECT member_id, branch_id, from_date, to_date FROM membership.branch_periods WHERE member_id = ANY($1::uuid[])`, [[complainant, respondent]])),
    );
    const recusalOnly = await time('recusal', () => ds.transaction(async (m) => (lastOutcome = await recusal.compute(m, c, now))));
    const withDraw = await time('recusal+draw', () =>
      ds.transaction(async (m) => {
        const outcome = await recusal.compute(m, c, now);
        return drawPanel({ caseId: c.id, seed: newDrawSeed(), recusal: outcome });
      }),
    );
    const outcome = lastOutcome!;
    const summary = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverage1m: round(loadavg()[0]) },
      postgres: (await ds.query(`SHOW server_version`))[0].server_version,
      organization: {
        members: (await ds.query(`SELECT count(*)::int AS n FROM membership.members`))[0].n,
        branchPeriods: (await ds.query(`SELECT count(*)::int AS n FROM membership.branch_periods`))[0].n,
        mandates: (await ds.query(`SELECT count(*)::int AS n FROM identity.mandates`))[0].n,
        openCases: (await ds.query(`SELECT count(*)::int AS n FROM discipline.cases`))[0].n,
      },
      case: {
        partiesBranchPeriods: periods,
        candidates: outcome.assessments.length,
        eligible: outcome.assessments.filter((a) => a.eligible).length,
        conflicted: outcome.assessments.filter((a) => !a.eligible).length,
      },
      iterations,
      ms: { baseline, recusal: recusalOnly, recusalAndDraw: withDraw },
      target: { recusalAndDrawP99Under50ms: withDraw.p99 <= 50 },
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
