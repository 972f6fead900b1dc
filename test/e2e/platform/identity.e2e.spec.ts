import { createTestApp, type TestApp } from '../../support/test-app';

describe('identity: sign-in, sessions and mandate-based authority', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in with email and password and answers /me', async () => {
    const branch = await t.make.branch();
    const m = await t.make.signedInMember({ branchId: branch });
    const res = await t.http().get('/me').set(m.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ memberId: m.id, memberStatus: 'active', branchId: branch, mandates: [] });
  });

  it('refuses a wrong password with the same answer as an unknown email', async () => {
    const m = await t.make.member();
    await t.make.account(m.id, m.email);
    const wrong = await t.http().post('/auth/login').send({ email: m.email, password: 'not-the-password' });
    const unknown = await t.http().post('/auth/login').send({ email: 'nobody@test.localhost', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('logout takes effect on the very next request', async () => {
    const m = await t.make.signedInMember();
    expect((await t.http().post('/auth/logout').set(m.auth)).status).toBe(200);
    const res = await t.http().get('/me').set(m.auth);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('not_signed_in');
  });

  it('an ended mandate is refused on the next request with the same token', async () => {
    const ec = await t.make.signedInMember();
    const mandateId = await t.make.mandate(ec.id, 'EC', { startsOn: '2020-01-01' });
    const staffBody = await t.make.body('STAFF');
    const target = await t.make.member();
    const appoint = () =>
      t.http().post(`/bodies/${staffBody}/mandates`).set(ec.auth).send({ memberId: target.id, role: 'staff', startsOn: new Date().toISOString().slice(0, 10), decisionRef: 'EC minute 12' });
    expect((await appoint()).status).toBe(201);
    await t.db.dataSource.query(`UPDATE identity.mandates SET ends_on = current_date WHERE id = $1`, [mandateId]);
    const res = await appoint();
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not_allowed');
  });

  it('a suspension removes the authority of every mandate at once', async () => {
    const ec = await t.make.signedInMember();
    await t.make.mandate(ec.id, 'EC');
    expect((await t.http().get('/me').set(ec.auth)).body.mandates).toHaveLength(1);
    await t.db.dataSource.query(`UPDATE membership.members SET status = 'suspended' WHERE id = $1`, [ec.id]);
    const me = await t.http().get('/me').set(ec.auth);
    expect(me.body.mandates).toHaveLength(0);
  });

  it('rate-limits login attempts per email', async () => {
    const m = await t.make.member();
    await t.make.account(m.id, m.email);
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await t.http().post('/auth/login').send({ email: m.email, password: 'wrong-password' })).status;
    expect(last).toBe(429);
  });

  it('S2: the executive cannot appoint returning officers — Elections Committee seats come only from its own election or the founding file', async () => {
    const ec = await t.make.signedInMember();
    await t.make.mandate(ec.id, 'EC');
    const elections = await t.make.body('ELECTIONS');
    const candidate = await t.make.member();
    for (const role of ['returning-officer', 'member']) {
      const appoint = await t.http().post(`/bodies/${elections}/mandates`).set(ec.auth).send({ memberId: candidate.id, role, startsOn: new Date().toISOString().slice(0, 10), decisionRef: 'EC minute 14' });
      expect(appoint.status).toBe(403);
      expect(appoint.body).toMatchObject({ code: 'elections_committee_seat', message: expect.stringContaining('never by an appointment') });
    }
    const held = await t.db.dataSource.query(`SELECT 1 FROM identity.mandates WHERE member_id = $1`, [candidate.id]);
    expect(held).toEqual([]);
    // Appointments the executive may make still work.
    const staff = await t.make.body('STAFF');
    expect((await t.http().post(`/bodies/${staff}/mandates`).set(ec.auth).send({ memberId: candidate.id, role: 'staff', startsOn: new Date().toISOString().slice(0, 10), decisionRef: 'EC minute 15' })).status).toBe(201);
  });

  it('S2: an EC member cannot be appointed to the Control Commission, and commission mandates cannot be ended by the EC', async () => {
    const ec = await t.make.signedInMember();
    await t.make.mandate(ec.id, 'EC');
    const ccom = await t.make.body('CCOM');
    const candidate = await t.make.member();
    const appoint = await t.http().post(`/bodies/${ccom}/mandates`).set(ec.auth).send({ memberId: candidate.id, role: 'member', startsOn: '2026-01-01', decisionRef: 'EC minute 13' });
    expect(appoint.status).toBe(403);
    expect(appoint.body.code).toBe('independent_body_seat');
    const commissioner = await t.make.member();
    const mandateId = await t.make.mandate(commissioner.id, 'CCOM');
    const end = await t.http().post(`/mandates/${mandateId}/end`).set(ec.auth).send({ endsOn: '2026-12-01', reason: 'loss of confidence' });
    expect(end.status).toBe(403);
    expect(end.body.code).toBe('independent_mandate');
    const [still] = await t.db.dataSource.query(`SELECT ends_on FROM identity.mandates WHERE id = $1`, [mandateId]);
    expect(still.ends_on).toBeNull();
    const audit = await t.db.dataSource.query(`SELECT action, actor_id FROM audit.entries WHERE subject_id = $1`, [mandateId]);
    expect(audit).toEqual([{ action: 'mandate.end-refused', actor_id: ec.id }]);
  });
});
