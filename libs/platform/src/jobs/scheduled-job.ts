/**
 * A named piece of scheduled work that a context hands to the platform's `JobRunner`.
 *
 * The runner runs it every `everyMs` in this process (first `firstRunAfterMs` after start), never
 * twice at once across processes (a PostgreSQL advisory lock per job name), and now on request
 * (`npm run job -- <name>`). The work itself stays in the context.
 */
export interface ScheduledJob<R = unknown> {
  /** What an operator types (`npm run job -- standing`): lower case words joined by `-`, unique. */
  name: string;
  /** One line for `npm run job -- --list`. */
  description: string;
  /** Milliseconds between scheduled runs in this process; 0: never on a schedule here (it still runs on request). */
  everyMs: number;
  /** The first scheduled run, this many milliseconds after the job is registered (default: `everyMs`). */
  firstRunAfterMs?: number;
  /**
   * The work. Throw to report a failure (logged, the next run retries; the command exits 1). The
   * result is logged and printed by the command: counts and dates only — never personal data,
   * case content or ballots.
   */
  run(): Promise<R>;
  /**
   * Keep only a failure's error name and code — in the log, in the answer and in `platform.job_runs`
   * — never its message (for contexts whose error messages could carry case content).
   */
  quietErrors?: boolean;
}

/** What happened to one attempt to run a job. */
export interface JobRunResult<R = unknown> {
  job: string;
  /** `ran`: it ran to the end; `failed`: it threw; `busy`: another run held the job's lock, nothing was done. */
  outcome: 'ran' | 'failed' | 'busy';
  trigger: 'schedule' | 'request';
  startedAt: Date;
  durationMs: number;
  result?: R;
  /** On failure: the error's code and first 200 characters of its message. */
  error?: { code?: string; message: string };
}

/** One registered job, as `--list` shows it. */
export interface JobInfo {
  name: string;
  description: string;
  /** 0 when this process does not run it on a schedule. */
  everyMs: number;
  scheduled: boolean;
  lastRun: JobRunResult | null;
}

export const JOB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
