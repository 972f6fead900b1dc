import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/bootstrap';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, standingOrders } from '../congress/floor-fixtures';

/**
 * S13 on real PostgreSQL: who belongs to a caucus lives where no other context can read it. The
 * platform's role (`commons_app`, which membership, transfers, restrictions and elections run
 * under) and the disciplinary role get "permission denied" on every `caucuses` table; the caucuses
 * role reads nothing of any other context. The context works end to end on its own role.
 * (The embedded database has a single superuser: there the separation rests on the code
 * boundaries — dependency-cruiser's `caucuses-are-sealed` —, and this file is skipped.)
 */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('caucuses: database roles (real PostgreSQL)', () => {
  let t: TestApp;
  const suffix = randomBytes(4).toString('hex');
  const roles = { app: `probe_app_${suffix}`, discipline: `probe_discipline_${suffix}`, caucuses: `probe_caucuses_${suffix}` };
  const urlAs = (role: string) => {
    const u = new URL(t.db.url!);
    u.username = role;
    u.password = 'probe-password';
    return u.toString();
  };
  const as = async <T>(role: string, work: (c: Client) => Promise<T>): Promise<T> => {
    const c = new Client({ connectionString: urlAs(role) });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  };
  const TABLES = ['caucuses', 'members', 'posts', 'votes', 'vote_participants', 'vote_tallies'];

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.dataSource.query(`CREATE ROLE ${roles.app} LOGIN PASSWORD 'probe-password' IN ROLE commons_app`);
    await t.db.dataSource.query(`CREATE ROLE ${roles.discipline} LOGIN PASSWORD 'probe-password' IN ROLE commons_discipline`);
    await t.db.dataSource.query(`CREATE ROLE ${roles.caucuses} LOGIN PASSWORD 'probe-password' IN ROLE commons_caucuses`);
  });
  afterAll(async () => {
    await t.close();
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    for (const r of Object.values(roles)) await admin.query(`DROP ROLE IF EXISTS ${r}`).catch(() => undefined);
    await admin.end();
  });

  it('the platform\'s role and the disciplinary role get "permission denied" on every caucuses table', async () => {
    for (const role of [roles.app, roles.discipline]) {
      await as(role, async (c) => {
        for (const table of TABLES) {
          await expect(c.query(`SELECT count(*) FROM caucuses.${table}`)).rejects.toThrow(/permission denied/);
        }
        await expect(c.query(`INSERT INTO caucuses.members (caucus_id, member_id, joined_at) VALUES (gen_random_uuid(), gen_random_uuid(), now())`)).rejects.toThrow(/permission denied/);
      });
    }
  });

  it('the caucuses role reads nothing of the register, identity, dues, elections or discipline', async () => {
    await as(roles.caucuses, async (c) => {
      for (const table of ['membership.members', 'membership.branches', 'membership.transfers', 'identity.accounts', 'identity.mandates', 'dues.standing', 'elections.elections', 'discipline.cases', 'restrictions.active']) {
        await expect(c.query(`SELECT count(*) FROM ${table}`)).rejects.toThrow(/permission denied/);
      }
      await expect(c.query(`SELECT count(*) FROM caucuses.members`)).resolves.toBeDefined();
    });
  });

  it('the caucuses context works end to end on its own role, the congress floor\'s question on a caucus motion included', async () => {
    const app: NestFastifyApplication = await createApp({ config: { ...t.db.config, env: { ...t.db.config.env, CAUCUSES_DATABASE_URL: urlAs(roles.caucuses), CAUCUS_FORMATION_THRESHOLD: '2' } } });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const http = () => request(app.getHttpServer());
      const branchId = await t.make.branch();
      const [a, b] = [await t.make.signedInMember({ branchId, firstName: 'Own', lastName: 'Role' }), await t.make.signedInMember({ branchId })];
      const ec = await t.make.signedInMember({ branchId });
      await t.make.mandate(ec.id, 'EC');
      const proposed = await http().post('/caucuses').set(a.auth).send({ name: 'On its own role', purpose: 'p' });
      expect(proposed.status).toBe(201);
      const joined = await http().post(`/caucuses/${proposed.body.id}/join`).set(b.auth);
      expect(joined.body).toMatchObject({ stage: 'formed', count: { exact: 2 } });
      const roster = await http().get(`/caucuses/${proposed.body.id}/roster`).set(b.auth);
      expect(roster.status).toBe(200);
      expect(roster.body.members.map((m: { name: string }) => m.name)).toContain('Own Role');
      const refused = await http().get(`/caucuses/${proposed.body.id}/roster`).set(ec.auth);
      expect(refused.status).toBe(403);
      const [audited] = await t.db.dataSource.query(`SELECT actor_id FROM audit.entries WHERE context = 'caucuses' AND action = 'caucus.members-only-refused' AND subject_id = $1`, [proposed.body.id]);
      expect(audited.actor_id).toBe(ec.id);
      // The congress floor asks, on this role's login, whether the member acting belongs to the formed caucus.
      const ro = await t.make.signedInMember({ branchId });
      await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
      const congressId = await congressWithDelegates(t, { branchId, delegates: [a, b, ec] });
      const floor = await http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(new Date(Date.now() + 30 * 86_400_000)), chairs: [ro.id], standingOrdersCommittee: [ro.id] });
      expect(floor.status).toBe(201);
      const asCaucus = (who: { auth: { Authorization: string } }) =>
        http().post(`/congresses/${congressId}/motions`).set(who.auth).send({ title: 'From the caucus', text: 'Congress resolves.', submitter: { kind: 'caucus', ref: proposed.body.id } });
      expect((await asCaucus(a)).status).toBe(201);
      expect((await asCaucus(ec)).body.code).toBe('may_not_submit_for');
      // The work above ran on the caucuses role's own login (not the platform's).
      const who = await t.db.dataSource.query(`SELECT DISTINCT application_name FROM pg_stat_activity WHERE usename = $1 AND datname = current_database()`, [roles.caucuses]);
      expect(who).toEqual([{ application_name: 'commons-caucuses' }]);
    } finally {
      await app.close();
    }
  });
});
