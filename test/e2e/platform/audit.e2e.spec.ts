import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { AuditLog, verifyAuditChain } from '@org/audit';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

/**
 * The audit log is append-only and tamper-evident; `npm run audit:verify` names the first break.
 * One database with five entries serves the file: each tampering is verified inside its own
 * transaction and rolled back, so every test starts from the same intact chain.
 */
describe('audit log', () => {
  let db: TestDatabase;
  const log = new AuditLog();
  const fiveEntries = async (target: TestDatabase) => {
    for (let i = 1; i <= 5; i++) {
      await target.dataSource.transaction((m) => log.record(m, { actorId: null, actorKind: 'system', context: 'test', action: `thing.done`, subjectType: 'thing', subjectId: String(i), data: { i } }));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await fiveEntries(db);
  });
  afterAll(() => db.close());
  afterEach(async () => expect(await verifyAuditChain(db.dataSource)).toEqual({ ok: true, checked: 5 }));

  it('refuses UPDATE and DELETE through a trigger', async () => {
    await expect(db.dataSource.query(`UPDATE audit.entries SET action = 'x' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit.entries WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`TRUNCATE audit.entries`)).rejects.toThrow(/append-only/);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(log.record(db.dataSource.manager, { actorId: null, actorKind: 'system', context: 'test', action: 'x', subjectType: 't', subjectId: null })).rejects.toThrow(/inside the transaction/);
  });

  it('an entry rolled back with its change leaves no gap', async () => {
    await db.dataSource.transaction(async (m) => {
      await log.record(m, { actorId: null, actorKind: 'system', context: 'test', action: 'doomed', subjectType: 't', subjectId: null });
      throw new Error('rollback');
    }).catch(() => undefined);
    expect(await verifyAuditChain(db.dataSource)).toEqual({ ok: true, checked: 5 });
  });

  /** Tampering needs the table owner to switch the trigger off: what a rogue operator could do. */
  const tamperIn = async (target: TestDatabase, sql: string) => {
    await target.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only`);
      await m.query(sql);
      await m.query(`ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only`);
    });
  };
  /** What the verifier says of the chain once `sql` has tampered with it; the tampering is then rolled back. */
  const verifiedAfter = async (sql: string) => {
    const rollback = new Error('rollback');
    let result: unknown;
    await db.dataSource
      .transaction(async (m) => {
        await m.query(`ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only`);
        await m.query(sql);
        await m.query(`ALTER TABLE audit.entries ENABLE TRIGGER entries_append_only`);
        result = await verifyAuditChain(m);
        throw rollback;
      })
      .catch((e) => {
        if (e !== rollback) throw e;
      });
    return result;
  };

  const verifyCli = async (target: TestDatabase) => {
    const env = { ...process.env, DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' } as Record<string, string>;
    if (target.url) env.DATABASE_URL = target.url;
    try {
      const { stdout } = await run('node', ['-r', '@swc-node/register', 'scripts/audit-verify.ts'], { cwd: root, env });
      return { code: 0, out: stdout };
    } catch (e) {
      const err = e as { code: number; stdout: string };
      return { code: err.code, out: err.stdout };
    }
  };

  it('reports an edited entry', async () => {
    expect(await verifiedAfter(`UPDATE audit.entries SET data = '{"i": 99}' WHERE seq = 3`)).toMatchObject({ ok: false, firstBreak: { seq: 3, problem: 'hash_mismatch' } });
  });

  it('reports a deleted entry', async () => {
    expect(await verifiedAfter(`DELETE FROM audit.entries WHERE seq = 2`)).toMatchObject({ ok: false, firstBreak: { seq: 3, problem: 'missing_entry' } });
  });

  it('reports the deletion of the newest entry', async () => {
    expect(await verifiedAfter(`DELETE FROM audit.entries WHERE seq = 5`)).toMatchObject({ ok: false, firstBreak: { problem: 'missing_entry' } });
  });

  it('reports reordered entries', async () => {
    expect(await verifiedAfter(`UPDATE audit.entries SET seq = -2 WHERE seq = 2; UPDATE audit.entries SET seq = 2 WHERE seq = 4; UPDATE audit.entries SET seq = 4 WHERE seq = -2`)).toMatchObject({ ok: false, firstBreak: { seq: 2, problem: 'prev_hash_mismatch' } });
  });

  it('npm run audit:verify names the first broken entry (real PostgreSQL)', async () => {
    if (!db.url) {
      // The embedded database lives in this process's memory; the CLI is exercised on real PostgreSQL in CI.
      expect(db.embedded).toBeDefined();
      return;
    }
    // The CLI reads committed rows from another process: it gets a database of its own to break.
    const own = await createTestDatabase();
    try {
      await fiveEntries(own);
      expect(await verifyCli(own)).toMatchObject({ code: 0, out: expect.stringContaining('intact: 5 entries') });
      await tamperIn(own, `UPDATE audit.entries SET action = 'forged' WHERE seq = 4`);
      const res = await verifyCli(own);
      expect(res.code).toBe(1);
      expect(res.out).toContain('BROKEN at entry 4');
    } finally {
      await own.close();
    }
  });
});
