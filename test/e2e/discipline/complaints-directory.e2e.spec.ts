import { confirmationCodeSentTo } from '../../support/mail';
import { createProceedingsApp, DAY, organization, person, relogin, type Org, type ProceedingsApp, type Person } from './support/proceedings-world';

/**
 * The complaints directory serves a complainant finding the person they mean — never a
 * membership dump: at least three letters, each the start of a name; at most five answers; a
 * daily budget per searcher; no member ids, only handles that the searcher alone can use, and
 * only to name that person in a complaint.
 */
describe('discipline: the complaints directory', () => {
  let t: ProceedingsApp;
  let org: Org;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    for (let i = 0; i < 8; i++) await person(t, { branchId: org.branches.others, firstName: `Twin${i}`, lastName: 'Samesurname' });
  });

  afterAll(async () => {
    await t?.close();
  });

  const search = (who: Person, q: string) => t.http().get('/complaints/directory').query({ q }).set(who.auth);

  it('needs three letters, matches the start of a name, and answers at most five people', async () => {
    const searcher = await person(t, { branchId: org.branches.others });
    for (const q of ['', 'Re', 'r e', '  x ', '12345']) {
      const r = await search(searcher, q);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'discipline.directory_query']);
      expect(r.body.message).toMatch(/at least 3 letters/);
    }
    const found = await search(searcher, 'Rex');
    expect(found.status).toBe(200);
    expect(found.body).toEqual([{ handle: expect.any(String), name: 'Rexford Ombudsworth', branch: expect.any(String) }]);
    expect(found.text).not.toContain(org.respondent.id);
    // Inside a name is not the start of one: no substring fishing.
    expect((await search(searcher, 'xfo')).body).toEqual([]);
    expect((await search(searcher, 'rex omb')).body).toHaveLength(1);
    const many = await search(searcher, 'Samesurname');
    expect(many.body).toHaveLength(5);
    for (const row of many.body) expect(Object.keys(row).sort()).toEqual(['branch', 'handle', 'name']);
  });

  it('gives a handle, not an id: different on every search, usable only by the searcher, only to file, for a day', async () => {
    const searcher = await person(t, { branchId: org.branches.others });
    const other = await person(t, { branchId: org.branches.others });
    const [a] = (await search(searcher, 'Rexford')).body;
    const [b] = (await search(searcher, 'Rexford')).body;
    expect(a.handle).not.toEqual(b.handle);

    const byOther = await t.http().post('/complaints').set(other.auth).send({ respondents: [{ handle: a.handle }], narrative: 'Named with someone else’s handle.', path: 'record-only' });
    expect([byOther.status, byOther.body.code]).toEqual([400, 'discipline.directory_handle_invalid']);
    const tampered = `${a.handle.slice(0, -2)}${a.handle.endsWith('A') ? 'BB' : 'AA'}`;
    const forged = await t.http().post('/complaints').set(searcher.auth).send({ respondents: [{ handle: tampered }], narrative: 'A forged handle.', path: 'record-only' });
    expect([forged.status, forged.body.code]).toEqual([400, 'discipline.directory_handle_invalid']);

    const [w] = (await search(searcher, 'Wilhelmina')).body;
    const filed = await t.http().post('/complaints').set(searcher.auth).send({ respondents: [{ handle: b.handle }], witnesses: [{ handle: w.handle }], narrative: 'For the record.', path: 'record-only' });
    expect(filed.status).toBeLessThan(300);
    const [row] = await t.db.dataSource.query(`SELECT snapshot FROM discipline.cases WHERE reference = $1`, [filed.body.reference]);
    const snapshot = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot;
    expect(snapshot.respondents).toEqual([expect.objectContaining({ kind: 'member', memberId: org.respondent.id })]);
    expect(snapshot.witnesses).toEqual([expect.objectContaining({ kind: 'member', memberId: org.witness.id })]);

    t.clock.advance(DAY + 60_000);
    await relogin(t, [searcher]);
    const late = await t.http().post('/complaints').set(searcher.auth).send({ respondents: [{ handle: a.handle }], narrative: 'A day too late.', path: 'record-only' });
    expect([late.status, late.body.code]).toEqual([400, 'discipline.directory_handle_invalid']);
    expect(late.body.message).toMatch(/Search the directory again/);
  });

  it('each searcher has a daily budget; others are not affected; it comes back after a day', async () => {
    const looper = await person(t, { branchId: org.branches.others });
    const bystander = await person(t, { branchId: org.branches.others });
    for (let i = 0; i < 30; i++) expect((await search(looper, `Twin${i % 8}`)).status).toBe(200);
    const over = await search(looper, 'Rex');
    expect([over.status, over.body.code]).toEqual([429, 'discipline.directory_budget_used']);
    expect(Number(over.headers['retry-after'])).toBe(over.body.details.retryAfterSeconds);
    expect(over.body.message).toMatch(/describe them in the complaint/);
    expect(over.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect((await search(bystander, 'Rex')).status).toBe(200);
    // Who searched is kept only as a keyed hash.
    const tags = await t.db.dataSource.query(`SELECT searcher_tag FROM discipline.directory_searches`);
    expect(JSON.stringify(tags)).not.toContain(looper.id);
    t.clock.advance(DAY + 60_000);
    await relogin(t, [looper]);
    expect((await search(looper, 'Rex')).status).toBe(200);
  });

  it('a non-member with a confirmed address searches the same way and files with the handle', async () => {
    const asked = await t.http().post('/complaints/email-verifications').send({ email: 'directory.visitor@example.org' });
    expect(asked.status).toBe(201);
    const code = await confirmationCodeSentTo(t, 'directory.visitor@example.org');
    const token = (await t.http().post(`/complaints/email-verifications/${asked.body.verificationId}/confirm`).send({ code })).body.verificationToken as string;
    const short = await t.http().get('/complaints/non-member/directory').query({ q: 'Re' }).set('X-Verification-Token', token);
    expect(short.status).toBe(400);
    const found = await t.http().get('/complaints/non-member/directory').query({ q: 'Samesurname' }).set('X-Verification-Token', token);
    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(5);
    expect(found.text).not.toMatch(/memberId/);
    const [rex] = (await t.http().get('/complaints/non-member/directory').query({ q: 'Rexford' }).set('X-Verification-Token', token)).body;
    const filed = await t.http().post('/complaints/non-member').set('X-Verification-Token', token).send({ respondents: [{ handle: rex.handle }], narrative: 'At the open meeting.', path: 'record-only' });
    expect(filed.status).toBe(201);
    // A member cannot use the visitor's handle.
    const member = await person(t, { branchId: org.branches.others });
    const reused = await t.http().post('/complaints').set(member.auth).send({ respondents: [{ handle: rex.handle }], narrative: 'Reused.', path: 'record-only' });
    expect(reused.status).toBe(400);
  });
});
