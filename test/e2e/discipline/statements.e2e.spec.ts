import { caseUnderInvestigation, createProceedingsApp, DAY, organization, relogin, type FiledCase, type Org, type ProceedingsApp } from './support/proceedings-world';

/**
 * S12, one statement, no ambush: the complaint's narrative is the complainant's first statement;
 * the panel may ask for an addendum with specific questions, never a retelling; a statement in a
 * party's name comes only from that party or from an interview they attended, in words they
 * approved.
 */
describe('discipline: statements (S12)', () => {
  let t: ProceedingsApp;
  let org: Org;
  let c: FiledCase;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    c = await caseUnderInvestigation(t, org, { narrative: 'NARRATIVE-CANARY what happened in the kitchen' });
  });

  afterAll(async () => {
    await t?.close();
  });

  const statements = async (who: { auth: { Authorization: string } }) => {
    const r = await t.http().get(`/cases/${c.reference}/statements`).set(who.auth);
    expect(r.status).toBe(200);
    return r.body as { statementId: string; personId: string; status: string; source: string | null; text: string | null; addenda: { addendumId: string; text: string }[]; addendumRequests: { requestId: string; questions: string[]; answeredBy: string | null }[] }[];
  };

  it('the complaint is the complainant’s statement: the panel cannot ask her to write it again, only ask specific questions', async () => {
    const [complaint] = (await statements(c.panel[0])).filter((s) => s.personId === org.complainant.id);
    expect(complaint).toMatchObject({ status: 'given', source: 'complaint', text: null });

    const asked = await t.http().post(`/cases/${c.reference}/statements/requests`).set(c.panel[0].auth).send({ personId: org.complainant.id });
    expect(asked.status).toBe(409);
    expect(asked.body).toMatchObject({ code: 'discipline.statement.complaint_is_statement', details: { statementId: complaint.statementId } });
    expect(asked.body.message).toMatch(/specific questions/);
    const rewritten = await t.http().post(`/cases/${c.reference}/statements`).set(org.complainant.auth).send({ text: 'Everything again, as the panel asked.' });
    expect([rewritten.status, rewritten.body.code]).toEqual([409, 'discipline.statement.complaint_is_statement']);

    for (const retelling of ['Please describe the events again.', 'Tell us the whole story from the beginning.', 'Could you write your statement again?']) {
      const r = await t.http().post(`/cases/${c.reference}/statements/${complaint.statementId}/addendum-requests`).set(c.panel[1].auth).send({ questions: ['Who was there?', retelling] });
      expect([retelling, r.status, r.body.code]).toEqual([retelling, 400, 'discipline.statement.questions_not_a_retelling']);
    }
    const byNonPanel = await t.http().post(`/cases/${c.reference}/statements/${complaint.statementId}/addendum-requests`).set(org.respondent.auth).send({ questions: ['Who was there?'] });
    expect(byNonPanel.status).toBeGreaterThanOrEqual(403);

    const questions = ['Who else was in the kitchen when he came in?', 'About what time did you leave the meeting?'];
    const req = await t.http().post(`/cases/${c.reference}/statements/${complaint.statementId}/addendum-requests`).set(c.panel[1].auth).send({ questions });
    expect(req.status).toBe(201);
    const [mine] = await statements(org.complainant);
    expect(mine.addendumRequests).toEqual([expect.objectContaining({ requestId: req.body.requestId, questions, answeredBy: null })]);

    const answer = await t.http().post(`/cases/${c.reference}/statements/${complaint.statementId}/addenda`).set(org.complainant.auth).send({ text: 'Tom and Ana. About ten.', requestId: req.body.requestId });
    expect(answer.status).toBe(204);
    const [after] = (await statements(c.panel[0])).filter((s) => s.personId === org.complainant.id);
    expect(after).toMatchObject({ source: 'complaint', text: null, addenda: [expect.objectContaining({ text: 'Tom and Ana. About ten.' })] });
    expect(after.addendumRequests[0].answeredBy).toBe(after.addenda[0].addendumId);
    // Still one statement for her, and her narrative is never copied into the register.
    expect((await statements(c.panel[0])).filter((s) => s.personId === org.complainant.id)).toHaveLength(1);
    const [row] = await t.db.dataSource.query(`SELECT sealed FROM discipline.statement_registers WHERE case_id = $1`, [c.caseId]);
    expect(row.sealed).not.toContain('NARRATIVE-CANARY');
  });

  it('the panel records a statement in a person’s name only from an interview they attended, and it is theirs only once they approve the words', async () => {
    const words = { personId: org.witness.id, text: 'What the witness said, as the panel wrote it down.' };
    const noInterview = await t.http().post(`/cases/${c.reference}/statements`).set(c.panel[0].auth).send(words);
    expect([noInterview.status, noInterview.body.code]).toEqual([422, 'discipline.statement.not_from_an_interview_attended']);

    const scheduled = await t
      .http()
      .post(`/cases/${c.reference}/interviews`)
      .set(c.panel[0].auth)
      .send({ personId: org.witness.id, scheduledFor: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(), topics: ['What you saw on 2 February'] });
    expect(scheduled.status).toBe(201);
    const interviewId = scheduled.body.interviewId as string;
    const notHeld = await t.http().post(`/cases/${c.reference}/statements`).set(c.panel[0].auth).send({ ...words, interviewId });
    expect([notHeld.status, notHeld.body.code]).toEqual([422, 'discipline.statement.not_from_an_interview_attended']);
    // An interview with someone else does not make a statement in the witness's name.
    const other = await t
      .http()
      .post(`/cases/${c.reference}/interviews`)
      .set(c.panel[0].auth)
      .send({ personId: org.respondent.id, scheduledFor: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(), topics: ['The evening of 2 February'] });
    expect(other.status).toBe(201);

    t.clock.advance(3 * DAY + 3_600_000);
    await relogin(t, org.everyone);
    for (const id of [interviewId, other.body.interviewId]) {
      const held = await t.http().post(`/cases/${c.reference}/interviews/${id}/held`).set(c.panel[0].auth).send({ supportPersonAttended: false });
      expect(held.status).toBe(200);
    }
    const wrongPerson = await t.http().post(`/cases/${c.reference}/statements`).set(c.panel[0].auth).send({ ...words, interviewId: other.body.interviewId });
    expect([wrongPerson.status, wrongPerson.body.code]).toEqual([422, 'discipline.statement.not_from_an_interview_attended']);

    const recorded = await t.http().post(`/cases/${c.reference}/statements`).set(c.panel[0].auth).send({ ...words, interviewId });
    expect(recorded.status).toBe(201);
    expect(recorded.body.status).toBe('awaiting_approval');
    const statementId = recorded.body.statementId as string;
    expect((await statements(c.panel[1])).find((s) => s.statementId === statementId)).toMatchObject({ status: 'awaiting_approval', source: 'interview', interviewId, givenAt: null });

    // Nobody else approves it for her; she does.
    const byPanel = await t.http().post(`/cases/${c.reference}/statements/${statementId}/approval`).set(c.panel[1].auth);
    expect(byPanel.status).toBe(403);
    const byComplainant = await t.http().post(`/cases/${c.reference}/statements/${statementId}/approval`).set(org.complainant.auth);
    expect(byComplainant.status).toBe(403);
    const [pending] = await statements(org.witness);
    expect(pending).toMatchObject({ statementId, status: 'awaiting_approval', text: words.text });
    const approved = await t.http().post(`/cases/${c.reference}/statements/${statementId}/approval`).set(org.witness.auth);
    expect(approved.status).toBe(204);
    const [mine] = await statements(org.witness);
    expect(mine).toMatchObject({ statementId, status: 'given', source: 'interview', approvedAt: expect.any(String) });
  });
});
