import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { verifyAuditChain } from '@org/audit';
import { LOGGER } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { confirmationCodeSentTo } from '../../support/mail';
import { buildWorld, by, caseRow, complaint, fileAndTriage, type World } from './support/discipline-world';

const run = promisify(execFile);
const CANARY = 'CANARY-7f3a9-kitchen-door';

/**
 * S11: case content is sealed before it reaches the database — a dump of the whole database
 * (PGlite's data dir, or pg_dump on PostgreSQL) holds no plaintext of anything filed with a
 * canary string; neither do the logs, the audit log, the outbox or the mail folder. Every read
 * of case content is in the audit log with who read which items, and the Appeals Committee can
 * read that trail.
 */
describe('discipline S11: encryption at rest and the audit of reads', () => {
  let t: TestApp;
  let w: World;
  let c: { reference: string; id: string; duty: string; panel: string[] };
  let nonMemberRef: string;
  const logged: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const logger = t.app.get(LOGGER) as unknown as Record<string, unknown>;
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace']) {
      logger[level] = (...args: unknown[]) => void logged.push(JSON.stringify(args));
    }
    for (const level of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    w = await buildWorld(t);
    c = await fileAndTriage(
      t,
      w,
      complaint(w.respondent.id, {
        narrative: `He blocked the ${CANARY} and said nobody would believe me.`,
        where: `Flat above the ${CANARY}`,
        witnesses: [{ memberId: w.witness.id }, { description: `The neighbour by the ${CANARY}` }],
        supportPerson: { description: `My sister, who knows the ${CANARY}` },
        seriousness: { violence: true },
      }),
    );
    const panelist = by(w, c.panel[0]);
    const decide = await t.http().post(`/commission/cases/${c.reference}/interim-decisions`).set(panelist.auth).send({
      outcome: 'no_measures',
      measures: [],
      reasons: `Reasons mentioning the ${CANARY}`,
    });
    expect(decide.status).toBe(200);
    expect(decide.body).toMatchObject({ decisionId: null, concurrences: 1, needed: 2 });
    const concur = await t.http().post(`/commission/cases/${c.reference}/interim-decisions/${decide.body.proposalId}/concur`).set(by(w, c.panel[2]).auth);
    expect(concur.body.decisionId).toEqual(expect.any(String));
    const challenge = await t.http().post(`/cases/${c.reference}/challenges`).set(w.complainant.auth).send({ panelistId: c.panel[1], grounds: `Seen at the ${CANARY} with him` });
    expect(challenge.status).toBe(200);

    // A non-member files too: code by email, confirm, file.
    const asked = await t.http().post('/complaints/email-verifications').send({ email: 'Visitor@Example.org' });
    expect(asked.status).toBe(201);
    const code = await confirmationCodeSentTo(t, 'visitor@example.org');
    const confirmed = await t.http().post(`/complaints/email-verifications/${asked.body.verificationId}/confirm`).send({ code });
    expect(confirmed.status).toBe(200);
    const filed = await t.http().post('/complaints/non-member').set('X-Verification-Token', confirmed.body.verificationToken).send({
      respondents: [{ memberId: w.respondent.id }, { description: `A man who works at the ${CANARY}` }],
      narrative: `At the open meeting near the ${CANARY} he grabbed my wrist.`,
      path: 'formal',
    });
    expect(filed.status).toBe(201);
    nonMemberRef = filed.body.reference;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it('the panel reads the content back (the control: it is stored and opens)', async () => {
    const res = await t.http().get(`/cases/${c.reference}`).set(by(w, c.panel[0]).auth);
    expect(res.status).toBe(200);
    expect(res.body.complaint.narrative).toContain(CANARY);
    expect(res.body.complaint.witnesses[1].description).toContain(CANARY);
    expect(res.body.interimDecisions[0].reasons).toContain(CANARY);
  });

  it('a dump of the database contains no plaintext of the complaint', async () => {
    let dump: Buffer;
    if (t.db.url) {
      const { stdout } = await run('/usr/lib/postgresql/15/bin/pg_dump', ['--no-owner', t.db.url], { maxBuffer: 512 * 1024 * 1024 });
      dump = Buffer.from(stdout, 'utf8');
    } else {
      const blob = await t.db.embedded!.db.dumpDataDir('none');
      dump = Buffer.from(await blob.arrayBuffer());
    }
    expect(dump.includes(Buffer.from(c.reference))).toBe(true); // the control: the dump is searchable
    expect(dump.includes(Buffer.from(nonMemberRef))).toBe(true);
    expect(dump.includes(Buffer.from(CANARY))).toBe(false);
    expect(dump.includes(Buffer.from('kitchen-door'))).toBe(false);
    // Large values may be stored compressed (TOAST): search every row of every table as text too.
    const tables = await t.db.dataSource.query(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(tables.length).toBeGreaterThan(20);
    for (const { table_schema, table_name } of tables) {
      const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM "${table_schema}"."${table_name}" x WHERE x::text LIKE $1`, [`%${CANARY}%`]);
      expect({ table: `${table_schema}.${table_name}`, rowsWithCanary: n }).toEqual({ table: `${table_schema}.${table_name}`, rowsWithCanary: 0 });
    }
    const [{ n: found }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM discipline.cases x WHERE x::text LIKE $1`, [`%${c.reference}%`]);
    expect(found).toBe(1); // the control: the text search finds what is there
  });

  it('nor do the logs, the audit log, the outbox rows or the mail folder', async () => {
    const runtimeMail = path.join(t.db.config.dataDir, 'mail');
    if (!process.env.REDIS_URL) {
      // In-process delivery: wait for the outbox to drain into the mail folder.
      for (let i = 0; i < 50; i++) {
        const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM notifications.outbox WHERE status = 'pending'`);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(fs.readdirSync(runtimeMail).length).toBeGreaterThan(0);
    }
    const mail = fs.existsSync(runtimeMail) ? fs.readdirSync(runtimeMail).map((f) => fs.readFileSync(path.join(runtimeMail, f), 'utf8')).join('\n') : '';
    expect(mail).not.toContain(CANARY);
    expect(mail).not.toContain(c.reference);
    const outbox = JSON.stringify([
      await t.db.dataSource.query(`SELECT * FROM notifications.notices`),
      await t.db.dataSource.query(`SELECT * FROM notifications.outbox`),
      await t.db.dataSource.query(`SELECT * FROM notifications.feed_entries`),
    ]);
    expect(outbox).not.toContain(CANARY);
    expect(outbox).not.toContain(c.reference);
    expect(outbox).not.toContain(c.id);
    const audit = JSON.stringify(await t.db.dataSource.query(`SELECT * FROM audit.entries`));
    expect(audit).not.toContain(CANARY);
    expect(logged.join('\n')).not.toContain(CANARY);
  });

  it('records each read of content: who, which case, which items — and not for views without content', async () => {
    const panelist = by(w, c.panel[0]);
    const reads = async () =>
      t.db.dataSource.query(`SELECT actor_id, data FROM audit.entries WHERE action = 'case.content-read' AND subject_type = 'discipline.case' AND subject_id = $1 ORDER BY seq`, [c.id]);
    const before = (await reads()).length;
    await t.http().get(`/cases/${c.reference}`).set(panelist.auth);
    await t.http().get(`/cases/${c.reference}`).set(panelist.auth);
    await t.http().get(`/cases/${c.reference}`).set(w.complainant.auth); // their own complaint: a read of content too
    await t.http().get(`/cases/${c.reference}`).set(w.ec.auth); // 404: nothing read
    const after = await reads();
    expect(after).toHaveLength(before + 3);
    const dataOf = (entry: { data: unknown }) => (typeof entry.data === 'string' ? JSON.parse(entry.data) : entry.data) as { view: string; items: { item: string }[] };
    for (const entry of after.slice(before, before + 2)) {
      expect(entry.actor_id).toBe(panelist.id);
      expect(dataOf(entry).items.map((x) => x.item)).toEqual(expect.arrayContaining(['narrative', 'where', 'witness 2', 'support person']));
    }
    const own = after[before + 2];
    expect(own.actor_id).toBe(w.complainant.id);
    expect(dataOf(own).view).toBe('own_complaint');
    expect(dataOf(own).items.map((x) => x.item)).toEqual(expect.arrayContaining(['narrative', 'where']));
    const byOthers = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM audit.entries WHERE subject_id = $1 AND actor_id = ANY($2::uuid[])`, [c.id, [w.ec.id, w.complainant.id].filter(Boolean)]);
    // The complainant's own changes (filing, the challenge) and reads are audited; no read by the EC is.
    const contentReadsByEc = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM audit.entries WHERE action = 'case.content-read' AND subject_id = $1 AND actor_id = $2`, [c.id, w.ec.id]);
    expect(contentReadsByEc[0].n).toBe(0);
    expect(byOthers[0].n).toBeGreaterThan(0);
  });

  it('the Appeals Committee reads the trail — who read, when — and officers get "not found"', async () => {
    const trail = await t.http().get(`/cases/${c.reference}/audit-trail`).set(w.appeals[0].auth);
    expect(trail.status).toBe(200);
    const reads = trail.body.filter((e: { action: string }) => e.action === 'case.content-read');
    expect(reads.map((e: { actorId: string }) => e.actorId)).toContain(c.panel[0]);
    expect(trail.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.complaint-received', 'case.case-triaged', 'case.panel-drawn']));
    expect(trail.text).not.toContain(CANARY);
    for (const officer of [w.ec, w.cc, w.secretary]) {
      expect((await t.http().get(`/cases/${c.reference}/audit-trail`).set(officer.auth)).status).toBe(404);
    }
    // A party sees the case, but not its audit trail.
    expect((await t.http().get(`/cases/${c.reference}/audit-trail`).set(w.complainant.auth)).status).toBe(403);
    expect(await verifyAuditChain(t.db.dataSource)).toMatchObject({ ok: true });
  });

  it('the non-member follows their case with their token; nobody else can', async () => {
    const asked = await t.http().post('/complaints/email-verifications').send({ email: 'someone.else@example.org' });
    const code = await confirmationCodeSentTo(t, 'someone.else@example.org');
    const wrong = await t.http().post(`/complaints/email-verifications/${asked.body.verificationId}/confirm`).send({ code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    const confirmed = await t.http().post(`/complaints/email-verifications/${asked.body.verificationId}/confirm`).send({ code });
    const other = confirmed.body.verificationToken;
    expect((await t.http().get(`/complaints/non-member/cases/${nonMemberRef}`).set('X-Verification-Token', other)).status).toBe(404);
    expect((await t.http().get(`/complaints/non-member/cases/${nonMemberRef}`).set('X-Verification-Token', 'nonsense-token-value-123')).status).toBe(401);
    expect((await t.http().get(`/complaints/non-member/cases`).set('X-Verification-Token', other)).body).toEqual([]);
    const row = await caseRow(t, nonMemberRef);
    expect(row.snapshot.complainant).toMatchObject({ kind: 'non_member', email: 'visitor@example.org' });
  });
});
