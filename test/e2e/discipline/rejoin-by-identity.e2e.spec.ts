import { CONFIDENTIAL_RESTRICTION_MESSAGE } from '@org/kernel';
import { applicationTokenSentTo } from '../../support/mail';
import { caseUnderInvestigation, createProceedingsApp, DAY, decide, organization, person, relogin, type Org, type ProceedingsApp, type Person } from './support/proceedings-world';

/**
 * S9: an expelled member is recognised when they come back under a new e-mail address — by
 * name with phone, postal address or date of birth — through keyed hashes the disciplinary
 * context holds (no plaintext in its tables). The online application and an import row are held
 * with the neutral confidential-restriction message until the commission's readmission decision.
 */
describe('discipline: rejoining under another e-mail (S9)', () => {
  let t: ProceedingsApp;
  let org: Org;
  let secretary: Person;
  let branchCode: string;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    secretary = await person(t, { branchId: org.branches.others, firstName: 'Branch', lastName: 'Secretary' });
    await t.make.mandate(secretary.id, 'BRANCH_COMMITTEE', { role: 'secretary', branchId: org.branches.others, startsOn: '2025-01-01' });
    [{ code: branchCode }] = await t.db.dataSource.query(`SELECT code FROM membership.branches WHERE id = $1`, [org.branches.others]);
    await t.db.dataSource.query(`UPDATE membership.members SET phone = '+44 20 7946 0321', address = '12 Canal Street, Manchester M1 3HE', date_of_birth = '1979-05-14' WHERE id = $1`, [
      org.respondent.id,
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  /**
   * An online application confirmed from the e-mailed link: the filing's answer, or the
   * application's own refusal. Asking is answered the same whoever applies (S9 is told only to
   * the address's owner, on confirming).
   */
  const apply = async (o: { email: string; phone?: string; address?: string; firstName?: string }) => {
    const asked = await t
      .http()
      .post('/applications')
      .send({ branchId: org.branches.others, firstName: o.firstName ?? 'Rexford', lastName: 'Ombudsworth', email: o.email, phone: o.phone, address: o.address });
    expect(asked.status).toBe(202);
    expect(Object.keys(asked.body).sort()).toEqual(['expiresAt', 'message']);
    const token = await applicationTokenSentTo(t, o.email);
    return t.http().post('/applications/confirm').send({ token });
  };

  const importRow = (mode: 'dry-run' | 'apply', email: string, phone: string) =>
    t
      .http()
      .post(`/members/import?mode=${mode}`)
      .set(secretary.auth)
      .set('content-type', 'text/csv')
      .send(Buffer.from(`first_name,last_name,email,phone,branch_code,joined_on,status\nRex,Someone,rex.other@example.org,,${branchCode},2026-01-01,active\nREXFORD,ombudsworth,${email},${phone},${branchCode},2026-01-01,active\n`));

  const sheetRow = () =>
    t
      .http()
      .post('/members/import?mode=dry-run&mapping=spreadsheet')
      .set(secretary.auth)
      .set('content-type', 'text/csv')
      .send(Buffer.from(`First name,Last name,Email,Date of birth,Branch,Joined,Status\nRexford,Ombudsworth,rex.sheet@example.org,14/05/1979,${branchCode},01/01/2026,active\n`));

  it('holds the new-e-mail application and import row of an expelled member until the readmission decision', async () => {
    const c = await caseUnderInvestigation(t, org);
    await decide(t, org, c);
    t.clock.advance(31 * DAY);
    await relogin(t, org.everyone.concat(secretary));
    await t.jobs.finality();
    const [m] = await t.db.dataSource.query(`SELECT status FROM membership.members WHERE id = $1`, [org.respondent.id]);
    expect(m.status).toBe('expelled');

    // Only keyed hashes are stored: no name, phone, address, date or e-mail in plain text.
    const prints = await t.db.dataSource.query(`SELECT kind, hash FROM restrictions.rejoin_fingerprints WHERE member_id = $1 ORDER BY kind`, [org.respondent.id]);
    expect(prints.map((p: { kind: string }) => p.kind)).toEqual(['email', 'name_address', 'name_dob', 'name_phone']);
    const stored = JSON.stringify(prints).toLowerCase();
    for (const plain of ['rexford', 'ombudsworth', '7946', 'canal', '1979', org.respondent.email.toLowerCase()]) expect(stored).not.toContain(plain);

    // Same name and phone (written differently), a new e-mail: held, with the neutral message only.
    const held = await apply({ email: 'rex.new@example.org', phone: '020 7946 0321' });
    expect(held.status).toBe(409);
    expect(held.body.code).toBe('application_not_possible');
    expect(held.body.message).toContain(CONFIDENTIAL_RESTRICTION_MESSAGE);
    expect(JSON.stringify(held.body)).not.toMatch(/expel|readmission|discipline/i);
    const filed = async (email: string) => (await t.db.dataSource.query(`SELECT 1 FROM membership.members WHERE lower(email) = $1`, [email])).length;
    expect(await filed('rex.new@example.org')).toBe(0);
    // Same name and postal address (other spelling of the street): held too.
    expect((await apply({ email: 'rex.third@example.org', address: '12 canal st, MANCHESTER M1 3HE' })).status).toBe(409);
    expect(await filed('rex.third@example.org')).toBe(0);
    // A namesake with another phone and address is not held; a different name with the same phone is not either.
    const namesake = await apply({ email: 'namesake@example.org', phone: '+44 161 496 0000' });
    expect(namesake.status).toBe(201);
    const otherName = await apply({ email: 'flatmate@example.org', firstName: 'Ruth', phone: '020 7946 0321' });
    expect(otherName.status).toBe(201);

    // The import row: held with the neutral message, naming the row; the other row is fine.
    const dry = await importRow('dry-run', 'rex.import@example.org', '0044 20 7946 0321');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(dry.body.rows).toEqual([{ row: 3, ok: false, errors: [{ field: 'row', message: expect.stringContaining(CONFIDENTIAL_RESTRICTION_MESSAGE) }] }]);
    expect(JSON.stringify(dry.body)).not.toMatch(/expel|readmission/i);
    expect((await importRow('apply', 'rex.import@example.org', '0044 20 7946 0321')).status).toBe(400);
    // A spreadsheet read through a column mapping: recognised by name and date of birth alone.
    const sheet = await sheetRow();
    expect(sheet.status).toBe(200);
    expect(sheet.body.rows).toEqual([{ row: 2, ok: false, errors: [{ field: 'row', message: expect.stringContaining(CONFIDENTIAL_RESTRICTION_MESSAGE) }] }]);

    // The Control Commission's readmission decision releases them.
    const commissioner = org.commissioners.find((x) => !c.panel.some((p) => p.id === x.id))!;
    const consultation = { kind: 'consulted', complainantId: org.complainant.id, consultedOn: t.clock.today(), view: 'Not opposed.' };
    const readmit = await t
      .http()
      .post('/readmission-decisions')
      .set(commissioner.auth)
      .send({ memberId: org.respondent.id, outcome: 'readmit', consultations: [consultation], conditionsAssessment: 'Conditions met.', reasons: 'The conditions are met.' });
    expect(readmit.status).toBe(201);
    const accepted = await apply({ email: 'rex.new@example.org', phone: '020 7946 0321' });
    expect(accepted.status).toBe(201);
    const dryAfter = await importRow('dry-run', 'rex.import@example.org', '0044 20 7946 0321');
    expect(dryAfter.body).toMatchObject({ ok: true, accepted: 2 });
    expect((await sheetRow()).body).toMatchObject({ ok: true, accepted: 1 });
  });
});
