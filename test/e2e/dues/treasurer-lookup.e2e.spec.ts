import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

/**
 * Branch treasurers find the member a payment is for: by name or member number, within their own
 * branches only, with status, standing and the current dues level — and contact details only when
 * they are also the branch secretary.
 */
describe('dues: treasurer member lookup', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branchA: string;
  let branchB: string;
  let ana: { id: string; number: string };
  let bruno: { id: string; number: string };
  const clock = new FixedClock(new Date('2026-06-15T12:00:00Z'));

  const numberOf = async (id: string): Promise<string> => (await t.db.dataSource.query(`SELECT register_number FROM membership.members WHERE id = $1`, [id]))[0].register_number;
  const find = (auth: Record<string, string>, q: string) => t.http().get('/dues/members').query({ q }).set(auth);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    await f.plan({ amountMinor: 1000, graceMonths: 3 });
    branchA = await t.make.branch('Lookup A');
    branchB = await t.make.branch('Lookup B');
    const a = await t.make.member({ branchId: branchA, joinedOn: '2026-01-01', firstName: 'Ana', lastName: 'Lookupsson', email: 'ana.lookup@example.org' });
    await t.db.dataSource.query(`UPDATE membership.members SET phone = '+441234567890', address = '1 Main Street' WHERE id = $1`, [a.id]);
    const b = await t.make.member({ branchId: branchB, joinedOn: '2026-01-01', firstName: 'Bruno', lastName: 'Lookupsson', email: 'bruno.lookup@example.org' });
    ana = { id: a.id, number: await numberOf(a.id) };
    bruno = { id: b.id, number: await numberOf(b.id) };
  });
  afterAll(() => t.close());

  it('a branch treasurer finds their own branch’s members by name or number, with status, standing and level, without contact details', async () => {
    const treasurer = await f.treasurer(branchA);
    // A payment refreshes the member's row of the standing read model.
    expect((await t.http().post('/dues/payments').set(treasurer.auth).send({ memberId: ana.id, amountMinor: 6000, currency: 'EUR', paidOn: '2026-06-01' })).status).toBe(201);
    const byName = await find(treasurer.auth, 'lookupSSON');
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual([
      {
        id: ana.id,
        memberNumber: ana.number,
        firstName: 'Ana',
        lastName: 'Lookupsson',
        status: 'active',
        branchId: branchA,
        standing: { inGoodStanding: true, arrearsMonths: 0, asOf: '2026-06-15' },
        level: expect.objectContaining({ amountMinor: 1000, currency: 'EUR', period: 'monthly', chosenByMember: false }),
        contact: null,
      },
    ]);
    expect(JSON.stringify(byName.body)).not.toMatch(/ana\.lookup@|\+44|Main Street/);
    const byNumber = await find(treasurer.auth, ana.number.toLowerCase());
    expect(byNumber.body.map((x: { id: string }) => x.id)).toEqual([ana.id]);
    const one = await t.http().get(`/dues/members/${ana.id}`).set(treasurer.auth);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: ana.id, contact: null });
  });

  it('another branch’s members are never found: absent from results, 404 on a direct read, exactly like a missing member', async () => {
    const treasurer = await f.treasurer(branchA);
    expect((await find(treasurer.auth, bruno.number)).body).toEqual([]);
    expect((await find(treasurer.auth, 'Bruno')).body).toEqual([]);
    const other = await t.http().get(`/dues/members/${bruno.id}`).set(treasurer.auth);
    const missing = await t.http().get('/dues/members/00000000-0000-4000-8000-000000000000').set(treasurer.auth);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect(other.body.code).toBe('member_not_found');
  });

  it('contact details only with the secretary mandate for that member’s branch too, or as national membership secretary', async () => {
    const both = await f.treasurer(branchA);
    await t.make.mandate(both.id, 'BRANCH_COMMITTEE', { role: 'secretary', branchId: branchA });
    const res = await find(both.auth, 'Ana');
    expect(res.body[0].contact).toEqual({ email: 'ana.lookup@example.org', phone: '+441234567890', address: '1 Main Street' });
    // Secretary of another branch: no contact details for this branch's members.
    const elsewhere = await f.treasurer(branchA);
    await t.make.mandate(elsewhere.id, 'BRANCH_COMMITTEE', { role: 'secretary', branchId: branchB });
    expect((await find(elsewhere.auth, 'Ana')).body[0].contact).toBeNull();
    const national = await f.nationalMembershipSecretary();
    const all = (await find(national.auth, 'Lookupsson')).body;
    expect(all.map((x: { id: string }) => x.id).sort()).toEqual([ana.id, bruno.id].sort());
    expect(all.every((x: { contact: unknown }) => x.contact !== null)).toBe(true);
  });

  it('other roles are refused; a query that is too short says which field and why', async () => {
    const secretary = await f.secretary(branchA);
    expect((await find(secretary.auth, 'Ana')).status).toBe(403);
    const member = await t.make.signedInMember({ branchId: branchA });
    expect((await find(member.auth, 'Ana')).status).toBe(403);
    expect((await t.http().get(`/dues/members/${ana.id}`).set(member.auth)).status).toBe(403);
    const treasurer = await f.treasurer(branchA);
    const short = await find(treasurer.auth, 'A');
    expect(short.status).toBe(400);
    expect(short.body.details[0].field).toBe('q');
    const badLimit = await t.http().get('/dues/members').query({ q: 'Ana', limit: 500 }).set(treasurer.auth);
    expect(badLimit.status).toBe(400);
  });
});
