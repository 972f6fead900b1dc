import { createHmac, randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/bootstrap';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/**
 * S11 across processes: every process on one database must hold the same discipline master key,
 * or one would seal case content the others cannot open. The first start records a keyed check of
 * its key; a start with another key is refused, saying what to do; a start with the same key
 * goes ahead; two first starts at once record one key between them.
 */
describe('discipline S11: every process on one database holds the same master key', () => {
  const k1 = randomBytes(32).toString('base64');
  const k2 = randomBytes(32).toString('base64');
  const started: NestFastifyApplication[] = [];
  let db: TestDatabase;

  /** Starts one API process on `on` with this master key: the application, or why it refused. */
  const start = async (on: TestDatabase, key: string): Promise<NestFastifyApplication | Error> => {
    const app = await createApp({ config: { ...on.config, disciplineKey: key }, embedded: on.embedded });
    try {
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      started.push(app);
      return app;
    } catch (e) {
      await app.close().catch(() => undefined);
      return e as Error;
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of started) await app.close();
    await db.close();
  });

  it('the first start records a keyed check of its key (never the key); a second start with the same key starts', async () => {
    const first = await start(db, k1);
    expect(first).not.toBeInstanceOf(Error);
    const rows = await db.dataSource.query(`SELECT key_check, key_id FROM discipline.master_key_check`);
    expect(rows).toHaveLength(1);
    const key = Buffer.from(k1, 'base64');
    expect(rows[0].key_check).toBe(createHmac('sha256', key).update('commons/discipline/master-key-check/v1').digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(k1);
    expect(JSON.stringify(rows)).not.toContain(key.toString('hex'));

    const second = await start(db, k1);
    expect(second).not.toBeInstanceOf(Error);
    for (const app of [first, second] as NestFastifyApplication[]) expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
  });

  it('a start with another key is refused with what to do, and the key the others use stays recorded', async () => {
    const before = await db.dataSource.query(`SELECT key_check FROM discipline.master_key_check`);
    const refused = await start(db, k2);
    expect(refused).toBeInstanceOf(Error);
    const message = (refused as Error).message;
    expect(message).toContain('is not the discipline master key the other processes on this database use');
    expect(message).toContain('Give every process the same DISCIPLINE_KEY or DISCIPLINE_KEY_FILE');
    expect(message).toContain('npm run discipline:rotate-key');
    expect(message).not.toContain(k1);
    expect(message).not.toContain(k2);
    expect(message).not.toContain(before[0].key_check);
    expect(await db.dataSource.query(`SELECT key_check FROM discipline.master_key_check`)).toEqual(before);
    // The processes holding the right key carry on, and another one still starts.
    expect(await start(db, k1)).not.toBeInstanceOf(Error);
  });

  it('two first starts at once with different keys: one starts, the other is refused', async () => {
    const fresh = await createTestDatabase();
    try {
      const both = await Promise.all([start(fresh, k1), start(fresh, k2)]);
      expect(both.filter((r) => r instanceof Error)).toHaveLength(1);
      expect(await fresh.dataSource.query(`SELECT count(*)::int AS n FROM discipline.master_key_check`)).toEqual([{ n: 1 }]);
    } finally {
      for (const app of started.splice(0)) await app.close();
      await fresh.close();
    }
  });
});
