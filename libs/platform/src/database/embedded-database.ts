import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { PglitePool } from './pglite-pool';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in-process, persisted under
 * `DATA_DIR/pg`. Values come back as `pg` returns them on a real server: int8 and numeric as
 * strings, `date` as `YYYY-MM-DD` strings, timestamps as Date.
 */
const STRING_TYPES = { 20: (x: string) => x, 1700: (x: string) => x, 1082: (x: string) => x } as const;

const open = new Map<string, Promise<EmbeddedDatabase>>();

export interface EmbeddedDatabase {
  db: PGlite;
  /** The one pool every TypeORM data source on this database shares (one lease at a time). */
  pool: PglitePool;
  /** The data folder's lock (absent for in-memory databases). */
  lock?: DataDirLock;
}

/**
 * Opens `DATA_DIR/pg`, after taking the data folder's lock: a second process on the same folder
 * fails with `DataDirInUseError` (naming the folder and the holder) before touching any file.
 *
 * Durability: PGlite's Node file system writes straight through to the files (no in-memory copy
 * to flush), and `synchronous_commit` is on, so a commit's WAL record is written to the operating
 * system before the query returns: a process killed at any moment (SIGKILL) loses no acknowledged
 * write and the next start recovers from the WAL. `relaxedDurability` only concerns file systems
 * that flush a memory copy (IndexedDB, OPFS); it is kept off. PGlite runs with `fsync` off, so a
 * power cut or operating-system crash can lose the last commits (use PostgreSQL where that matters).
 */
export function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'pg');
  let p = open.get(dir);
  if (!p) {
    p = (async () => {
      const lock = acquireDataDirLock(path.resolve(dataDir));
      try {
        fs.mkdirSync(dir, { recursive: true });
        const db = await PGlite.create({ dataDir: dir, parsers: STRING_TYPES as any, relaxedDurability: false } as any);
        closeOnSignals();
        return { db, pool: new PglitePool(db), lock };
      } catch (e) {
        lock.release();
        throw e;
      }
    })();
    open.set(dir, p);
    p.catch(() => open.delete(dir));
  }
  return p;
}

let signalsHandled = false;

/**
 * On SIGTERM/SIGINT the embedded databases are closed and their locks released before the process
 * ends. When something else handles the signal too (the Nest application's shutdown hooks, which
 * close the app and then raise the signal again), that goes first: the database is closed when
 * the signal comes back with no other listener.
 */
function closeOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return;
      process.removeListener(signal, onSignal);
      const timeout = new Promise((r) => setTimeout(r, 5000).unref());
      void Promise.race([closeEmbeddedDatabases().catch(() => undefined), timeout]).finally(() => process.kill(process.pid, signal));
    };
    process.on(signal, onSignal);
  }
}

/** An in-memory database, optionally loaded from a dumped data dir (the test template). */
export async function openMemoryDatabase(loadDataDir?: Blob): Promise<EmbeddedDatabase> {
  const db = await PGlite.create({ parsers: STRING_TYPES as any, ...(loadDataDir ? { loadDataDir } : {}) } as any);
  return { db, pool: new PglitePool(db) };
}

export async function closeEmbeddedDatabases(): Promise<void> {
  const all = [...open.values()];
  open.clear();
  for (const p of all) {
    const e = await p.catch(() => null);
    if (e) {
      try {
        await e.pool.end();
        await e.db.close();
      } finally {
        e.lock?.release();
      }
    }
  }
}

/**
 * A TypeORM `driver` whose every Pool is a view of the one lease pool of this database, so two
 * data sources (the main one and the disciplinary context's) never hold a lease at once.
 * Closing a data source closes its view, not the database.
 */
export const driverFor = (embedded: EmbeddedDatabase) => {
  class PoolView extends EventEmitter {
    connect(cb?: any): any {
      return embedded.pool.connect(cb);
    }
    query(text: string, values?: unknown[]): any {
      return embedded.pool.query(text, values);
    }
    end(cb?: (err?: Error) => void): any {
      if (cb) return cb();
      return Promise.resolve();
    }
  }
  return { Pool: PoolView };
};
