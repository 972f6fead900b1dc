import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A `pg`-style pool over one in-process PGlite database, for TypeORM's `postgres` driver.
 *
 * PGlite has a single session. If two TypeORM connections shared it, two transactions would
 * interleave and a rolled-back write could survive (the reason this project does not use the
 * `typeorm-pglite` package; see docs/adr/0001). Here a connection is an **exclusive lease**:
 * `connect()` waits until the previous holder releases, so transactions run one after another
 * with real isolation. A lease that is not released within `leaseTimeoutMs` makes the waiter
 * fail with a message naming the likely cause (code opening a second connection inside a
 * transaction instead of passing the transaction's manager down).
 */

export interface PgliteQueryResult {
  rows: any[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

type Callback<T> = (err: Error | null, result?: T) => void;

const firstKeyword = (sql: string): string => {
  const m = /^\s*(?:--[^\n]*\n\s*)*([a-zA-Z]+)/.exec(sql);
  return m ? m[1].toUpperCase() : '';
};

export class PgliteClient extends EventEmitter {
  constructor(
    private readonly db: PGlite,
    private readonly releaseLease: (client: PgliteClient) => void,
  ) {
    super();
  }

  query(text: string | { text: string; values?: unknown[] }, values?: unknown[] | Callback<PgliteQueryResult>, cb?: Callback<PgliteQueryResult>): any {
    let sql: string;
    let params: unknown[] | undefined;
    if (typeof text === 'object') {
      sql = text.text;
      params = text.values;
    } else {
      sql = text;
    }
    if (typeof values === 'function') cb = values;
    else if (values) params = values;
    const run = this.run(sql, params);
    if (cb) {
      const done = cb;
      run.then((r) => done(null, r), (e) => done(e as Error));
      return undefined;
    }
    return run;
  }

  private async run(sql: string, params?: unknown[]): Promise<PgliteQueryResult> {
    const command = firstKeyword(sql);
    if (params && params.length > 0) {
      const r = await this.db.query<any>(sql, params as any[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length, command, fields: r.fields as any };
    }
    // Without parameters the simple protocol allows several statements, as with `pg`.
    const results = await this.db.exec(sql);
    const last = results[results.length - 1];
    return {
      rows: last?.rows ?? [],
      rowCount: last ? (last.affectedRows ?? last.rows.length) : 0,
      command,
      fields: (last?.fields ?? []) as any,
    };
  }

  release(err?: unknown): void {
    void err;
    this.releaseLease(this);
  }
}

export interface PglitePoolOptions {
  leaseTimeoutMs?: number;
}

export class PglitePool extends EventEmitter {
  private holder: PgliteClient | null = null;
  private readonly waiters: { resolve: (c: PgliteClient) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];
  private ended = false;
  private readonly leaseTimeoutMs: number;

  constructor(private readonly db: PGlite, options: PglitePoolOptions = {}) {
    super();
    this.leaseTimeoutMs = options.leaseTimeoutMs ?? 30_000;
  }

  get totalCount(): number {
    return 1;
  }
  get idleCount(): number {
    return this.holder ? 0 : 1;
  }
  get waitingCount(): number {
    return this.waiters.length;
  }

  connect(cb?: (err: Error | null, client?: PgliteClient, release?: (err?: unknown) => void) => void): any {
    const lease = this.acquire();
    if (cb) {
      lease.then(
        (client) => cb(null, client, (err?: unknown) => client.release(err)),
        (err) => cb(err as Error),
      );
      return undefined;
    }
    return lease;
  }

  /** One-off query on a short lease, as `pg.Pool#query` does. */
  async query(text: string, values?: unknown[]): Promise<PgliteQueryResult> {
    const client = await this.acquire();
    try {
      return await client.query(text, values);
    } finally {
      client.release();
    }
  }

  private acquire(): Promise<PgliteClient> {
    if (this.ended) return Promise.reject(new Error('The embedded database pool has been closed.'));
    if (!this.holder) {
      this.holder = new PgliteClient(this.db, (c) => this.release(c));
      return Promise.resolve(this.holder);
    }
    return new Promise<PgliteClient>((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(
            new Error(
              `Timed out after ${this.leaseTimeoutMs} ms waiting for the embedded database connection. ` +
                'The embedded database has one connection at a time: code inside a transaction must use that transaction\'s manager, not open another connection.',
            ),
          );
        }, this.leaseTimeoutMs),
      };
      waiter.timer.unref?.();
      this.waiters.push(waiter);
    });
  }

  private release(client: PgliteClient): void {
    if (this.holder !== client) return; // double release is harmless
    const next = this.waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      this.holder = new PgliteClient(this.db, (c) => this.release(c));
      next.resolve(this.holder);
    } else {
      this.holder = null;
    }
  }

  end(cb?: (err?: Error) => void): any {
    this.ended = true;
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new Error('The embedded database pool has been closed.'));
    }
    if (cb) {
      cb();
      return undefined;
    }
    return Promise.resolve();
  }
}

/** What TypeORM's `driver` option expects: an object with a `Pool` constructor. */
export const pgliteDriverFor = (db: PGlite, options?: PglitePoolOptions) => {
  class BoundPool extends PglitePool {
    constructor() {
      super(db, options);
    }
  }
  return { Pool: BoundPool };
};
