import type { Logger } from '../logging/logger';
import { InProcessJobLocks, type JobLease, type JobLocks } from './job-locks';
import type { JobRunLog, RecordedJobRun } from './job-run-log';
import { JOB_NAME, type JobInfo, type JobRunResult, type ScheduledJob } from './scheduled-job';

export interface JobRunnerOptions {
  locks: JobLocks;
  logger?: Pick<Logger, 'info' | 'warn' | 'debug'>;
  /** false: jobs are registered (listed, run on request) but never run on a schedule in this process. */
  schedule?: boolean;
  /** Where each run is recorded (`platform.job_runs`); none in unit tests. */
  log?: JobRunLog;
}

interface Entry {
  job: ScheduledJob;
  first: NodeJS.Timeout | null;
  every: NodeJS.Timeout | null;
  running: Promise<JobRunResult> | null;
  lastRun: JobRunResult | null;
}

/** A registered job: `stop()` takes it off the schedule and waits for a run in progress. */
export interface JobHandle {
  readonly name: string;
  stop(): Promise<void>;
}

const errorOf = (e: unknown) => {
  const err = e as { code?: unknown; message?: unknown };
  return { ...(typeof err?.code === 'string' ? { code: err.code } : {}), message: String(err?.message ?? e).slice(0, 200) };
};

