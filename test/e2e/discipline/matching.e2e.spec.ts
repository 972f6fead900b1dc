import { createProceedingsApp, caseUnderInvestigation, organization, person, type Org, type ProceedingsApp, type Person } from './support/proceedings-world';

/**
 * S10: every report naming the same respondent is linked by a keyed hash of the member id; an
 * opted-in record-only reporter is told exactly once when someone else names the same person,
 * and may agree to be put in touch.
 */
describe('discipline: pattern matching', () => {
  let t: ProceedingsApp;
  let org: Org;
  let reporters: Person[];
  const refs: string[] = [];

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    reporters = [
      await person(t, { branchId: org.branches.parties, firstName: 'Ada', lastName: 'Firstreporter' }),
      await person(t, { branchId: org.branches.parties, firstName: 'Bea', lastName: 'Secondreporter' }),
      await person(t, { branchId: org.branches.others, firstName: 'Cid', lastName: 'Thirdreporter' }),
    ];
  });

  afterAll(async () => {
    await t?.close();
  });

  const fileRecordOnly = async (by: Person, optIn: boolean) => {
    const r = await t
      .http()
      .post('/complaints')
      .set(by.auth)
      .send({ respondents: [{ memberId: org.respondent.id }], narrative: `What ${by.firstName} wants on record.`, path: 'record-only', matchingOptIn: optIn });
    expect(r.status).toBeLessThan(300);
    return r.body.reference as string;
  };

  /** How many times this member was told of a match (one notice each time). */
  const toldCount = async (p: Person): Promise<number> => {
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications.notices n JOIN notifications.feed_entries f ON f.notice_id = n.id
        WHERE f.member_id = $1 AND n.dedupe_key LIKE 'discipline-match-told:%'`,
      [p.id],
    );
    return n;
  };

  it('tells each opted-in reporter exactly once, and never the one who did not opt in', async () => {
    refs.push(await fileRecordOnly(reporters[0], true));
    await t.jobs.matching();
    // Alone in the group: nobody to be told about yet.
    expect(await toldCount(reporters[0])).toBe(0);

    refs.push(await fileRecordOnly(reporters[1], true));
    refs.push(await fileRecordOnly(reporters[2], false));
    await t.jobs.matching();
    await t.jobs.matching(); // a retried job tells nobody twice

    expect(await toldCount(reporters[0])).toBe(1);
    expect(await toldCount(reporters[1])).toBe(1);
    expect(await toldCount(reporters[2])).toBe(0);

    // A further report naming the same person: still exactly once each.
    await caseUnderInvestigation(t, org);
    await t.jobs.matching();
    expect(await toldCount(reporters[0])).toBe(1);
    expect(await toldCount(reporters[1])).toBe(1);
    expect(await toldCount(reporters[2])).toBe(0);

    const status = async (i: number) => (await t.http().get(`/cases/${refs[i]}/matching`).set(reporters[i].auth)).body;
    expect(await status(0)).toMatchObject({ recordOnly: true, optedIn: true, toldOfMatch: true, introductions: [] });
    expect(await status(1)).toMatchObject({ optedIn: true, toldOfMatch: true });
    expect(await status(2)).toMatchObject({ optedIn: false, toldOfMatch: false });

    // The index holds keyed hashes of the member id — never the id, never a name.
    const groups = await t.db.dataSource.query(`SELECT respondent_hash, snapshot::text AS snapshot FROM discipline.match_groups`);
    expect(groups).toHaveLength(1);
    expect(groups[0].respondent_hash).not.toContain(org.respondent.id);
    expect(groups[0].snapshot).not.toContain(org.respondent.id);
    expect(groups[0].snapshot).not.toContain('Ombudsworth');
  });

  it('puts two told reporters in touch only when both agree, and refuses one who was not told', async () => {
    const notTold = await t.http().post(`/cases/${refs[2]}/matching/contact-consent`).set(reporters[2].auth).send({});
    expect(notTold.status).toBe(409);

    const first = await t.http().post(`/cases/${refs[0]}/matching/contact-consent`).set(reporters[0].auth).send({});
    expect(first.status).toBe(200);
    expect(first.body.introductions).toEqual([]);
    const second = await t.http().post(`/cases/${refs[1]}/matching/contact-consent`).set(reporters[1].auth).send({});
    expect(second.body.introductions).toEqual([expect.objectContaining({ name: 'Ada Firstreporter', email: reporters[0].email })]);
    const firstAgain = await t.http().get(`/cases/${refs[0]}/matching`).set(reporters[0].auth);
    expect(firstAgain.body.introductions).toEqual([expect.objectContaining({ name: 'Bea Secondreporter', email: reporters[1].email })]);
    // The third reporter never learns of the others.
    const third = await t.http().get(`/cases/${refs[2]}/matching`).set(reporters[2].auth);
    expect(JSON.stringify(third.body)).not.toContain('Firstreporter');

    // Nobody else sees a reporter's matching; the respondent least of all.
    for (const someone of [org.respondent, org.ec, reporters[1]]) {
      const r = await t.http().get(`/cases/${refs[0]}/matching`).set(someone.auth);
      expect(r.status).toBe(404);
    }
  });

  it('links every report naming the respondent for the panel of a complaint', async () => {
    const c = await caseUnderInvestigation(t, org);
    await t.jobs.matching();
    const linked = await t.http().get(`/cases/${c.reference}/linked-reports`).set(c.panel[0].auth);
    expect(linked.status).toBe(200);
    const references = linked.body.map((x: any) => x.reference);
    expect(references).toEqual(expect.arrayContaining(refs));
    expect(linked.body.filter((x: any) => x.kind === 'record_only')).toHaveLength(3);
    const notPanel = await t.http().get(`/cases/${c.reference}/linked-reports`).set(org.complainant.auth);
    expect(notPanel.status).toBe(403);
  });
});
