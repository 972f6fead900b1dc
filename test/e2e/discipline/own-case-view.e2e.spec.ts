import { confirmationCodeSentTo } from '../../support/mail';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, caseRow, complaint, fileAndTriage, type World } from './support/discipline-world';

/**
 * S11: the parties see their own case. The complainant — member, or non-member by the confirmed
 * address — sees their complaint as they filed it: the narrative, the path, the people as they
 * named them, the files they added. S12: the respondent, once the panel begins its work, learns
 * the allegations (what, where, when, who is named) before any interview — never the witnesses,
 * the complainant's choices or files, nor their contact details. S1: anyone else gets the 404 of
 * a case that does not exist. Every read of content is in the audit log.
 */
describe('discipline S11/S12: a party’s own case view', () => {
  let t: TestApp;
  let w: World;
  let c: { reference: string; id: string; duty: string; panel: string[] };
  let visitor: { token: string; reference: string };
  const NARRATIVE = 'At the branch social on the 3rd he followed me to the car park and would not let me leave.';
  const VISITOR_NARRATIVE = 'At the public meeting he shouted at me and took my leaflets.';
  const VISITOR_EMAIL = 'Neighbour.Visitor@Example.org';
  const TXT = Buffer.from('Messages he sent me on the night, copied out.\n', 'utf8');

  type Read = { view: string; items: { item: string; ref: string }[] };
  const contentReads = async (actorId: string | null): Promise<Read[]> =>
    (
      await t.db.dataSource.query(
        `SELECT actor_id, data FROM audit.entries WHERE action = 'case.content-read' AND subject_type = 'discipline.case' AND subject_id = $1 AND actor_id IS NOT DISTINCT FROM $2 ORDER BY seq`,
        [c.id, actorId],
      )
    ).map((r: { data: unknown }) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Read);

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    c = await fileAndTriage(
      t,
      w,
      complaint(w.respondent.id, {
        narrative: NARRATIVE,
        where: 'Car park behind the branch office',
        when: { from: '2026-01-03' },
        witnesses: [{ memberId: w.witness.id }, { description: 'The bar manager, a tall man with a beard' }],
        supportPerson: { description: 'My sister Ana' },
        matchingOptIn: true,
      }),
    );
    const asked = await t.http().post('/complaints/email-verifications').send({ email: VISITOR_EMAIL });
    const code = await confirmationCodeSentTo(t, VISITOR_EMAIL.toLowerCase());
    const confirmed = await t.http().post(`/complaints/email-verifications/${asked.body.verificationId}/confirm`).send({ code });
    const token = confirmed.body.verificationToken as string;
    const filed = await t.http().post('/complaints/non-member').set('X-Verification-Token', token).send({
      respondents: [{ memberId: w.respondent.id }, { description: 'His friend with the red scarf' }],
      narrative: VISITOR_NARRATIVE,
      path: 'record-only',
    });
    expect(filed.status).toBe(201);
    visitor = { token, reference: filed.body.reference };
  });
  afterAll(() => t.close());

  it('the complainant sees their own complaint as they filed it, and the read is audited', async () => {
    const before = (await contentReads(w.complainant.id)).length;
    const res = await t.http().get(`/cases/${c.reference}`).set(w.complainant.auth);
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('complainant');
    expect(res.body.complaint).toEqual({
      scope: 'own_complaint',
      path: 'formal',
      narrative: NARRATIVE,
      where: 'Car park behind the branch office',
      when: { from: '2026-01-03', to: null },
      respondents: [{ memberId: w.respondent.id, name: expect.any(String), description: null }],
      witnesses: [
        { memberId: w.witness.id, name: expect.any(String), description: null },
        { memberId: null, name: null, description: 'The bar manager, a tall man with a beard' },
      ],
      supportPerson: { memberId: null, name: null, description: 'My sister Ana' },
      matchingOptIn: true,
      attachments: [],
    });
    const reads = await contentReads(w.complainant.id);
    expect(reads).toHaveLength(before + 1);
    expect(reads[reads.length - 1].view).toBe('own_complaint');
    expect(reads[reads.length - 1].items.map((i) => i.item)).toEqual(expect.arrayContaining(['narrative', 'where', 'witness 2', 'support person']));
  });

  it('a non-member complainant sees their own complaint by their confirmed address', async () => {
    const res = await t.http().get(`/complaints/non-member/cases/${visitor.reference}`).set('X-Verification-Token', visitor.token);
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('complainant');
    expect(res.body.complaint).toMatchObject({
      scope: 'own_complaint',
      path: 'record-only',
      narrative: VISITOR_NARRATIVE,
      respondents: [{ memberId: w.respondent.id }, { memberId: null, description: 'His friend with the red scarf' }],
      witnesses: [],
      attachments: [],
    });
    // Someone else's confirmed address: the plain 404, as for a case that does not exist.
    const other = await t.http().post('/complaints/email-verifications').send({ email: 'someone.else@example.org' });
    const otherToken = (await t.http().post(`/complaints/email-verifications/${other.body.verificationId}/confirm`).send({ code: await confirmationCodeSentTo(t, 'someone.else@example.org') })).body
      .verificationToken;
    const theirs = await t.http().get(`/complaints/non-member/cases/${visitor.reference}`).set('X-Verification-Token', otherToken);
    const never = await t.http().get('/complaints/non-member/cases/CC-2026-AAAA-BBBB').set('X-Verification-Token', otherToken);
    expect(theirs.status).toBe(404);
    expect(theirs.text).toBe(never.text);
  });

  it('the files the complainant added are listed in their complaint (described, not their content)', async () => {
    const panelist = by(w, c.panel[0]);
    expect((await t.http().post(`/commission/cases/${c.reference}/investigation`).set(panelist.auth)).status).toBe(200);
    const added = await t.http().post(`/cases/${c.reference}/evidence`).set(w.complainant.auth).send({ fileName: 'messages.txt', contentBase64: TXT.toString('base64') });
    expect(added.status).toBe(201);
    const res = await t.http().get(`/cases/${c.reference}`).set(w.complainant.auth);
    expect(res.body.complaint.attachments).toEqual([
      { evidenceId: added.body.evidenceId, fileName: 'messages.txt', contentType: 'text/plain', sizeBytes: TXT.length, sha256: added.body.sha256, submittedAt: added.body.submittedAt },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('copied out');
    const reads = await contentReads(w.complainant.id);
    expect(reads[reads.length - 1]).toMatchObject({ view: 'complainant_files', items: [{ item: `file ${added.body.evidenceId}` }] });
  });

  it('the respondent, once told, sees the allegations — never the witnesses, the complainant’s choices, files or email', async () => {
    const res = await t.http().get(`/cases/${c.reference}`).set(w.respondent.auth);
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('respondent');
    expect(res.body.complaint).toEqual({
      scope: 'allegations',
      path: 'formal',
      narrative: NARRATIVE,
      where: 'Car park behind the branch office',
      when: { from: '2026-01-03', to: null },
      respondents: [{ memberId: w.respondent.id, name: expect.any(String), description: null }],
      witnesses: null,
      supportPerson: null,
      matchingOptIn: null,
      attachments: null,
    });
    const body = JSON.stringify(res.body);
    expect(body).not.toContain(w.complainant.email);
    expect(body).not.toContain(w.witness.id);
    expect(body).not.toContain('bar manager');
    expect(body).not.toContain('My sister Ana');
    expect(body).not.toContain('messages.txt');
    const reads = await contentReads(w.respondent.id);
    expect(reads[reads.length - 1].view).toBe('allegations');
    expect(reads[reads.length - 1].items.map((i) => i.item)).not.toEqual(expect.arrayContaining(['witness 2']));
  });

  it('a respondent not yet told, a witness, officers and strangers get no complaint — outsiders the 404 of a case that does not exist', async () => {
    const witness = await t.http().get(`/cases/${c.reference}`).set(w.witness.auth);
    expect(witness.status).toBe(200);
    expect(witness.body.complaint).toBeNull();
    const never = await t.http().get('/cases/CC-2026-AAAA-BBBB').set(w.bystander.auth);
    expect(never.status).toBe(404);
    for (const outsider of [w.bystander, w.ec, w.secretary, w.staff]) {
      const res = await t.http().get(`/cases/${c.reference}`).set(outsider.auth);
      expect(res.status).toBe(404);
      expect(res.text).toBe(never.text);
    }
    // The record-only report: the respondent it names is never told, so it does not exist for them.
    const notTold = await t.http().get(`/cases/${visitor.reference}`).set(w.respondent.auth);
    expect(notTold.status).toBe(404);
    expect(notTold.text).toBe(never.text);
    const row = await caseRow(t, visitor.reference);
    expect(row.snapshot.path).toBe('record-only');
  });
});
