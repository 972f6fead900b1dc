import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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
}

export function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'pg');
  let p = open.get(dir);
  if (!p) {
    p = (async () => {
      fs.mkdirSync(dir, { recursive: true });
      const db = await PGlite.create({ dataDir: dir, parsers: STRING_TYPES as any, relaxedDurability: true } as any);
      return { db, pool: new PglitePool(db) };
    })();
    open.set(dir, p);
    p.catch(() => open.delete(dir));
  }
  return p;
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
      await e.pool.end();
      await e.db.close();
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
