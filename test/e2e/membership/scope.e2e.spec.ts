import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

describe('membership: who sees and manages whose record', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branchA: string;
  let branchB: string;
  let secretaryA: Awaited<ReturnType<MembershipFactories['secretary']>>;
  let membersB: string[];
  let memberA: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' } });
    f = new MembershipFactories(t);
    branchA = await t.make.branch('Branch A');
    branchB = await t.make.branch('Branch B');
    secretaryA = await f.secretary(branchA);
    memberA = (await t.make.member({ branchId: branchA, firstName: 'Ana', lastName: 'Alpha' })).id;
    membersB = [];
    for (let i = 0; i < 3; i++) membersB.push((await t.make.member({ branchId: branchB, lastName: `Beta ${i}` })).id);
    // An application addressed to branch B.
    const app = await f.applyConfirmed({ firstName: 'Bea', lastName: 'Applicant', email: 'bea.applicant@test.localhost', branchId: branchB });
    expect(app.body).toMatchObject({ status: "applicant" });
    expect(app.status).toBe(201);
    membersB.push(app.body.memberId);
  });
  afterAll(() => t.close());

  it('the secretary of branch A reads and edits members of branch A', async () => {
    const res = await t.http().get(`/members/${memberA}`).set(secretaryA.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: memberA, firstName: 'Ana', lastName: 'Alpha', branchId: branchA, status: 'active' });
    expect(res.body.branchHistory).toEqual([{ branchId: branchA, from: '2020-01-01', to: null }]);
    const patch = await t.http().patch(`/members/${memberA}`).set(secretaryA.auth).send({ phone: '+44 20 7946 0001' });
    expect(patch.status).toBe(200);
    expect((await t.http().get(`/members/${memberA}`).set(secretaryA.auth)).body.phone).toBe('+44 20 7946 0001');
  });

  it('the secretary of branch A gets 404 on every member of branch B, for every route', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const ghost = await t.http().get(`/members/${unknown}`).set(secretaryA.auth);
    expect(ghost.status).toBe(404);
    for (const id of membersB) {
      const get = await t.http().get(`/members/${id}`).set(secretaryA.auth);
      expect(get.status).toBe(404);
      expect(get.body).toEqual(ghost.body);
      expect((await t.http().patch(`/members/${id}`).set(secretaryA.auth).send({ phone: '+44 20 7946 0002' })).status).toBe(404);
      expect((await t.http().post(`/members/${id}/admit`).set(secretaryA.auth).send({})).status).toBe(404);
      expect((await t.http().post(`/members/${id}/decline`).set(secretaryA.auth).send({ reason: 'no' })).status).toBe(404);
      expect((await t.http().get(`/dues/members/${id}/standing`).set(secretaryA.auth)).status).toBe(404);
    }
    // Nothing about branch B leaks through the search either, even when asked for by branch id.
    const search = await t.http().get(`/members?branchId=${branchB}`).set(secretaryA.auth);
    expect(search.status).toBe(200);
    expect(search.body.items).toEqual([]);
    const all = await t.http().get('/members?pageSize=200').set(secretaryA.auth);
    expect(all.body.items.every((m: { branchId: string | null }) => m.branchId === branchA)).toBe(true);
    // And nothing of B changed.
    const [b0] = await t.db.dataSource.query(`SELECT phone FROM membership.members WHERE id = $1`, [membersB[0]]);
    expect(b0.phone).toBeNull();
  });

  it('a member reads and edits only their own record', async () => {
    const me = await t.make.signedInMember({ branchId: branchA, firstName: 'Mia' });
    const other = membersB[0];
    expect((await t.http().get(`/members/${other}`).set(me.auth)).status).toBe(403);
    expect((await t.http().get(`/members/${memberA}`).set(me.auth)).status).toBe(403);
    expect((await t.http().get('/members').set(me.auth)).status).toBe(403);
    const own = await t.http().get('/me/member').set(me.auth);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: me.id, firstName: 'Mia' });
    const edit = await t.http().patch('/me/member').set(me.auth).send({ address: '1 Test Street', emailConsent: false });
    expect(edit.status).toBe(200);
    const after = await t.http().get('/me/member').set(me.auth);
    expect(after.body.address).toBe('1 Test Street');
    expect(after.body.emailConsent).toMatchObject({ given: false });
    // There is no way to name another member on /me routes: unknown fields are refused.
    const sneaky = await t.http().patch('/me/member').set(me.auth).send({ id: other, firstName: 'X' });
    expect(sneaky.status).toBe(400);
  });

  it('the EC sees aggregates by branch, status and standing, but no contact details', async () => {
    const ec = await f.ecMember();
    const agg = await t.http().get('/membership/aggregates').set(ec.auth);
    expect(agg.status).toBe(200);
    expect(agg.body.scope).toBe('organization');
    const b = agg.body.byBranch.find((x: { branchId: string }) => x.branchId === branchB);
    expect(b.total).toBe(4);
    expect(b.byStatus).toEqual({ active: 3, applicant: 1 });
    expect(agg.body.byStanding).toHaveProperty('notComputed');
    expect(JSON.stringify(agg.body)).not.toMatch(/@|Beta|Alpha/);
    const detail = await t.http().get(`/members/${membersB[0]}`).set(ec.auth);
    expect(detail.status).toBe(403);
    expect((await t.http().get('/members').set(ec.auth)).status).toBe(403);
    expect((await t.http().get('/members/export').set(ec.auth)).status).toBe(403);
  });

  it('a national membership secretary mandate reaches every branch', async () => {
    const ms = await f.nationalMembershipSecretary();
    expect((await t.http().get(`/members/${membersB[0]}`).set(ms.auth)).status).toBe(200);
    expect((await t.http().get(`/members/${memberA}`).set(ms.auth)).status).toBe(200);
    const agg = await t.http().get('/membership/aggregates').set(ms.auth);
    expect(agg.body.scope).toBe('organization');
  });

  it('a secretary’s aggregates cover their own branch only', async () => {
    const agg = await t.http().get('/membership/aggregates').set(secretaryA.auth);
    expect(agg.status).toBe(200);
    expect(agg.body.scope).toBe('branches');
    expect(agg.body.byBranch.map((b: { branchId: string }) => b.branchId)).toEqual([branchA]);
  });

  it('unauthenticated callers are refused everywhere except applying and the branch list', async () => {
    expect((await t.http().get(`/members/${memberA}`)).status).toBe(401);
    expect((await t.http().get('/me/member')).status).toBe(401);
    expect((await t.http().get('/membership/aggregates')).status).toBe(401);
    expect((await t.http().get('/branches')).status).toBe(200);
  });
});