/**
 * The one runner of the platform's scheduled work (see libs/platform/README.md, "Scheduled jobs").
 * A context registers a named job; the runner runs it every `everyMs` (unref'd timers: they never
 * keep a process alive), never twice at once — not in this process (a tick that finds the job
 * still running is skipped) and not across processes (the job's lock, `JobLocks`) — and now on
 * request (`runNow`). A skipped tick is logged at debug level; a failure at warn level with the
 * error's code and message only; every run at debug level with its result (a job logs at info
 * level itself what is worth an operator's attention).
 * `stop()` clears every timer and waits for the runs in progress, so none is cut mid-transaction.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Entry>();
  private stopped = false;
  private recordFailureSaid = false;
  private readonly schedule: boolean;

  constructor(private readonly options: JobRunnerOptions) {
    this.schedule = options.schedule ?? true;
  }

  /** A runner with only in-process exclusion, for code constructed outside a Nest application (unit tests). */
  static inProcess(logger?: JobRunnerOptions['logger']): JobRunner {
    return new JobRunner({ locks: new InProcessJobLocks({}), logger });
  }

  /** Registers a job, and puts it on the schedule when `everyMs` > 0 and this runner schedules. */
  register<R>(job: ScheduledJob<R>): JobHandle {
    if (!JOB_NAME.test(job.name)) throw new Error(`A job's name is lower-case words joined by "-" (got "${job.name}").`);
    if (this.jobs.has(job.name)) throw new Error(`A job named "${job.name}" is already registered.`);
    const entry: Entry = { job: job as ScheduledJob, first: null, every: null, running: null, lastRun: null };
    this.jobs.set(job.name, entry);
    if (this.schedule && !this.stopped && job.everyMs > 0) {
      entry.first = setTimeout(() => {
        entry.first = null;
        this.tick(entry);
        if (this.jobs.get(job.name) === entry && !this.stopped) {
          entry.every = setInterval(() => this.tick(entry), job.everyMs);
          entry.every.unref();
        }
      }, job.firstRunAfterMs ?? job.everyMs);
      entry.first.unref();
    }
    return { name: job.name, stop: () => this.unregister(job.name, entry) };
  }

  /** Every registered job, by name. */
  list(): JobInfo[] {
    return [...this.jobs.values()]
      .map((e) => ({ name: e.job.name, description: e.job.description, everyMs: e.job.everyMs, scheduled: e.first !== null || e.every !== null, lastRun: e.lastRun }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Each job's last run as recorded in the database, by any process (empty without a run log). */
  async recordedRuns(): Promise<RecordedJobRun[]> {
    return (await this.options.log?.lastRuns()) ?? [];
  }

  has(name: string): boolean {
    return this.jobs.has(name);
  }

  /**
   * Runs the job now, under its lock, and answers what happened (`busy` when it is running here
   * or in another process: nothing was done). Never throws for the job's own failure: the answer
   * says `failed`. Throws for an unknown name.
   */
  runNow<R = unknown>(name: string): Promise<JobRunResult<R>> {
    const entry = this.jobs.get(name);
    if (!entry) throw new Error(`There is no job named "${name}". Jobs: ${[...this.jobs.keys()].sort().join(', ') || 'none'}.`);
    return this.attempt(entry, 'request') as Promise<JobRunResult<R>>;
  }

  /** Takes every job off the schedule and waits for the runs in progress. Later ticks and requests do nothing. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const e of this.jobs.values()) this.clearTimers(e);
    await Promise.all([...this.jobs.values()].map((e) => e.running?.catch(() => undefined)));
    await this.options.locks.close();
  }

  private async unregister(name: string, entry: Entry): Promise<void> {
    this.clearTimers(entry);
    if (this.jobs.get(name) === entry) this.jobs.delete(name);
    await entry.running?.catch(() => undefined);
  }

  private clearTimers(e: Entry): void {
    if (e.first) clearTimeout(e.first);
    if (e.every) clearInterval(e.every);
    e.first = null;
    e.every = null;
  }

  private tick(entry: Entry): void {
    if (this.stopped) return;
    void this.attempt(entry, 'schedule');
  }

  private attempt(entry: Entry, trigger: JobRunResult['trigger']): Promise<JobRunResult> {
    const startedAt = new Date();
    const busy = (): JobRunResult => {
      this.options.logger?.debug?.({ job: entry.job.name, trigger }, 'job not run: it is running in this or another process');
      return { job: entry.job.name, outcome: 'busy', trigger, startedAt, durationMs: 0 };
    };
    if (entry.running || this.stopped) return Promise.resolve(busy());
    let lease: JobLease | null | Promise<JobLease | null>;
    try {
      lease = this.options.locks.tryAcquire(entry.job.name);
    } catch (e) {
      return Promise.resolve(this.failed(entry, trigger, startedAt, e));
    }
    // In-process locks answer synchronously: the run then starts in this very turn of the event loop.
    if (!(lease instanceof Promise)) return lease ? this.run(entry, lease, trigger, startedAt) : Promise.resolve(busy());
    const running = lease.then(
      (l) => (l && !this.stopped ? this.run(entry, l, trigger, startedAt, true) : (void l?.release(), busy())),
      (e: unknown) => this.failed(entry, trigger, startedAt, e),
    );
    // Reserve the slot while the lock is being taken, so a second tick does not ask too.
    entry.running = running.finally(() => {
      if (entry.running === reserved) entry.running = null;
    });
    const reserved = entry.running;
    return running;
  }

  private run(entry: Entry, lease: JobLease, trigger: JobRunResult['trigger'], startedAt: Date, reserved = false): Promise<JobRunResult> {
    const p = (async (): Promise<JobRunResult> => {
      const t0 = Date.now();
      let r: JobRunResult;
      try {
        const result = await entry.job.run();
        r = { job: entry.job.name, outcome: 'ran', trigger, startedAt, durationMs: Date.now() - t0, result };
        entry.lastRun = r;
        this.options.logger?.debug?.({ job: r.job, trigger, durationMs: r.durationMs, result: r.result }, 'job ran');
      } catch (e) {
        r = this.failed(entry, trigger, startedAt, e, Date.now() - t0);
      }
      try {
        // Recorded while the job's lock is still held, so records follow the order of the runs.
        await this.options.log?.record(r);
      } catch (e) {
        // Said once at warn level (a database not migrated yet would say it at every run), then at debug.
        const say = this.recordFailureSaid ? this.options.logger?.debug : this.options.logger?.warn;
        this.recordFailureSaid = true;
        say?.call(this.options.logger, { job: r.job, err: { code: (e as { code?: string })?.code } }, 'the run of a job could not be recorded in platform.job_runs (are the migrations applied?)');
      } finally {
        await lease.release().catch(() => undefined);
      }
      return r;
    })();
    if (!reserved) {
      entry.running = p.finally(() => {
        if (entry.running === mine) entry.running = null;
      });
      const mine = entry.running;
    }
    return p;
  }

  private failed(entry: Entry, trigger: JobRunResult['trigger'], startedAt: Date, e: unknown, durationMs = 0): JobRunResult {
    // A job whose errors may carry case content keeps only the error's name and code — in the logs, in
    // the answer and in `platform.job_runs`.
    const error = entry.job.quietErrors ? { ...(typeof (e as { code?: unknown })?.code === 'string' ? { code: (e as { code: string }).code } : {}), message: String((e as { name?: unknown })?.name ?? 'Error') } : errorOf(e);
    const r: JobRunResult = { job: entry.job.name, outcome: 'failed', trigger, startedAt, durationMs, error };
    entry.lastRun = r;
    const logged = entry.job.quietErrors ? { name: error.message, ...(error.code ? { code: error.code } : {}) } : error;
    this.options.logger?.warn?.({ job: r.job, trigger, err: logged }, `job ${r.job} failed; the next run retries`);
    return r;
  }

}
