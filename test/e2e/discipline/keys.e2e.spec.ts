import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DisciplineModule } from '@org/discipline';
import { createApp } from '../../../apps/api/src/bootstrap';
import { Factories } from '../../support/factories';
import { createTestApp } from '../../support/test-app';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/**
 * S11 keys: the embedded default generates its key into DATA_DIR on first start (mode 0600); a
 * key ring from DISCIPLINE_KEY_FILE unwraps what older keys wrapped; rotation re-wraps every
 * case key under the active key, after which the old key can go — and a process without the key
 * the database records does not start (discipline/key-agreement.e2e).
 */
describe('discipline S11: master keys and rotation', () => {
  it('generates a key file with mode 0600 on first start of the embedded default', async () => {
    const t = await createTestApp();
    try {
      const file = path.join(t.db.config.dataDir, 'discipline.key');
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const key = fs.readFileSync(file, 'utf8').split('\n').find((l) => l && !l.startsWith('#'))!;
      expect(Buffer.from(key, 'base64')).toHaveLength(32);
    } finally {
      await t.close();
    }
  });

  describe('rotation', () => {
    let db: TestDatabase;
    const k1 = randomBytes(32).toString('base64');
    const k2 = randomBytes(32).toString('base64');
    let keyFile: string;
    let reference = '';
    let panelistEmail = '';
    const boot = async (lines: string[]): Promise<NestFastifyApplication> => {
      fs.writeFileSync(keyFile, `${lines.join('\n')}\n`, { mode: 0o600 });
      const app = await createApp({ config: { ...db.config, disciplineKeyFile: keyFile }, embedded: db.embedded });
      try {
        await app.init();
      } catch (e) {
        await app.close().catch(() => undefined);
        throw e;
      }
      await app.getHttpAdapter().getInstance().ready();
      return app;
    };
    const readAsPanelist = async (app: NestFastifyApplication) => {
      const make = new Factories(db.dataSource, app);
      const token = await make.login(panelistEmail);
      return request(app.getHttpServer()).get(`/cases/${reference}`).set({ Authorization: `Bearer ${token}` });
    };

    beforeAll(async () => {
      db = await createTestDatabase();
      keyFile = path.join(db.config.dataDir, 'keys.txt');
    });
    afterAll(() => db.close());

    it('files under the old key, reads after adding a new one, re-wraps, then needs only the new key', async () => {
      let app = await boot([`old:${k1}`]);
      const make = new Factories(db.dataSource, app);
      const branch = await make.branch();
      const complainant = await make.signedInMember({ branchId: branch });
      const respondent = await make.member({ branchId: branch });
      const commissioners = [];
      for (let i = 0; i < 3; i++) {
        const c = await make.signedInMember({ branchId: await make.branch() });
        await make.mandate(c.id, 'CCOM');
        commissioners.push(c);
      }
      const filed = await request(app.getHttpServer()).post('/complaints').set(complainant.auth).send({ respondents: [{ memberId: respondent.id }], narrative: 'Rotation canary text.', path: 'formal' });
      expect(filed.status).toBe(201);
      reference = filed.body.reference;
      const [row] = await db.dataSource.query(`SELECT c.snapshot->>'dutyCommissionerId' AS duty, k.master_key_id FROM discipline.cases c JOIN discipline.case_keys k ON k.case_id = c.id WHERE c.reference = $1`, [reference]);
      expect(row.master_key_id).toBe('old');
      const duty = commissioners.find((c) => c.id === row.duty)!;
      expect((await request(app.getHttpServer()).post(`/commission/cases/${reference}/triage`).set(duty.auth).send({})).status).toBe(200);
      panelistEmail = duty.email;
      await app.close();

      app = await boot([`old:${k1}`, `new:${k2}`]);
      const before = await readAsPanelist(app);
      expect(before.status).toBe(200);
      expect(before.body.complaint.narrative).toBe('Rotation canary text.');
      expect(await DisciplineModule.rotateKeys(app)).toBe(1);
      expect(await DisciplineModule.rotateKeys(app)).toBe(0);
      const keys = await db.dataSource.query(`SELECT DISTINCT master_key_id FROM discipline.case_keys`);
      expect(keys).toEqual([{ master_key_id: 'new' }]);
      await app.close();

      app = await boot([`new:${k2}`]);
      expect((await readAsPanelist(app)).body.complaint.narrative).toBe('Rotation canary text.');
      await app.close();

      // The database now records the new key: a process holding only the old one does not start.
      await expect(boot([`old:${k1}`])).rejects.toThrow('is not the discipline master key the other processes on this database use');
      // The processes holding the new key carry on.
      app = await boot([`new:${k2}`]);
      expect((await readAsPanelist(app)).status).toBe(200);
      await app.close();
    });
  });
});
