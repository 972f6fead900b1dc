import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/** Many delegates voting at once: every card counted once, none lost, no deadlock. */
describe('congress floor: concurrent votes', () => {
  let t: TestApp;
  let chair: Signed;
  let d: Signed[];
  let voteId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: LONG_SESSIONS });
    const branchId = await t.make.branch('Busy branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    const ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    d = [];
    for (let i = 0; i < 24; i++) d.push(await member());
    const congressId = await congressWithDelegates(t, { branchId, delegates: d });
    await ok(await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(new Date(Date.now() + 86_400_000), { secondersRequired: 0 }), chairs: [chair.id], standingOrdersCommittee: [chair.id] }));
    const motion = await ok(await t.http().post(`/congresses/${congressId}/motions`).set(d[0].auth).send({ title: 'Busy motion', text: 'Everyone votes at once.', submitter: { kind: 'member' } }));
    await ok(await t.http().post(`/motions/${motion.id}/admit`).set(chair.auth).send({}));
    await ok(await t.http().post(`/motions/${motion.id}/debate`).set(chair.auth));
    voteId = (await ok(await t.http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({}))).id;
  });
  afterAll(() => t.close());

  it('24 delegates and 6 repeated cards at once: 24 counted, 6 refused as already voted', async () => {
    const cast = (who: Signed, answer: string) => t.http().post(`/floor-votes/${voteId}/cards`).set(who.auth).send({ answer });
    const answers = await Promise.all([...d.map((x, i) => cast(x, i % 4 === 0 ? 'no' : 'yes')), ...d.slice(0, 6).map((x) => cast(x, 'yes'))]);
    const statuses = answers.map((r) => `${r.status}${r.body.code ? ` ${r.body.code}` : ''}`).sort();
    expect(statuses.filter((s) => s === '200')).toHaveLength(24);
    expect(statuses.filter((s) => s === '409 already_voted')).toHaveLength(6);
    const closed = await ok(await t.http().post(`/floor-votes/${voteId}/close`).set(chair.auth));
    expect(closed).toMatchObject({ voted: 24, yes: 18, no: 6, abstain: 0, carried: true });
    expect(closed.cards).toHaveLength(24);
  });
});
