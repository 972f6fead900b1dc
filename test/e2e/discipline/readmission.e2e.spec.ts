import { providerNamed, caseUnderInvestigation, createProceedingsApp, DAY, decide, organization, relogin, type Org, type ProceedingsApp } from './support/proceedings-world';

/**
 * S9: after an expulsion, paying subs changes nothing; a rejoin application is refused until
 * the commission records a readmission decision, which it cannot do without consulting the
 * complainant. The membership context reads `restrictions.readmission_required`.
 */
describe('discipline: expulsion, subs and readmission', () => {
  let t: ProceedingsApp;
  let org: Org;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** What the membership context sees, read as the app role where real PostgreSQL has one. */
  const readmissionRequired = async (memberId: string): Promise<boolean> => {
    const qr = t.db.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      if (t.db.url) await qr.query(`SET LOCAL ROLE commons_app`);
      const rows = await qr.query(`SELECT 1 FROM restrictions.readmission_required WHERE member_id = $1`, [memberId]);
      await qr.rollbackTransaction();
      return rows.length > 0;
    } finally {
      await qr.release();
    }
  };

  it('keeps an expelled member out whatever they pay, until a readmission decision consulting the complainant', async () => {
    const c = await caseUnderInvestigation(t, org);
    await decide(t, org, c);
    t.clock.advance(31 * DAY);
    await relogin(t, org.everyone);
    await t.jobs.finality();
    const rejoin = providerNamed<{ assertMayRejoin(tx: unknown, memberId: string): Promise<{ decisionId: string } | null> }>(t, 'ReadmissionUseCase');
    expect(await readmissionRequired(org.respondent.id)).toBe(true);

    // They pay their subs — years ahead — and the dues context records good standing.
    await t.db.dataSource.query(
      `INSERT INTO dues.payments (member_id, amount_minor, currency, paid_on, source) VALUES ($1, 120000, 'EUR', $2, 'treasurer')`,
      [org.respondent.id, t.clock.today()],
    );
    await t.db.dataSource.query(
      `INSERT INTO dues.standing (member_id, in_good_standing, arrears_months, paid_through, computed_at) VALUES ($1, true, 0, '2031-12-31', now())
       ON CONFLICT (member_id) DO UPDATE SET in_good_standing = true, arrears_months = 0, paid_through = '2031-12-31'`,
      [org.respondent.id],
    );
    t.clock.advance(200 * DAY);
    await relogin(t, org.everyone.filter((p) => p.id !== org.respondent.id));
    await t.jobs.finality();

    // Nothing changed: still expelled, still restricted, not in good standing, still refused.
    const [m] = await t.db.dataSource.query(`SELECT status FROM membership.members WHERE id = $1`, [org.respondent.id]);
    expect(m.status).toBe('expelled');
    const kinds = await t.db.dataSource.query(`SELECT kind FROM restrictions.active WHERE member_id = $1 AND (until IS NULL OR until > $2) ORDER BY kind`, [org.respondent.id, t.clock.now()]);
    expect(kinds.map((k: any) => k.kind)).toEqual(['no_candidacy', 'no_hosting', 'no_office', 'no_voting']);
    expect(await readmissionRequired(org.respondent.id)).toBe(true);
    await expect(t.db.dataSource.transaction((tx) => rejoin.assertMayRejoin(tx, org.respondent.id))).rejects.toMatchObject({ code: 'discipline.readmission.decision_required' });
    // The next outcome notice would not reach them either: they are not in the good-standing audience.
    const [{ n }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM membership.members m LEFT JOIN dues.standing s ON s.member_id = m.id
        WHERE m.id = $1 AND m.status IN ('active', 'lapsed') AND COALESCE(s.in_good_standing, m.status = 'active')`,
      [org.respondent.id],
    );
    expect(n).toBe(0);

    const commissioner = org.commissioners.find((x) => !c.panel.some((p) => p.id === x.id))!;
    const today = t.clock.today();
    // The EC cannot decide readmission; nor can the commission without consulting the complainant.
    const byEc = await t.http().post('/readmission-decisions').set(org.ec.auth).send({ memberId: org.respondent.id, outcome: 'readmit', consultations: [], conditionsAssessment: 'Paid up.', reasons: 'The EC says so.' });
    expect(byEc.status).toBe(403);
    const unconsulted = await t.http().post('/readmission-decisions').set(commissioner.auth).send({ memberId: org.respondent.id, outcome: 'readmit', consultations: [], conditionsAssessment: 'The programme was completed.', reasons: 'Time has passed.' });
    expect(unconsulted.status).toBe(422);
    expect(unconsulted.body.code).toBe('discipline.readmission.complainant_consultation_required');
    expect(await readmissionRequired(org.respondent.id)).toBe(true);

    // A refusal, with the complainant consulted, changes nothing either.
    const consultation = { kind: 'consulted', complainantId: org.complainant.id, consultedOn: today, view: 'I am not opposed if the programme was completed.' };
    const refused = await t.http().post('/readmission-decisions').set(commissioner.auth).send({ memberId: org.respondent.id, outcome: 'refuse', consultations: [consultation], conditionsAssessment: 'Not yet met.', reasons: 'Too early.' });
    expect(refused.status).toBe(201);
    expect(refused.body.readmissionRequired).toBe(true);
    await expect(t.db.dataSource.transaction((tx) => rejoin.assertMayRejoin(tx, org.respondent.id))).rejects.toMatchObject({ code: 'discipline.readmission.decision_required' });

    // Some weeks later, a readmission decision that consulted the complainant: the way back is open.
    t.clock.advance(21 * DAY);
    await relogin(t, [commissioner]);
    const readmit = await t.http().post('/readmission-decisions').set(commissioner.auth).send({ memberId: org.respondent.id, outcome: 'readmit', consultations: [consultation], conditionsAssessment: 'The programme was completed in full.', reasons: 'The conditions are met.' });
    expect(readmit.status).toBe(201);
    expect(readmit.body.readmissionRequired).toBe(false);
    expect(readmit.body.decisions.map((d: any) => d.outcome)).toEqual(['refuse', 'readmit']);
    expect(await readmissionRequired(org.respondent.id)).toBe(false);
    expect(await t.db.dataSource.transaction((tx) => rejoin.assertMayRejoin(tx, org.respondent.id))).toEqual({ decisionId: expect.any(String) });
    const left = await t.db.dataSource.query(`SELECT kind FROM restrictions.active WHERE member_id = $1`, [org.respondent.id]);
    expect(left).toHaveLength(0);
    // The consultation is sealed at rest.
    const [sealed] = await t.db.dataSource.query(`SELECT sealed FROM discipline.readmission_decisions WHERE outcome = 'readmit'`);
    expect(sealed.sealed).not.toContain('programme');
  });
});
