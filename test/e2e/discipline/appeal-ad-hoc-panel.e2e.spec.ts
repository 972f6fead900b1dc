import { auditEntries, caseUnderInvestigation, createProceedingsApp, decide, organization, person, type FiledCase, type Org, type ProceedingsApp, type Person } from './support/proceedings-world';

/**
 * S3 shortfall on an appeal: when too few Appeals Committee members are cleared for the case to
 * fill the appeals panel, the members the draw did seat — themselves not conflicted — name
 * eligible members for the missing seats. Each nominee goes through the same recusal engine and
 * the appeal's own checks (no earlier panel of the case, no incompatible seat, not a party); a
 * majority of the members drawn appoints; the last appointment seats the panel. Everything is
 * recorded; anyone else gets the case's "not found".
 */
describe('discipline S3: the Appeals Committee completes an appeals panel the draw could not fill', () => {
  let t: ProceedingsApp;
  let org: Org;
  let c: FiledCase;
  let findingId: string;
  let appealId: string;
  let committee: Person[];
  let conflicted: Person[];
  let eligible: Person;
  let neighbour: Person;

  const nominate = (by: Person, nomineeId: string) =>
    t.http().post(`/cases/${c.reference}/appeals/${appealId}/ad-hoc-panel/nominations`).set(by.auth).send({ nomineeId });

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    // Two of the four Appeals Committee members declare a relationship with the respondent: only two are cleared for a panel of three.
    conflicted = org.appeals.slice(0, 2);
    committee = org.appeals.slice(2);
    for (const a of conflicted) {
      expect((await t.http().post('/commission/declarations').set(a.auth).send({ memberId: org.respondent.id })).status).toBe(200);
    }
    eligible = await person(t, { branchId: await t.make.branch(), firstName: 'Elspeth', lastName: 'Eligible' });
    neighbour = await person(t, { branchId: org.branches.respondents, firstName: 'Norbert', lastName: 'Samebranch' });
    org.everyone.push(eligible, neighbour);
    c = await caseUnderInvestigation(t, org);
    findingId = await decide(t, org, c, { sanction: { kind: 'suspension', until: '2026-09-01' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the appeal is lodged with the shortfall recorded, and the members drawn are asked to complete the panel', async () => {
    const lodged = await t
      .http()
      .post(`/cases/${c.reference}/appeals`)
      .set(org.respondent.auth)
      .send({ findingId, grounds: [{ ground: 'disproportionate_sanction', text: 'A first incident; a warning would do.' }] });
    expect(lodged.status).toBe(201);
    appealId = lodged.body.appealId;
    expect(lodged.body).toMatchObject({ status: 'lodged', appealsPanelIds: [], panelShortfall: 1 });
    expect([...lodged.body.adHoc.committee].sort()).toEqual(committee.map((p) => p.id).sort());
    expect(lodged.body.adHoc).toMatchObject({ seatsToFill: 1, appointed: [], completedAt: null });
    // The members drawn read the appeal; they cannot decide it before the panel is complete.
    const seen = await t.http().get(`/cases/${c.reference}/appeals`).set(committee[0].auth);
    expect(seen.status).toBe(200);
    const early = await t
      .http()
      .post(`/cases/${c.reference}/appeals/${appealId}/votes`)
      .set(committee[0].auth)
      .send({ outcome: 'uphold', reasons: 'Too early.' });
    expect(early.status).toBe(403);
  });

  it('officers, conflicted committee members and parties get the plain "not found" or a refusal; nothing changes', async () => {
    const never = await t.http().post(`/cases/CC-2026-AAAA-BBBB/appeals/${appealId}/ad-hoc-panel/nominations`).set(org.ec.auth).send({ nomineeId: eligible.id });
    expect(never.status).toBe(404);
    for (const who of [org.ec, conflicted[0], org.outsider]) {
      const res = await nominate(who, eligible.id);
      expect(res.status).toBe(404);
      expect(res.text).toBe(never.text);
    }
    expect((await nominate(org.respondent, eligible.id)).status).toBe(403);
    const appeal = (await t.http().get(`/cases/${c.reference}/appeals`).set(committee[0].auth)).body[0];
    expect(appeal.adHoc.appointed).toEqual([]);
  });

  it('refuses nominees the rules exclude: a commissioner of the first panel, someone sharing the respondent’s branch, a party', async () => {
    const firstPanelist = await nominate(committee[0], c.panel[0].id);
    expect(firstPanelist.status).toBe(422);
    expect(firstPanelist.body.code).toBe('discipline.appeal.ad_hoc_nominee_refused');
    const otherCommissioner = org.commissioners.find((x) => !c.panel.some((p) => p.id === x.id))!;
    const ccom = await nominate(committee[0], otherCommissioner.id);
    expect(ccom.status).toBe(422);
    expect(ccom.body.message).toContain('Control Commission');
    const sameBranch = await nominate(committee[0], neighbour.id);
    expect(sameBranch.status).toBe(422);
    expect(sameBranch.body.message).toContain('conflict');
    expect((await nominate(committee[0], org.complainant.id)).status).toBe(422);
  });

  it('a majority of the members drawn appoints an eligible member; the panel is seated and decides', async () => {
    const first = await nominate(committee[0], eligible.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'lodged', adHoc: { appointed: [] } });
    const second = await nominate(committee[1], eligible.id);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('panel_seated');
    expect([...second.body.appealsPanelIds].sort()).toEqual([...committee.map((p) => p.id), eligible.id].sort());
    expect(second.body.adHoc).toMatchObject({ appointed: [eligible.id], completedAt: expect.any(String) });
    const recorded = (await auditEntries(t, 'appeal.ad-hoc-nomination')).filter((e) => e.subject_id === c.caseId);
    expect(recorded.map((e) => [e.actor_id, (typeof e.data === 'string' ? JSON.parse(e.data) : e.data).appointed])).toEqual([
      [committee[0].id, false],
      [committee[1].id, true],
    ]);
    expect((await nominate(committee[0], org.outsider.id)).status).toBe(409);

    // The appointed member votes with the members drawn: a majority of the three decides.
    const one = await t.http().post(`/cases/${c.reference}/appeals/${appealId}/votes`).set(eligible.auth).send({ outcome: 'uphold', reasons: 'The sanction is proportionate.' });
    expect(one.status).toBe(201);
    expect(one.body.decision).toBeNull();
    const decided = await t.http().post(`/cases/${c.reference}/appeals/${appealId}/votes`).set(committee[0].auth).send({ outcome: 'uphold', reasons: 'Agreed.' });
    expect(decided.status).toBe(201);
    expect(decided.body.decision).toMatchObject({ outcome: 'uphold', counts: { inFavour: 2, against: 0, notVoted: 1 }, voteCount: '2–0' });
  });
});
