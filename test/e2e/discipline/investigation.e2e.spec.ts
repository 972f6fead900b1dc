import { caseUnderInvestigation, createProceedingsApp, DAY, organization, type FiledCase, type Org, type ProceedingsApp } from './support/proceedings-world';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b50000000049454e44ae426082', 'hex'),
]);
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const NOT_FOUND = { statusCode: 404, code: 'not_found', message: 'Not found.' };

/**
 * S7, S12: case messages are the only channel to a panel — what an officer tells a panel is on
 * the record the parties read; one statement, reused; interviews with topics stated in advance
 * and a support person recorded; evidence sealed, size-limited and recognised by its bytes.
 */
describe('discipline: investigation', () => {
  let t: ProceedingsApp;
  let org: Org;
  let c: FiledCase;

  beforeAll(async () => {
    process.env.DISCIPLINE_EVIDENCE_MAX_BYTES = '100000';
    t = await createProceedingsApp();
    delete process.env.DISCIPLINE_EVIDENCE_MAX_BYTES;
    org = await organization(t);
    c = await caseUnderInvestigation(t, org);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('puts an officer’s message to the panel in the case record the parties read', async () => {
    const TEXT = 'EC-CANARY: the executive would appreciate a quiet outcome before the congress.';
    const sent = await t.http().post(`/cases/${c.reference}/messages`).set(org.ec.auth).send({ text: TEXT });
    expect(sent.status).toBe(202);
    // The same receipt for a case that does not exist: writing cannot be used to learn of cases.
    const ghost = await t.http().post(`/cases/CC-2026-ZZZZ-ZZZZ/messages`).set(org.ec.auth).send({ text: TEXT });
    expect(ghost.status).toBe(202);
    expect(ghost.body).toEqual(sent.body);
    // A member with no office and no part in the case cannot write to it at all.
    const stranger = await t.http().post(`/cases/${c.reference}/messages`).set(org.outsider.auth).send({ text: 'hello' });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual(NOT_FOUND);

    const read = async (who: { auth: Record<string, string> }) => t.http().get(`/cases/${c.reference}/messages`).set(who.auth);
    for (const party of [org.complainant, org.respondent]) {
      const r = await read(party);
      expect(r.status).toBe(200);
      const officer = r.body.find((m: any) => m.senderRole === 'officer');
      expect(officer).toMatchObject({ text: TEXT, senderId: org.ec.id, audience: { kind: 'panel' } });
    }
    const panel = await read(c.panel[2]);
    expect(panel.body.some((m: any) => m.text === TEXT)).toBe(true);
    // The EC member cannot read the case back, and nothing of it is stored in clear.
    expect((await read(org.ec)).body).toEqual(NOT_FOUND);
    const stored = await t.db.dataSource.query(`SELECT sealed FROM discipline.case_messages`);
    expect(stored).toHaveLength(1);
    expect(stored[0].sealed).not.toContain('EC-CANARY');

    // A party's own message to the panel is theirs and the panel's — the other party does not see it.
    const own = await t.http().post(`/cases/${c.reference}/messages`).set(org.complainant.auth).send({ text: 'A detail I forgot.' });
    expect(own.status).toBe(201);
    expect((await read(org.respondent)).body.some((m: any) => m.text === 'A detail I forgot.')).toBe(false);
    // Parties write only to the panel.
    const sideways = await t.http().post(`/cases/${c.reference}/messages`).set(org.complainant.auth).send({ text: 'to him', to: org.respondent.id });
    expect(sideways.status).toBe(422);
  });

  it('tells an officer that a message about a case goes on the case record the parties read — the same answer whether the case exists or not', async () => {
    const expected = {
      messageId: null,
      recordedOn: 'case_record',
      visibleTo: 'panel_and_parties',
      readdressed: true,
      notice: expect.stringContaining('visible to every party'),
      receipt: expect.stringContaining('every party'),
    };
    const cc = await t.make.signedInMember({ branchId: org.branches.others });
    await t.make.mandate(cc.id, 'CC');
    const answers = [];
    for (const to of [undefined, 'panel', org.respondent.id, 'all_parties']) {
      for (const ref of [c.reference, 'CC-2026-ZZZZ-ZZZZ']) {
        const res = await t.http().post(`/cases/${ref}/messages`).set(cc.auth).send({ text: 'A word for the panel only, please.', ...(to ? { to } : {}) });
        expect(res.status).toBe(202);
        expect(res.body).toEqual(expected);
        answers.push(res.body);
      }
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    // Whatever it was addressed to, it is on the record for the panel, and every party reads it.
    const seen = (await t.http().get(`/cases/${c.reference}/messages`).set(org.respondent.auth)).body.filter((m: any) => m.senderId === cc.id);
    expect(seen).toHaveLength(4);
    expect(seen.every((m: any) => m.audience.kind === 'panel')).toBe(true);
    // A party's own message says who reads it, and that it went as addressed.
    const own = await t.http().post(`/cases/${c.reference}/messages`).set(org.complainant.auth).send({ text: 'Another detail.' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ recordedOn: 'case_record', visibleTo: 'panel_only', readdressed: false, notice: null });
  });

  it('takes a statement once and reuses it', async () => {
    const asked = await t.http().post(`/cases/${c.reference}/statements/requests`).set(c.panel[0].auth).send({ personId: org.respondent.id });
    expect(asked.status).toBe(201);
    const again = await t.http().post(`/cases/${c.reference}/statements/requests`).set(c.panel[1].auth).send({ personId: org.respondent.id });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'discipline.statement.already_exists', details: { statementId: asked.body.statementId } });
    const given = await t
      .http()
      .post(`/cases/${c.reference}/statements`)
      .set(org.respondent.auth)
      .send({ text: 'STATEMENT-CANARY my account of the evening', supportPerson: { name: 'A friend' } });
    expect(given.status).toBe(201);
    expect(given.body.statementId).toBe(asked.body.statementId);
    const twice = await t.http().post(`/cases/${c.reference}/statements`).set(org.respondent.auth).send({ text: 'a new version' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('discipline.statement.already_given');
    const addendum = await t.http().post(`/cases/${c.reference}/statements/${asked.body.statementId}/addenda`).set(org.respondent.auth).send({ text: 'One more thing.' });
    expect(addendum.status).toBe(204);
    const byPanel = await t.http().get(`/cases/${c.reference}/statements`).set(c.panel[0].auth);
    expect(byPanel.body).toEqual([
      expect.objectContaining({ personId: org.complainant.id, source: 'complaint' }),
      expect.objectContaining({ personId: org.respondent.id, text: 'STATEMENT-CANARY my account of the evening', supportPerson: { name: 'A friend', memberId: null } }),
    ]);
    // The complainant reads only her own statement: her complaint (S12).
    expect((await t.http().get(`/cases/${c.reference}/statements`).set(org.complainant.auth)).body).toEqual([
      expect.objectContaining({ personId: org.complainant.id, role: 'complainant', status: 'given', source: 'complaint', text: null }),
    ]);
    const [row] = await t.db.dataSource.query(`SELECT sealed FROM discipline.statement_registers`);
    expect(row.sealed).not.toContain('STATEMENT-CANARY');
  });

  it('schedules interviews with their topics stated in advance, and records the support person', async () => {
    const tooSoon = await t
      .http()
      .post(`/cases/${c.reference}/interviews`)
      .set(c.panel[0].auth)
      .send({ personId: org.witness.id, scheduledFor: new Date(t.clock.now().getTime() + DAY).toISOString(), topics: ['What you saw on 2 February'] });
    expect(tooSoon.status).toBe(422);
    const noTopics = await t.http().post(`/cases/${c.reference}/interviews`).set(c.panel[0].auth).send({ personId: org.witness.id, scheduledFor: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(), topics: [] });
    expect(noTopics.status).toBe(400);
    const scheduled = await t
      .http()
      .post(`/cases/${c.reference}/interviews`)
      .set(c.panel[0].auth)
      .send({ personId: org.witness.id, scheduledFor: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(), topics: ['What you saw on 2 February'] });
    expect(scheduled.status).toBe(201);
    const mine = await t.http().get(`/cases/${c.reference}/interviews`).set(org.witness.auth);
    expect(mine.body).toEqual([expect.objectContaining({ topics: ['What you saw on 2 February'], status: 'scheduled' })]);
    const support = await t.http().put(`/cases/${c.reference}/interviews/${scheduled.body.interviewId}/support-person`).set(org.witness.auth).send({ supportPerson: { name: 'My sister' } });
    expect(support.status).toBe(200);
    expect(support.body.supportPerson).toEqual({ name: 'My sister', memberId: null });
    const byOther = await t.http().put(`/cases/${c.reference}/interviews/${scheduled.body.interviewId}/support-person`).set(org.complainant.auth).send({ supportPerson: { name: 'x' } });
    expect(byOther.status).toBe(404);
  });

  it('accepts evidence recognised by its bytes, seals it, and refuses what is not allowed', async () => {
    const ok = await t.http().post(`/cases/${c.reference}/evidence`).set(org.complainant.auth).send({ fileName: 'C:\\photos\\screenshot.png', contentBase64: PNG.toString('base64'), declaredContentType: 'image/png' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length, fileName: 'screenshot.png' });
    const exe = await t.http().post(`/cases/${c.reference}/evidence`).set(org.complainant.auth).send({ fileName: 'photo.png', contentBase64: ELF.toString('base64') });
    expect(exe.status).toBe(422);
    expect(exe.body.code).toBe('discipline.evidence.type_not_allowed');
    const mismatch = await t.http().post(`/cases/${c.reference}/evidence`).set(org.complainant.auth).send({ fileName: 'doc.pdf', contentBase64: PNG.toString('base64'), declaredContentType: 'application/pdf' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('discipline.evidence.type_mismatch');
    const big = await t.http().post(`/cases/${c.reference}/evidence`).set(org.complainant.auth).send({ fileName: 'big.txt', contentBase64: Buffer.alloc(100_001, 0x41).toString('base64') });
    expect(big.status).toBe(422);
    expect(big.body.code).toBe('discipline.evidence.too_large');
    const justRight = await t.http().post(`/cases/${c.reference}/evidence`).set(org.respondent.auth).send({ fileName: 'notes.txt', contentBase64: Buffer.alloc(100_000, 0x41).toString('base64') });
    expect(justRight.status).toBe(201);

    const read = await t.http().get(`/cases/${c.reference}/evidence/${ok.body.evidenceId}`).set(c.panel[1].auth);
    expect(Buffer.from(read.body.contentBase64, 'base64').equals(PNG)).toBe(true);
    expect((await t.http().get(`/cases/${c.reference}/evidence/${ok.body.evidenceId}`).set(org.ec.auth)).body).toEqual(NOT_FOUND);
    expect((await t.http().get(`/cases/${c.reference}/evidence/${ok.body.evidenceId}`).set(org.respondent.auth)).status).toBe(404);
    const [stored] = await t.db.dataSource.query(`SELECT content, sealed_meta FROM discipline.evidence`);
    expect(Buffer.from(stored.content).includes(PNG.subarray(8))).toBe(false);
    expect(stored.sealed_meta).not.toContain('screenshot');
    // Each read of the content is in the audit log, with who read it.
    const reads = await t.db.dataSource.query(`SELECT actor_id FROM audit.entries WHERE action = 'case.content-read' AND data->>'what' = 'evidence'`);
    expect(reads.map((r: any) => r.actor_id)).toEqual([c.panel[1].id]);
  });
});
