/**
 * `npm run job -- <name>`: runs one of the platform's scheduled jobs now, once, under the same
 * lock as its scheduled runs, prints what it did (counts only) and exits.
 * `npm run job -- --list`: the jobs there are, how often each runs on a schedule with this
 * configuration, and when it last ran and how (`platform.job_runs`, whichever process ran it).
 *
 * Same configuration as the platform (DATABASE_URL or the embedded database under DATA_DIR). On
 * the embedded database stop the API first (one process at a time); on PostgreSQL it runs next to
 * the API and workers, and a job they are running at that moment is not run twice. Mail the job
 * writes to the outbox is sent by the API or a worker, not by this process.
 * Exit code 0 when the job ran, 1 when it failed or could not run, 2 when another process was
 * running it (nothing was done: try again when it has finished).
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import { createApp } from '../apps/api/src/bootstrap';
import { closeEmbeddedDatabases, JobRunner, loadConfig, openEmbeddedDatabase, type JobInfo } from '../libs/platform/src';

const USAGE = 'Usage: npm run job -- <name>   (runs that job now)\n       npm run job -- --list   (the jobs there are)';

const every = (j: JobInfo): string => {
  if (j.everyMs === 0) return 'on request only';
  if (j.everyMs % 60_000 === 0) return `every ${j.everyMs / 60_000} min`;
  if (j.everyMs % 1000 === 0) return `every ${j.everyMs / 1000} s`;
  return `every ${j.everyMs} ms`;
};

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const list = args.includes('--list');
  const name = args.find((a) => !a.startsWith('-'));
  if (!list && (!name || args.length !== 1)) {
    console.error(USAGE);
    return 1;
  }
  // Only the job asked for runs here: no schedule, no demo, no mail delivery, no context timers.
  // (Set in the process environment: some contexts read their settings from it directly.)
  Object.assign(process.env, {
    SEED_DEMO: 'false',
    NOTIFY_DISPATCH: 'false',
    DISCIPLINE_DEADLINE_JOB_MINUTES: '0',
    DISCIPLINE_JOBS_INTERVAL_MS: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const config = loadConfig(process.env);
  if (!config.databaseUrl && !fs.existsSync(config.dataDir)) {
    console.error(`No embedded database at ${config.dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`);
    return 1;
  }
  const embedded = config.databaseUrl ? undefined : await openEmbeddedDatabase(config.dataDir);
  const app = await createApp({ config, embedded, webRoot: null, scheduleJobs: false });
  try {
    await app.init();
    const runner = app.get(JobRunner);
    const jobs = runner.list();
    if (list) {
      const recorded = new Map((await runner.recordedRuns()).map((r) => [r.name, r]));
      const width = Math.max(...jobs.map((j) => j.name.length));
      for (const j of jobs) {
        const r = recorded.get(j.name);
        const last = r
          ? `last ${r.outcome} ${r.startedAt.toISOString()} (${r.trigger}, ${r.durationMs} ms, ${r.ranBy})${r.outcome === 'failed' && r.lastSuccessAt ? `, last success ${r.lastSuccessAt.toISOString()}` : ''}`
          : 'never run';
        console.log(`${j.name.padEnd(width)}  ${every(j).padEnd(16)}  ${j.description}\n${' '.repeat(width + 2)}${last}`);
      }
      return 0;
    }
    if (!runner.has(name!)) {
      console.error(`There is no job named "${name}". Jobs: ${jobs.map((j) => j.name).join(', ')} (npm run job -- --list).`);
      return 1;
    }
    const r = await runner.runNow(name!);
    if (r.outcome === 'busy') {
      console.log(`Job ${r.job} not run: another process is running it now. Try again when it has finished.`);
      return 2;
    }
    if (r.outcome === 'failed') {
      console.error(`Job ${r.job} failed after ${r.durationMs} ms: ${r.error?.code ? `${r.error.code} ` : ''}${r.error?.message}`);
      return 1;
    }
    console.log(`Job ${r.job} ran in ${r.durationMs} ms: ${JSON.stringify(r.result ?? null)}`);
    return 0;
  } finally {
    await app.close();
    await closeEmbeddedDatabases();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`Could not run the job: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
