import { caseUnderInvestigation, createProceedingsApp, organization, type Org, type ProceedingsApp } from './support/proceedings-world';

/**
 * Standing down and voting on a challenge are bound to the stages in which the rules give them an
 * object (S3): once the complainant has withdrawn the complaint, a panelist can neither stand down
 * nor vote on a challenge still pending — the routes answer 409 `discipline.stage_does_not_allow`
 * with the table's words, and nothing is recorded. (Seating ad-hoc appointees and escalating a
 * deadline are refused the same way by the aggregate: `case-lifecycle.spec.ts`.)
 */
describe('discipline: commands bound to their stages, through the routes', () => {
  let t: ProceedingsApp;
  let org: Org;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('once the complaint is withdrawn, standing down and a vote on a pending challenge are refused', async () => {
    const c = await caseUnderInvestigation(t, org);
    const [p1, p2, p3] = c.panel;

    // A party challenges p1 while the panel investigates; the challenge is pending.
    const challenged = await t.http().post(`/cases/${c.reference}/challenges`).set(org.respondent.auth).send({ panelistId: p1.id, grounds: 'He shares a flat with the complainant’s brother.' });
    expect(challenged.status).toBe(200);
    const challengeId = challenged.body.challengeId;
    expect(typeof challengeId).toBe('string');

    // The complainant withdraws the complaint.
    expect((await t.http().post(`/cases/${c.reference}/withdraw`).set(org.complainant.auth).send({})).status).toBeLessThan(300);
    const [before] = await t.db.dataSource.query(`SELECT version, snapshot FROM discipline.cases WHERE id = $1`, [c.caseId]);
    expect(before.snapshot.stage).toBe('withdrawn');

    const vote = await t.http().post(`/commission/cases/${c.reference}/challenges/${challengeId}/votes`).set(p2.auth).send({ uphold: true });
    expect(vote.status).toBe(409);
    expect(vote.body).toMatchObject({ code: 'discipline.stage_does_not_allow', message: 'Challenges are decided while the panel handles the case.' });

    const down = await t.http().post(`/commission/cases/${c.reference}/self-recusal`).set(p3.auth).send({ reason: 'I have since become a friend of the respondent.' });
    expect(down.status).toBe(409);
    expect(down.body).toMatchObject({ code: 'discipline.stage_does_not_allow', message: 'Nobody stands down from a case that is no longer being handled.' });

    const [after] = await t.db.dataSource.query(`SELECT version, snapshot FROM discipline.cases WHERE id = $1`, [c.caseId]);
    expect(after.version).toBe(before.version);
    expect(after.snapshot.selfRecusals).toEqual([]);
    expect(after.snapshot.challenges[0].votes).toEqual([]);
  });
});
