import { DAY, byId, caseUnderInvestigation, createProceedingsApp, decide, organization, person, relogin, type FiledCase, type Org, type ProceedingsApp, type Person } from './support/proceedings-world';

/**
 * S5, S9: interim measures protect people while a case is decided and never outlive it. In the
 * transaction that makes a finding final they end for its respondent — what came only from
 * interim measures goes, the sanction's own restrictions stay — and for every respondent with no
 * finding still pending; a respondent whose own finding is still pending stays under them.
 */
describe('discipline S5/S9: interim measures end when the finding becomes final', () => {
  let t: ProceedingsApp;
  let org: Org;
  const UNTIL = '2026-08-01T00:00:00.000Z';

  const restrictionsOf = async (memberId: string): Promise<string[]> =>
    (await t.db.dataSource.query(`SELECT kind FROM restrictions.active WHERE member_id = $1 ORDER BY kind`, [memberId])).map((r: { kind: string }) => r.kind);
  const interimSources = async (caseId: string): Promise<{ member_id: string; kind: string }[]> =>
    t.db.dataSource.query(`SELECT member_id, kind FROM discipline.restriction_sources WHERE case_id = $1 AND source_kind = 'interim' AND ended_at IS NULL ORDER BY member_id, kind`, [caseId]);

  /** A panel majority imposes interim measures (a proposal, then a second panelist concurs). */
  async function imposeInterimMeasures(c: FiledCase, measures: Record<string, unknown>[]): Promise<void> {
    const proposed = await t.http().post(`/commission/cases/${c.reference}/interim-decisions`).set(c.panel[0].auth).send({
      outcome: 'measures',
      measures,
      reasons: 'Risk to the complainant at branch events while the case is decided.',
    });
    expect(proposed.status).toBe(200);
    const concurred = await t.http().post(`/commission/cases/${c.reference}/interim-decisions/${proposed.body.proposalId}/concur`).set(c.panel[1].auth);
    expect(concurred.status).toBe(200);
    expect(concurred.body.decisionId).toEqual(expect.any(String));
  }

  /** The panel opens a finding on this respondent, all vote, and decides. */
  async function decideOn(c: FiledCase, respondentId: string, sanction: Record<string, unknown>): Promise<void> {
    const opened = await t.http().post(`/cases/${c.reference}/findings`).set(c.panel[0].auth).send({ respondentId });
    expect(opened.status).toBe(201);
    for (const p of c.panel) {
      expect((await t.http().post(`/cases/${c.reference}/findings/${opened.body.findingId}/votes`).set(p.auth).send({ verdict: 'uphold', proposedSanction: sanction })).status).toBe(201);
    }
    const decided = await t.http().post(`/cases/${c.reference}/findings/${opened.body.findingId}/decision`).set(c.panel[1].auth).send({ rule: 'Code of conduct §2', reasons: 'Written reasons.' });
    expect(decided.status).toBe(201);
  }

  async function passAppealWindow(): Promise<void> {
    t.clock.advance(31 * DAY);
    await relogin(t, org.everyone);
    expect(await t.jobs.finality()).toMatchObject({ finalized: 1 });
  }

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a suspension becomes final: the interim-only restrictions go, the sanction’s stay, in the same step', async () => {
    const c = await caseUnderInvestigation(t, org);
    await imposeInterimMeasures(c, [
      { kind: 'no_hosting', memberId: org.respondent.id, until: UNTIL },
      { kind: 'no_speaking', memberId: org.respondent.id, until: UNTIL },
      { kind: 'separation', memberId: org.respondent.id, until: UNTIL, separatedFrom: [org.complainant.id] },
    ]);
    expect(await restrictionsOf(org.respondent.id)).toEqual(['no_hosting', 'no_speaking', 'separation']);
    await decide(t, org, c, { sanction: { kind: 'suspension', until: '2026-07-01' } });
    // Decided but not yet final (the appeal window is open): the measures still hold.
    expect(await restrictionsOf(org.respondent.id)).toEqual(['no_hosting', 'no_speaking', 'separation']);

    await passAppealWindow();
    expect(await restrictionsOf(org.respondent.id)).toEqual(['no_candidacy', 'no_hosting', 'no_office', 'no_voting']);
    expect(await interimSources(c.caseId)).toEqual([]);
    const [hosting] = await t.db.dataSource.query(`SELECT until FROM restrictions.active WHERE member_id = $1 AND kind = 'no_hosting'`, [org.respondent.id]);
    expect(new Date(hosting.until).toISOString()).toBe('2026-07-01T00:00:00.000Z'); // the sanction's end, not the interim measure's
    const [decision] = await t.db.dataSource.query(`SELECT ended_at FROM discipline.interim_decisions WHERE case_id = $1`, [c.caseId]);
    expect(decision.ended_at).not.toBeNull();
    const [row] = await t.db.dataSource.query(`SELECT stage FROM discipline.cases WHERE id = $1`, [c.caseId]);
    expect(row.stage).toBe('final');
    const ended = await t.db.dataSource.query(`SELECT actor_kind FROM audit.entries WHERE action = 'case.interim-measures-ended' AND subject_id = $1`, [c.caseId]);
    expect(ended).toEqual([{ actor_kind: 'system' }]);
    // The panel's record shows when the measures ended.
    const seen = await t.http().get(`/cases/${c.reference}`).set(c.panel[0].auth);
    expect(seen.body.interimDecisions[0].endedAt).toEqual(expect.any(String));
  });

  it('with several respondents: the one whose finding is final and the one with none pending are released; the one still pending is not', async () => {
    const first: Person = await person(t, { branchId: org.branches.respondents, firstName: 'Fergus', lastName: 'Firstfinal' });
    const pending: Person = await person(t, { branchId: org.branches.respondents, firstName: 'Percival', lastName: 'Stillpending' });
    const unfound: Person = await person(t, { branchId: org.branches.respondents, firstName: 'Ulrich', lastName: 'Nofinding' });
    org.everyone.push(first, pending, unfound);
    const filed = await t
      .http()
      .post('/complaints')
      .set(org.complainant.auth)
      .send({
        respondents: [{ memberId: first.id }, { memberId: pending.id }, { memberId: unfound.id }],
        narrative: 'Three of them blocked the door of the meeting room.',
        path: 'formal',
      });
    expect(filed.status).toBe(201);
    const reference = filed.body.reference as string;
    const [row] = await t.db.dataSource.query(`SELECT id, duty_commissioner_id FROM discipline.cases WHERE reference = $1`, [reference]);
    const triaged = await t.http().post(`/commission/cases/${reference}/triage`).set(byId(org, row.duty_commissioner_id).auth).send({});
    expect(triaged.status).toBe(200);
    const c: FiledCase = { reference, caseId: row.id, panel: (triaged.body.panel as string[]).map((id) => byId(org, id)) };
    expect((await t.http().post(`/commission/cases/${reference}/investigation`).set(c.panel[0].auth).send({})).status).toBe(200);
    await imposeInterimMeasures(
      c,
      [first, pending, unfound].map((p) => ({ kind: 'no_speaking', memberId: p.id, until: UNTIL })),
    );
    for (const p of [first, pending, unfound]) expect(await restrictionsOf(p.id)).toEqual(['no_speaking']);

    await decideOn(c, first.id, { kind: 'warning' });
    const opened = await t.http().post(`/cases/${reference}/findings`).set(c.panel[0].auth).send({ respondentId: pending.id });
    expect(opened.status).toBe(201);

    await passAppealWindow();
    expect(await restrictionsOf(first.id)).toEqual([]); // a warning restricts nothing
    expect(await restrictionsOf(unfound.id)).toEqual([]);
    expect(await restrictionsOf(pending.id)).toEqual(['no_speaking']);
    expect(await interimSources(c.caseId)).toEqual([{ member_id: pending.id, kind: 'no_speaking' }]);
    const [decision] = await t.db.dataSource.query(`SELECT ended_at FROM discipline.interim_decisions WHERE case_id = $1`, [c.caseId]);
    expect(decision.ended_at).toBeNull(); // still in force for the respondent whose finding is pending
  });
});
