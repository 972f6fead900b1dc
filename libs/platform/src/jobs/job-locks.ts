import * as pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from '../logging/logger';

/** Held while a job runs; `release()` lets the next run (here or in another process) take it. */
export interface JobLease {
  release(): Promise<void>;
}

/**
 * One lock per job name. `tryAcquire` answers at once (never waits): null when someone else runs
 * the job now. It may answer synchronously (in-process locks), so that a run starts in the same
 * turn of the event loop as its timer.
 */
export interface JobLocks {
  tryAcquire(name: string): JobLease | null | Promise<JobLease | null>;
  close(): Promise<void>;
}

/** Every name under one advisory-lock class of its own: `pg_try_advisory_lock(hashtext('commons.jobs'), hashtext(<job name>))`. */
export const JOB_LOCK_SQL = {
  lock: `SELECT pg_try_advisory_lock(hashtext('commons.jobs'), hashtext($1)) AS ok`,
  unlock: `SELECT pg_advisory_unlock(hashtext('commons.jobs'), hashtext($1)) AS ok`,
};

/**
 * Real PostgreSQL: a session-level advisory lock per job name, taken on a connection of the
 * runner's own (opened on first use, `application_name` `commons-jobs`), not one of the pool's —
 * so a running job never holds a pool connection idle, and the job's own transactions are free to
 * commit as they go. If the process dies, its connection closes and PostgreSQL releases the locks.
 * If the connection is lost while jobs run, their locks are gone: the loss is logged, and the
 * next lock opens a new connection (every job is idempotent, so an overlap then does no harm).
 */
export class AdvisoryJobLocks implements JobLocks {
  private client: Promise<pg.Client> | null = null;

  constructor(
    private readonly url: string,
    private readonly logger?: Logger,
  ) {}

  private connection(): Promise<pg.Client> {
    if (!this.client) {
      const client = new pg.Client({ connectionString: this.url, application_name: 'commons-jobs', connectionTimeoutMillis: 5000 });
      const lost = (e?: Error) => {
        if (this.client === opening) this.client = null;
        if (e) this.logger?.warn({ err: { code: (e as { code?: string }).code, message: e.message.slice(0, 200) } }, 'the job lock connection was lost; the next run opens another');
      };
      client.on('error', lost);
      client.on('end', () => lost());
      const opening: Promise<pg.Client> = client.connect().then(() => client);
      opening.catch(() => lost());
      this.client = opening;
    }
    return this.client;
  }

  async tryAcquire(name: string): Promise<JobLease | null> {
    const client = await this.connection();
    const { rows } = await client.query<{ ok: boolean }>(JOB_LOCK_SQL.lock, [name]);
    if (!rows[0]?.ok) return null;
    return {
      release: async () => {
        try {
          await client.query(JOB_LOCK_SQL.unlock, [name]);
        } catch {
          // Unsure whether it was released: closing the connection releases it for certain.
          await this.dropConnection(client);
        }
      },
    };
  }

  private async dropConnection(client: pg.Client): Promise<void> {
    if (this.client && (await this.client.catch(() => null)) === client) this.client = null;
    await client.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    const client = await c?.catch(() => null);
    await client?.end().catch(() => undefined);
  }
}

const heldOn = new WeakMap<object, Set<string>>();

/**
 * The embedded database (PGlite): one process owns the data folder (`commons.lock`), so every
 * runner that can reach the database lives in this process; and PGlite's single session would
 * make advisory locks re-entrant (every runner would get them). The lock is therefore a name in a
 * set kept per database instance, shared by every runner of this process on that database.
 */
export class InProcessJobLocks implements JobLocks {
  private readonly held: Set<string>;

  constructor(database: PGlite | object) {
    let held = heldOn.get(database);
    if (!held) heldOn.set(database, (held = new Set()));
    this.held = held;
  }

  tryAcquire(name: string): JobLease | null {
    if (this.held.has(name)) return null;
    this.held.add(name);
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        this.held.delete(name);
      },
    };
  }

  async close(): Promise<void> {}
}
