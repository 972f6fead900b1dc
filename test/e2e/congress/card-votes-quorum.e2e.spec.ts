import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/**
 * Standing orders that set a recorded card vote and a quorum: no vote opens until enough
 * delegates are accredited (present); each result records the quorum required and the delegates
 * present; every card is published with the result, with the delegation (branch) that elected
 * the delegate, unlike a secret vote.
 */
describe('congress floor: recorded card votes and quorum', () => {
  let t: TestApp;
  let chair: Signed, soc: Signed, outsider: Signed;
  let d: Signed[];
  let north: string, south: string, congressId: string, motion: any;

  beforeAll(async () => {
    t = await createTestApp({ env: LONG_SESSIONS });
    north = await t.make.branch('North branch');
    south = await t.make.branch('South branch');
    const member = (branchId: string) => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    const ro = await member(north);
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member(north);
    soc = await member(north);
    outsider = await member(north);
    d = [await member(north), await member(north), await member(north), await member(south), await member(south), await member(south)];
    // Six delegates elected; d[0], d[1] (north) and d[3] (south) accredited.
    congressId = await congressWithDelegates(t, { branchId: north, delegates: d, accredited: 0 });
    await t.db.dataSource.query(`UPDATE elections.delegates SET branch_id = $2 WHERE congress_id = $1 AND member_id = ANY($3::uuid[])`, [congressId, south, [d[3].id, d[4].id, d[5].id]]);
    await t.db.dataSource.query(`UPDATE elections.delegates SET accredited_at = now() WHERE congress_id = $1 AND member_id = ANY($2::uuid[])`, [congressId, [d[0].id, d[1].id, d[3].id]]);
    const orders = standingOrders(new Date(Date.now() + 86_400_000), { secondersRequired: 0, voting: 'card', quorum: { kind: 'share', value: 60 } });
    const bad = await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: { ...orders, quorum: { kind: 'share', value: 150 } }, chairs: [chair.id], standingOrdersCommittee: [soc.id] });
    expect(bad.status).toBe(400);
    const floor = await ok(await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: orders, chairs: [chair.id], standingOrdersCommittee: [soc.id] }));
    expect(floor.standingOrders).toMatchObject({ voting: 'card', quorum: { kind: 'share', value: 60 } });
    motion = await ok(await t.http().post(`/congresses/${congressId}/motions`).set(d[0].auth).send({ title: 'Cards on the table', text: 'Congress resolves:\nto vote by card.', submitter: { kind: 'member' } }));
    await ok(await t.http().post(`/motions/${motion.id}/admit`).set(soc.auth).send({}));
    await ok(await t.http().post(`/motions/${motion.id}/debate`).set(chair.auth));
  });
  afterAll(() => t?.close());

  let vote: any;

  it('a vote cannot open without quorum (60% of six elected: four present); it opens once the fourth delegate is accredited', async () => {
    const refused = await t.http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({});
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'no_quorum', details: { present: 3, required: 4 } });
    expect(refused.body.message).toContain('3 delegate(s) accredited, the standing orders require 4');
    expect((await ok(await t.http().get(`/motions/${motion.id}`).set(d[0].auth))).stage).toBe('debated');
    await t.db.dataSource.query(`UPDATE elections.delegates SET accredited_at = now() WHERE congress_id = $1 AND member_id = $2`, [congressId, d[4].id]);
    vote = await ok(await t.http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({}));
    expect(vote).toMatchObject({ byCard: true, secret: false, electorate: 4, quorum: 4 });
  });

  it('each card is recorded with its delegation and published with the result, by card and by delegation', async () => {
    const cast = (who: Signed, answer: string) => t.http().post(`/floor-votes/${vote.id}/cards`).set(who.auth).send({ answer });
    expect((await cast(d[2], 'yes')).body.code).toBe('not_an_accredited_delegate');
    expect((await cast(outsider, 'yes')).status).toBe(403);
    await ok(await cast(d[0], 'yes'));
    await ok(await cast(d[1], 'no'));
    await ok(await cast(d[3], 'yes'));
    await ok(await cast(d[4], 'abstain'));
    expect((await cast(d[4], 'yes')).body.code).toBe('already_voted');
    const closed = await ok(await t.http().post(`/floor-votes/${vote.id}/close`).set(chair.auth));
    expect(closed).toMatchObject({ byCard: true, yes: 2, no: 1, abstain: 1, carried: true, electorate: 4, quorum: 4, voted: 4 });
    const expectedCards = [
      { memberId: d[0].id, delegation: north, weight: 1, answer: 'yes' },
      { memberId: d[1].id, delegation: north, weight: 1, answer: 'no' },
      { memberId: d[3].id, delegation: south, weight: 1, answer: 'yes' },
      { memberId: d[4].id, delegation: south, weight: 1, answer: 'abstain' },
    ];
    expect([...closed.cardVote].sort((a: any, b: any) => a.memberId.localeCompare(b.memberId))).toEqual(expectedCards.sort((a, b) => a.memberId.localeCompare(b.memberId)));
    expect(closed.delegations).toEqual(
      [
        { delegation: north, cards: 2, yes: 1, no: 1, abstain: 0 },
        { delegation: south, cards: 2, yes: 1, no: 0, abstain: 1 },
      ].sort((a, b) => a.delegation.localeCompare(b.delegation)),
    );
    // Any member reads the published cards.
    const read = await ok(await t.http().get(`/floor-votes/${vote.id}`).set(outsider.auth));
    expect(read.cardVote).toHaveLength(4);
    const listed = await ok(await t.http().get(`/motions/${motion.id}`).set(outsider.auth));
    expect(listed.votes[0]).toMatchObject({ byCard: true, quorum: 4, electorate: 4 });
    const minutes = await ok(await t.http().get(`/congresses/${congressId}/minutes`).set(outsider.auth));
    expect(minutes.text).toContain('Vote on the motion (by card): for 2, against 1, abstentions 1 — carried (4 delegate(s) present, quorum 4).');
  });
});
