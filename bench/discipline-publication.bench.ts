/**
 * Publishing an outcome notice to 100,000 members (S8), on real PostgreSQL.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres \
 *     node -r @swc-node/register bench/discipline-publication.bench.ts [--keep]
 *
 * Builds (once; reused with --keep) a database with the seed generator's organization: 100,000
 * members, 200 branches, 10 years of history, the national bodies. Boots the application's
 * services (both parts of the disciplinary context, notifications, identity, audit) without
 * HTTP, with a clock the benchmark moves, and for each of two expulsions goes through the real
 * use cases: a complaint filed, triaged, investigated; the panel votes and decides; the appeal
 * window passes. Then it times:
 *
 *   - baseline commit:   a transaction that writes one audit entry (the floor of any use case);
 *   - finality:          the finding's transaction — finality, member status, restrictions,
 *                        mandates, the readmission list, the outcome notice, the case stage,
 *                        audit — timed around the finality job (target ≤ 1 s);
 *   - baseline fan-out:  the notifications context's own `fanOutToMembers` of an announcement
 *                        to the same good-standing audience (what any notice to all costs);
 *   - publication:       the publication job's transaction for the first notice: every feed
 *                        entry and outbox row, in batches inside PostgreSQL;
 *   - scheduled:         for the second notice, the jobs running on their own timer
 *                        (DISCIPLINE_JOBS_INTERVAL_MS, default 5 s): from the moment the notice is due
 *                        to the moment all its feed entries exist (target ≤ 30 s).
 *
 * Mail delivery is switched off (NOTIFY_DISPATCH=false): sending 100,000 emails is the
 * dispatcher's work, after the commit, and not what is measured. Prints JSON; the figures in
 * bench/results/discipline-proceedings.md come from it.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditLog } from '../libs/audit/src';
import { Outbox } from '../libs/notifications/src';
import { DISCIPLINE_CONNECTION, FixedClock, dataSourceOptions, loadConfig, runMigrations } from '../libs/platform/src';
import { AppModule } from '../apps/api/src/app.module';
import { generateOrganization } from '../apps/api/src/seed/organization-generator';
import { migrations } from '../migrations';
import { memberActor } from '../libs/discipline/src/application/access/discipline-actor';
import { DeliberateUseCase } from '../libs/discipline/src/application/finding/deliberate.use-case';
import { FinalizeFindingsJob } from '../libs/discipline/src/application/finding/finalize-findings.job';
import { FileComplaint } from '../libs/discipline/src/application/intake/file-complaint.use-case';
import { PanelActions } from '../libs/discipline/src/application/panel/panel-actions.use-case';
import { PublishDueNoticesJob } from '../libs/discipline/src/application/publication/publish-due-notices.job';
import { TriageCase } from '../libs/discipline/src/application/triage/triage-case.use-case';
import { ProceedingsJobsScheduler } from '../libs/discipline/src/infrastructure/jobs/proceedings-jobs.scheduler';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const DB = 'commons_bench_discipline_publication';
const MEMBERS = 100_000;
const DAY = 86_400_000;
const INTERVAL_MS = 5_000;

const round = (x: number) => Math.round(x * 100) / 100;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const log = (s: string) => process.stderr.write(`${s}\n`);

async function prepare(adminUrl: string, url: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB])).rowCount! > 0;
  if (exists && keep) {
    await admin.end();
    log(`reusing ${DB}`);
    return;
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
      seed: 'discipline-publication-bench',
      today: new Date().toISOString().slice(0, 10),
      onProgress: (msg) => log(`  ${msg} (${Math.round((Date.now() - started) / 1000)} s)`),
    }),
  );
  await ds.query(`ANALYZE`);
  await ds.destroy();
  log(`generated in ${Math.round((Date.now() - started) / 1000)} s`);
}

@Module({})
class BenchRoot {}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server (this benchmark needs real PostgreSQL).');
  const u = new URL(adminUrl);
  u.pathname = `/${DB}`;
  const url = u.toString();
  await prepare(adminUrl, url);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-bench-'));
  Object.assign(process.env, {
    NOTIFY_DISPATCH: 'false',
    DISCIPLINE_JOBS_INTERVAL_MS: '0',
    DISCIPLINE_DEADLINE_JOB_MINUTES: '0',
    // The dues context's daily standing job would recompute 100,000 members in the middle of the run.
    STANDING_JOB_INTERVAL_MINUTES: '0',
  });
  const config = loadConfig({
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    // A fixed bench key, so a kept database's earlier cases still open.
    DISCIPLINE_KEY: createHash('sha256').update('discipline-publication-bench').digest('base64'),
  });
  const clock = new FixedClock(new Date());
  const root: DynamicModule = {
    module: BenchRoot,
    imports: [AppModule.forRoot({ config, clock })],
  };
  const app = await NestFactory.createApplicationContext(root, { logger: false, abortOnError: false });
  await app.init();
  const ds = app.get<DataSource>(getDataSourceToken(DISCIPLINE_CONNECTION));
  const appDs = app.get<DataSource>(getDataSourceToken());
  try {
    // Earlier runs' notices would only slow the inserts down: start each run from an empty outbox.
    await ds.query(`TRUNCATE notifications.feed_entries, notifications.outbox, notifications.notices`).catch(async () => {
      await appDs.query(`TRUNCATE notifications.feed_entries, notifications.outbox, notifications.notices`);
    });
    const goodStanding = async (): Promise<number> =>
      (
        await ds.query(
          `SELECT count(*)::int AS n FROM membership.members m LEFT JOIN dues.standing s ON s.member_id = m.id
            WHERE m.status IN ('active', 'lapsed') AND COALESCE(s.in_good_standing, m.status = 'active')`,
        )
      )[0].n;

    const commissioners: string[] = (
      await ds.query(
        `SELECT x.member_id FROM identity.mandates x JOIN identity.bodies b ON b.id = x.body_id AND b.kind = 'CCOM'
          WHERE x.ends_on IS NULL OR x.ends_on > now() ORDER BY x.member_id`,
      )
    ).map((r: any) => r.member_id);
    const officeHolders = new Set((await ds.query(`SELECT DISTINCT member_id FROM identity.mandates`)).map((r: any) => r.member_id));

    const disciplineActor = (memberId: string) => memberActor(memberId, { commissioner: commissioners.includes(memberId) });
    const proceedingsActor = disciplineActor;

    /** A complaint filed, triaged, investigated, decided (expulsion); returns the case reference. */
    const expulsionDecided = async (n: number): Promise<string> => {
      const parties: string[] = (
        await ds.query(`SELECT id FROM membership.members WHERE status = 'active' ORDER BY md5(id::text || $1) LIMIT 50`, [`bench-${Date.now()}-${n}`])
      )
        .map((r: any) => r.id)
        .filter((id: string) => !officeHolders.has(id));
      const [complainant, respondent] = parties;
      const filed = await app.get(FileComplaint).byMember(disciplineActor(complainant), {
        respondents: [{ memberId: respondent }],
        narrative: 'Benchmark complaint.',
        path: 'formal',
      });
      const [row] = await ds.query(`SELECT duty_commissioner_id FROM discipline.cases WHERE reference = $1`, [filed.reference]);
      const triaged = await app.get(TriageCase).run(filed.reference, disciplineActor(row.duty_commissioner_id), {});
      if (triaged.panel.length !== 3) throw new Error(`panel not complete: ${JSON.stringify(triaged)}`);
      await app.get(PanelActions).beginInvestigation(filed.reference, disciplineActor(triaged.panel[0]));
      const deliberation = app.get(DeliberateUseCase);
      const { findingId } = await deliberation.open(proceedingsActor(triaged.panel[0]), filed.reference, respondent);
      for (const p of triaged.panel) {
        await deliberation.vote(proceedingsActor(p), filed.reference, findingId, {
          verdict: 'uphold',
          proposedSanction: { kind: 'expulsion', readmissionConditions: 'A restorative programme.' },
        });
      }
      await deliberation.decide(proceedingsActor(triaged.panel[1]), filed.reference, findingId, { rule: 'Code of conduct §4', reasons: 'Benchmark reasons.' });
      return filed.reference;
    };

    const audience = await goodStanding();
    log(`good-standing audience: ${audience}`);
    const first = await expulsionDecided(1);
    clock.advance(3_600_000);
    const second = await expulsionDecided(2);
    clock.advance(-3_600_000);

    // Baseline commit: a transaction writing one audit entry.
    const audit = app.get(AuditLog);
    const baselineCommits: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = process.hrtime.bigint();
      await ds.transaction((m) => audit.record(m, { actorId: null, actorKind: 'system', context: 'bench', action: 'bench.baseline', subjectType: 'bench', subjectId: null }, clock.now()));
      baselineCommits.push(ms(t0));
    }
    baselineCommits.sort((a, b) => a - b);

    // The appeal window passes: the finality job makes each finding final in its own
    // transaction (the second one's window ends an hour later, so each is timed alone).
    const finalityJob = app.get(FinalizeFindingsJob);
    const finality: number[] = [];
    for (const step of [30 * DAY + 60_000, 3_600_000]) {
      clock.advance(step);
      const t1 = process.hrtime.bigint();
      const r = await finalityJob.runOnce();
      finality.push(ms(t1));
      if (r.finalized !== 1) throw new Error(`expected one finding to become final, got ${JSON.stringify(r)}`);
    }
    const notices = await ds.query(
      `SELECT n.id, c.reference, n.publish_at FROM discipline.outcome_notices n JOIN discipline.cases c ON c.id = n.case_id WHERE c.reference = ANY($1::text[])`,
      [[first, second]],
    );
    const noticeOf = (ref: string) => notices.find((x: any) => x.reference === ref);

    // Baseline fan-out: an announcement to the same audience through the notifications context.
    const outbox = app.get(Outbox);
    let t0 = process.hrtime.bigint();
    const baselineFanOut = await appDs.transaction((m) =>
      outbox.fanOutToMembers(m, { type: 'announcement', data: { title: 'Benchmark', text: 'Baseline announcement.' }, audience: 'good-standing', essential: true }),
    );
    const baselineFanOutMs = ms(t0);

    // The complainant's review window ends. First notice: the publication job, timed directly
    // (the second notice is due an hour later).
    clock.set(new Date(new Date(noticeOf(first).publish_at).getTime() + 1000));
    const expectedFirst = await goodStanding();
    t0 = process.hrtime.bigint();
    const published = await app.get(PublishDueNoticesJob).runOnce();
    const publicationMs = ms(t0);
    const [firstFeed] = await ds.query(
      `SELECT count(*)::int AS n FROM notifications.feed_entries f JOIN discipline.outcome_notices o ON o.notification_notice_id = f.notice_id WHERE o.id = $1`,
      [noticeOf(first).id],
    );

    // Second notice: the scheduled jobs on their timer, from the moment it is due to every feed entry.
    const scheduler = app.get(ProceedingsJobsScheduler);
    const timer = setInterval(() => void scheduler.tick(), INTERVAL_MS);
    const expectedSecond = await goodStanding();
    clock.set(new Date(new Date(noticeOf(second).publish_at).getTime() + 1000));
    const dueAt = Date.now();
    let secondFeed = 0;
    for (;;) {
      const [r] = await ds.query(
        `SELECT o.status, (SELECT count(*)::int FROM notifications.feed_entries f WHERE f.notice_id = o.notification_notice_id) AS n
           FROM discipline.outcome_notices o WHERE o.id = $1`,
        [noticeOf(second).id],
      );
      if (r.status === 'published') {
        secondFeed = r.n;
        break;
      }
      if (Date.now() - dueAt > 120_000) throw new Error('the second notice was not published within 2 minutes');
      await new Promise((res) => setTimeout(res, 100));
    }
    const scheduledMs = Date.now() - dueAt;
    clearInterval(timer);
    await scheduler.tick();

    const summary = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverage1m: round(os.loadavg()[0]) },
      postgres: (await ds.query(`SHOW server_version`))[0].server_version,
      organization: {
        members: (await ds.query(`SELECT count(*)::int AS n FROM membership.members`))[0].n,
        goodStanding: audience,
        branches: (await ds.query(`SELECT count(*)::int AS n FROM membership.branches`))[0].n,
      },
      ms: {
        baselineCommit: { p50: round(baselineCommits[12]), max: round(baselineCommits[24]) },
        finalityJob: finality.map(round),
        baselineFanOut: round(baselineFanOutMs),
        publicationFanOut: round(publicationMs),
        scheduledDueToAllFeedEntries: scheduledMs,
      },
      feedEntries: { first: firstFeed.n, second: secondFeed, expected: [expectedFirst, expectedSecond], baselineAnnouncement: baselineFanOut.recipients },
      published: published.published,
      jobsIntervalMs: INTERVAL_MS,
      targets: {
        findingTransactionUnder1s: finality.every((x) => x <= 1000),
        allFeedEntriesUnder30s: scheduledMs <= 30_000 && publicationMs <= 30_000,
        everyGoodStandingMemberReached: firstFeed.n === expectedFirst && secondFeed === expectedSecond,
      },
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
