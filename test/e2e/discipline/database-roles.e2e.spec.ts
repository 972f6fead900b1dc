import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/bootstrap';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, complaint, type World } from './support/discipline-world';

/**
 * S1/S11 on real PostgreSQL: the platform's role has no grant at all on the `discipline` schema
 * — a login in `commons_app` gets "permission denied" on `SELECT * FROM discipline.cases` — and
 * may only read the restrictions (effects). The disciplinary context runs with a login in
 * `commons_discipline` and needs nothing more than what the migrations grant it.
 * (The embedded database has a single superuser: there the separation rests on the code
 * boundaries, and this file is skipped.)
 */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('discipline: database roles (real PostgreSQL)', () => {
  let t: TestApp;
  let w: World;
  const suffix = randomBytes(4).toString('hex');
  const appRole = `probe_app_${suffix}`;
  const disciplineRole = `probe_discipline_${suffix}`;
  const urlAs = (role: string) => {
    const u = new URL(t.db.url!);
    u.username = role;
    u.password = 'probe-password';
    return u.toString();
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    await t.db.dataSource.query(`CREATE ROLE ${appRole} LOGIN PASSWORD 'probe-password' IN ROLE commons_app`);
    await t.db.dataSource.query(`CREATE ROLE ${disciplineRole} LOGIN PASSWORD 'probe-password' IN ROLE commons_discipline`);
  });
  afterAll(async () => {
    await t.close();
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    for (const r of [appRole, disciplineRole]) await admin.query(`DROP ROLE IF EXISTS ${r}`).catch(() => undefined);
    await admin.end();
  });

  it('the app role gets "permission denied" on every discipline table, and may only read the restrictions', async () => {
    const reference = (await t.http().post('/complaints').set(w.complainant.auth).send(complaint(w.respondent.id))).body.reference;
    expect(reference).toMatch(/^CC-/);
    const client = new Client({ connectionString: urlAs(appRole) });
    await client.connect();
    try {
      await expect(client.query('SELECT * FROM discipline.cases')).rejects.toThrow(/permission denied/);
      for (const table of ['sealed_content', 'case_keys', 'participants', 'recusal_records', 'panel_draws', 'interim_decisions', 'restriction_sources', 'email_verifications']) {
        await expect(client.query(`SELECT count(*) FROM discipline.${table}`)).rejects.toThrow(/permission denied/);
      }
      await expect(client.query(`SELECT count(*) FROM restrictions.active`)).resolves.toBeDefined();
      await expect(client.query(`SELECT count(*) FROM restrictions.protected_transfer`)).resolves.toBeDefined();
      await expect(client.query(`INSERT INTO restrictions.active (member_id, kind, since) VALUES ($1, 'no_hosting', now())`, [w.bystander.id])).rejects.toThrow(/permission denied/);
      await expect(client.query(`DELETE FROM restrictions.active`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });

  it('the disciplinary role reads of other contexts only what its ports need: the register\'s members, branches and branch periods, mandates and bodies, the dues standing', async () => {
    const own = new Client({ connectionString: urlAs(disciplineRole) });
    await own.connect();
    const later = `membership.probe_later_${suffix}`;
    try {
      // The register and identity are reached through their own services now, which need only these.
      for (const table of ['membership.members', 'membership.branches', 'membership.branch_periods', 'identity.mandates', 'identity.bodies', 'dues.standing']) {
        await expect(own.query(`SELECT count(*) FROM ${table}`)).resolves.toBeDefined();
      }
      // Nothing else of the register, of identity or of dues: not the organization, transfers,
      // meetings, rolls, imports, payments, waivers, plans — and the status history is write-only.
      for (const table of [
        'membership.organization', 'membership.regions', 'membership.transfers', 'membership.meetings', 'membership.electoral_rolls', 'membership.roll_entries',
        'membership.apportionments', 'membership.import_batches', 'membership.status_history',
        'dues.payments', 'dues.waivers', 'dues.plans', 'dues.member_levels', 'dues.reminders', 'dues.standing_runs',
      ]) {
        await expect(own.query(`SELECT count(*) FROM ${table}`)).rejects.toThrow(/permission denied/);
      }
      await expect(own.query(`UPDATE membership.branch_periods SET branch_id = branch_id`)).rejects.toThrow(/permission denied/);
      await expect(own.query(`DELETE FROM identity.mandates`)).rejects.toThrow(/permission denied/);
      await expect(own.query(`INSERT INTO dues.payments (member_id, amount_minor, currency, paid_on, source) VALUES ($1, 1, 'EUR', now(), 'treasurer')`, [w.bystander.id])).rejects.toThrow(/permission denied/);
      // A table a later migration adds to another context's schema is not readable by default.
      await t.db.dataSource.query(`CREATE TABLE ${later} (x int)`);
      await expect(own.query(`SELECT count(*) FROM ${later}`)).rejects.toThrow(/permission denied/);
    } finally {
      await own.end();
      await t.db.dataSource.query(`DROP TABLE IF EXISTS ${later}`);
    }
  });

  it('the disciplinary context works end to end on its own role, and that role cannot rewrite the register', async () => {
    const app: NestFastifyApplication = await createApp({ config: { ...t.db.config, disciplineDatabaseUrl: urlAs(disciplineRole) } });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const http = () => request(app.getHttpServer());
      const filed = await http().post('/complaints').set(w.complainant.auth).send(complaint(w.respondent.id, { seriousness: { threats: true } }));
      expect(filed.status).toBe(201);
      const [row] = await t.db.dataSource.query(`SELECT snapshot->>'dutyCommissionerId' AS duty FROM discipline.cases WHERE reference = $1`, [filed.body.reference]);
      const triaged = await http().post(`/commission/cases/${filed.body.reference}/triage`).set(by(w, row.duty).auth).send({});
      expect(triaged.status).toBe(200);
      const panelist = by(w, triaged.body.panel[0]);
      expect((await http().get(`/cases/${filed.body.reference}`).set(panelist.auth)).status).toBe(200);
      const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const first = await http().post(`/commission/cases/${filed.body.reference}/interim-decisions`).set(panelist.auth).send({ outcome: 'measures', reasons: 'r', measures: [{ kind: 'no_hosting', memberId: w.respondent.id, until }] });
      const decided = await http().post(`/commission/cases/${filed.body.reference}/interim-decisions/${first.body.proposalId}/concur`).set(by(w, triaged.body.panel[1]).auth);
      expect(decided.body.decisionId).toEqual(expect.any(String));
      const client = new Client({ connectionString: urlAs(appRole) });
      await client.connect();
      const { rows } = await client.query(`SELECT kind FROM restrictions.active WHERE member_id = $1`, [w.respondent.id]);
      await client.end();
      expect(rows.map((r) => r.kind)).toEqual(['no_hosting']);
      const own = new Client({ connectionString: urlAs(disciplineRole) });
      await own.connect();
      try {
        await expect(own.query(`UPDATE membership.members SET first_name = 'x' WHERE id = $1`, [w.respondent.id])).rejects.toThrow(/permission denied/);
        // An expulsion ends the member's sessions in the finding's transaction, so the role may mark a
        // session revoked — and nothing more: it never reads a session's token hash or its expiry.
        await expect(own.query(`SELECT token_hash FROM identity.sessions`)).rejects.toThrow(/permission denied/);
        await expect(own.query(`UPDATE identity.sessions SET expires_at = now()`)).rejects.toThrow(/permission denied/);
        await expect(own.query(`SELECT password_hash FROM identity.accounts`)).rejects.toThrow(/permission denied/);
        await expect(own.query(`UPDATE identity.mandates SET role = 'chair'`)).rejects.toThrow(/permission denied/);
      } finally {
        await own.end();
      }
    } finally {
      await app.close();
    }
  });
});
