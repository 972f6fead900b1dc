import * as os from 'node:os';
import type { JobRunResult } from './scheduled-job';

/** A job's last run as `platform.job_runs` holds it (whichever process ran it). */
export interface RecordedJobRun {
  name: string;
  outcome: 'ran' | 'failed';
  trigger: 'schedule' | 'request';
  startedAt: Date;
  durationMs: number;
  result: unknown;
  error: { code?: string; message: string } | null;
  /** `host:pid` of the process that ran it. */
  ranBy: string;
  lastSuccessAt: Date | null;
}

/** Whatever runs a statement outside any transaction: the platform's data source. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/**
 * The last run of each job, in `platform.job_runs` (one row per name, replaced after each run that
 * happened), written through the platform's own connection after the run: so `npm run job --
 * --list` can say when each job last ran and how, across processes. Writing it never fails a job.
 */
export class JobRunLog {
  private readonly ranBy = `${os.hostname()}:${process.pid}`;

  constructor(private readonly db: Queryable) {}

  async record(r: JobRunResult): Promise<void> {
    if (r.outcome === 'busy') return;
    await this.db.query(
      `INSERT INTO platform.job_runs (name, outcome, trigger, started_at, duration_ms, result, error, ran_by, last_success_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, CASE WHEN $2 = 'ran' THEN $4::timestamptz END)
       ON CONFLICT (name) DO UPDATE SET outcome = EXCLUDED.outcome, trigger = EXCLUDED.trigger, started_at = EXCLUDED.started_at,
         duration_ms = EXCLUDED.duration_ms, result = EXCLUDED.result, error = EXCLUDED.error, ran_by = EXCLUDED.ran_by,
         last_success_at = COALESCE(EXCLUDED.last_success_at, platform.job_runs.last_success_at)`,
      [r.job, r.outcome, r.trigger, r.startedAt, Math.round(r.durationMs), r.result === undefined ? null : JSON.stringify(r.result), r.error ? JSON.stringify(r.error) : null, this.ranBy],
    );
  }

  async lastRuns(): Promise<RecordedJobRun[]> {
    const rows: Array<Record<string, any>> = await this.db.query(
      `SELECT name, outcome, trigger, started_at, duration_ms, result, error, ran_by, last_success_at FROM platform.job_runs ORDER BY name`,
    );
    return rows.map((x) => ({
      name: x.name,
      outcome: x.outcome,
      trigger: x.trigger,
      startedAt: new Date(x.started_at),
      durationMs: Number(x.duration_ms),
      result: x.result,
      error: x.error,
      ranBy: x.ran_by,
      lastSuccessAt: x.last_success_at ? new Date(x.last_success_at) : null,
    }));
  }
}
