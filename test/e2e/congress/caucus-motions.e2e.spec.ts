import { randomUUID } from 'node:crypto';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/**
 * Motions submitted as a caucus: the congress floor asks the caucuses context one question — is the
 * acting member, now, a member of this formed caucus? — and gets yes or no. A member of the formed
 * caucus submits, edits and withdraws its motion; somebody outside it (whatever office they hold),
 * a member who has left, and anybody acting for a caucus still forming are refused, with the same
 * answer as for a caucus that does not exist.
 */
describe('congress floor: motions submitted as a caucus', () => {
  const clock = new FixedClock(new Date('2027-04-01T09:00:00Z'));
  const deadline = new Date('2027-04-20T12:00:00Z');
  let t: TestApp;
  let branchId: string;
  let ro: Signed, chair: Signed, soc: Signed, ec: Signed, outsider: Signed;
  let a: Signed, b: Signed, c: Signed;
  let congressId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { ...LONG_SESSIONS, CAUCUS_FORMATION_THRESHOLD: '3' } });
    branchId = await t.make.branch('Caucus motions branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    soc = await member();
    ec = await member();
    await t.make.mandate(ec.id, 'EC');
    outsider = await member();
    [a, b, c] = [await member(), await member(), await member()];
    congressId = await congressWithDelegates(t, { branchId, delegates: [a, b, c, ec, outsider] });
    await ok(await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(deadline), chairs: [chair.id], standingOrdersCommittee: [soc.id] }));
  });
  afterAll(() => t?.close());

  const submitAs = (who: Signed, caucusId: string, title = 'Rent controls now') =>
    t.http().post(`/congresses/${congressId}/motions`).set(who.auth).send({ title, text: 'Congress resolves:\nto campaign for rent controls\nin every city.', submitter: { kind: 'caucus', ref: caucusId } });
  const refusedLike = (res: { status: number; body: any }) => {
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'may_not_submit_for', message: 'You can submit a motion only for a caucus you may act for.' });
  };

  it('a caucus still forming cannot submit a motion, not even its signatories', async () => {
    const proposed = await ok(await t.http().post('/caucuses').set(a.auth).send({ name: 'Tenants caucus', purpose: 'Members who rent.' }));
    expect((await ok(await t.http().post(`/caucuses/${proposed.id}/join`).set(b.auth))).stage).toBe('forming');
    refusedLike(await submitAs(a, proposed.id));
    refusedLike(await submitAs(b, proposed.id));
  });

  it('once formed, a member of the caucus submits a motion as the caucus; it needs no seconders', async () => {
    const caucus = (await ok<any[]>(await t.http().get('/caucuses').set(a.auth))).find((x) => x.name === 'Tenants caucus');
    expect((await ok(await t.http().post(`/caucuses/${caucus.id}/join`).set(c.auth))).stage).toBe('formed');
    const motion = await ok(await submitAs(c, caucus.id), [201]);
    expect(motion).toMatchObject({ stage: 'submitted', submitter: { kind: 'caucus', ref: caucus.id }, secondersMissing: 0, title: 'Rent controls now' });
    const listed = await ok<any[]>(await t.http().get(`/congresses/${congressId}/motions`).set(outsider.auth));
    expect(listed.find((m) => m.id === motion.id)).toMatchObject({ submitter: { kind: 'caucus', ref: caucus.id } });
  });

  it('a member outside the caucus and an officer are refused exactly as for a caucus that does not exist', async () => {
    const caucus = (await ok<any[]>(await t.http().get('/caucuses').set(a.auth))).find((x) => x.name === 'Tenants caucus');
    refusedLike(await submitAs(outsider, caucus.id));
    refusedLike(await submitAs(ec, caucus.id));
    refusedLike(await submitAs(outsider, randomUUID()));
    // The officer's refusal told them nothing: the roster is still refused to them.
    expect((await t.http().get(`/caucuses/${caucus.id}/roster`).set(ec.auth)).body.code).toBe('caucus_members_only');
  });

  it('any current member of the caucus edits or withdraws its motion; a member who left, or an outsider, cannot', async () => {
    const caucus = (await ok<any[]>(await t.http().get('/caucuses').set(a.auth))).find((x) => x.name === 'Tenants caucus');
    const motion = await ok(await submitAs(a, caucus.id, 'Social housing'), [201]);
    const edit = (who: Signed) => t.http().patch(`/motions/${motion.id}`).set(who.auth).send({ title: `Social housing (${who.id.slice(0, 4)})` });
    expect((await edit(ec)).body.code).toBe('not_the_submitter');
    expect((await edit(outsider)).body.code).toBe('not_the_submitter');
    expect((await ok(await edit(b))).submitter).toEqual({ kind: 'caucus', ref: caucus.id });

    // Leaving is the member's own act; after it, they no longer act for the caucus.
    expect((await ok(await t.http().post(`/caucuses/${caucus.id}/leave`).set(b.auth))).youBelong).toBe(false);
    expect((await edit(b)).body.code).toBe('not_the_submitter');
    refusedLike(await submitAs(b, caucus.id, 'After leaving'));
    expect((await t.http().post(`/motions/${motion.id}/withdraw`).set(outsider.auth)).body.code).toBe('not_the_submitter');
    expect((await ok(await t.http().post(`/motions/${motion.id}/withdraw`).set(c.auth))).stage).toBe('withdrawn');
  });
});
