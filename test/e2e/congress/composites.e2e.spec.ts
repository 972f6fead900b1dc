import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/**
 * Compositing similar motions with the movers' consent: the standing orders committee proposes a
 * composite; the mover of each original (a member, a branch's secretary, a member of a caucus)
 * consents or refuses; only when all consent does the composite replace the originals.
 */
describe('congress floor: compositing with the movers’ consent', () => {
  const clock = new FixedClock(new Date('2027-04-01T09:00:00Z'));
  let t: TestApp;
  let ro: Signed, chair: Signed, soc: Signed, ec: Signed, secretary: Signed, alice: Signed, k1: Signed, k2: Signed, k3: Signed;
  let d: Signed[];
  let congressId: string, branchId: string, caucusId: string;
  let memberMotion: any, branchMotion: any, caucusMotion: any, fourth: any;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { ...LONG_SESSIONS, CAUCUS_FORMATION_THRESHOLD: '3' } });
    branchId = await t.make.branch('Compositing branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    soc = await member();
    ec = await member();
    await t.make.mandate(ec.id, 'EC');
    secretary = await member();
    await t.make.mandate(secretary.id, 'BRANCH_COMMITTEE', { role: 'secretary', branchId });
    alice = await member();
    [k1, k2, k3] = [await member(), await member(), await member()];
    d = [alice, k1, k2, k3, secretary];
    congressId = await congressWithDelegates(t, { branchId, delegates: d });
    await ok(await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(new Date('2027-04-20T00:00:00Z'), { secondersRequired: 0 }), chairs: [chair.id], standingOrdersCommittee: [soc.id] }));
    const proposed = await ok(await t.http().post('/caucuses').set(k1.auth).send({ name: 'Housing caucus', purpose: 'Members organizing on housing.' }));
    caucusId = proposed.id;
    await ok(await t.http().post(`/caucuses/${caucusId}/join`).set(k2.auth));
    expect((await ok(await t.http().post(`/caucuses/${caucusId}/join`).set(k3.auth))).stage).toBe('formed');

    const submit = (who: Signed, title: string, submitter: object) =>
      t.http().post(`/congresses/${congressId}/motions`).set(who.auth).send({ title, text: `Congress resolves:\n${title.toLowerCase()}.`, submitter });
    memberMotion = await ok(await submit(alice, 'Build council housing', { kind: 'member' }));
    branchMotion = await ok(await submit(secretary, 'Council housing in every town', { kind: 'branch', ref: branchId }));
    caucusMotion = await ok(await submit(k1, 'Public housing for all', { kind: 'caucus', ref: caucusId }));
    fourth = await ok(await submit(alice, 'Rent caps', { kind: 'member' }));
    for (const m of [memberMotion, branchMotion, caucusMotion, fourth]) await ok(await t.http().post(`/motions/${m.id}/admit`).set(soc.auth).send({}));
  });
  afterAll(() => t?.close());

  const http = () => t.http();
  const propose = (who: Signed, motionIds: string[], title = 'Composite A: housing') =>
    http().post(`/congresses/${congressId}/composites`).set(who.auth).send({ title, text: 'Congress resolves:\nto build public housing in every town.', motionIds });
  const answer = (who: Signed, compositeId: string, motionId: string, consent: boolean) => http().post(`/composites/${compositeId}/answers`).set(who.auth).send({ motionId, consent });

  it('only the standing orders committee proposes a composite, over admitted motions', async () => {
    const byChair = await propose(chair, [memberMotion.id, branchMotion.id]);
    expect(byChair.status).toBe(403);
    expect(byChair.body.code).toBe('not_a_floor_officer');
    const one = await propose(soc, [memberMotion.id]);
    expect(one.status).toBe(400);
    expect(one.body.code).toBe('invalid_composite');
    const bad = await http().post(`/congresses/${congressId}/composites`).set(soc.auth).send({ title: 'x', text: 'y', motionIds: ['nope'] });
    expect(bad.status).toBe(400);
  });

  it('a refusal by any mover leaves the originals as they were', async () => {
    const c = await ok(await propose(soc, [memberMotion.id, fourth.id], 'Composite B: housing and rents'));
    // Alice moved both: she answers for each; the executive answers for neither.
    expect((await answer(ec, c.id, memberMotion.id, true)).body.code).toBe('not_the_submitter');
    await ok(await answer(alice, c.id, memberMotion.id, true));
    const refused = await ok(await answer(alice, c.id, fourth.id, false));
    expect(refused).toMatchObject({ state: 'refused', motionId: null });
    expect(refused.originals.map((o: any) => o.consent)).toEqual([true, false]);
    for (const m of [memberMotion, fourth]) expect(await ok(await http().get(`/motions/${m.id}`).set(alice.auth))).toMatchObject({ stage: 'admitted', compositedInto: null });
    expect((await answer(alice, c.id, memberMotion.id, true)).status).toBe(409);
  });

  let composite: any;

  it('each mover — the member, the branch by its secretary, the caucus by a member — consents; only the last consent replaces them', async () => {
    composite = await ok(await propose(soc, [memberMotion.id, branchMotion.id, caucusMotion.id]));
    expect(composite.originals.map((o: any) => o.submitter.kind)).toEqual(['member', 'branch', 'caucus']);
    expect((await propose(soc, [caucusMotion.id, fourth.id], 'Composite C')).body.code).toBe('composite_pending');
    // Not the mover: an outsider to the caucus, a delegate for a branch they are not officer of.
    expect((await answer(alice, composite.id, caucusMotion.id, true)).status).toBe(403);
    expect((await answer(k1, composite.id, branchMotion.id, true)).status).toBe(403);
    await ok(await answer(alice, composite.id, memberMotion.id, true));
    await ok(await answer(secretary, composite.id, branchMotion.id, true));
    expect(await ok(await http().get(`/motions/${branchMotion.id}`).set(alice.auth))).toMatchObject({ stage: 'admitted' });
    // Any current member of the caucus answers for the caucus's motion.
    composite = await ok(await answer(k2, composite.id, caucusMotion.id, true));
    expect(composite.state).toBe('agreed');
    expect(composite.motionId).toEqual(expect.any(String));
    // The caucus is shown as the mover; no member who acted for it is named anywhere on the floor
    // (that would tell the executive who belongs to the caucus). Other movers' members are shown.
    const seenByEc = await ok(await http().get(`/composites/${composite.id}`).set(ec.auth));
    expect(seenByEc.originals.map((o: any) => o.answeredBy)).toEqual([alice.id, secretary.id, null]);
    const listedForEc = await ok<any[]>(await http().get(`/congresses/${congressId}/composites`).set(ec.auth));
    expect(listedForEc.find((x) => x.id === composite.id).originals.map((o: any) => o.answeredBy)).toEqual([alice.id, secretary.id, null]);
    const motionsForEc = await ok<any[]>(await http().get(`/congresses/${congressId}/motions`).set(ec.auth));
    expect(motionsForEc.find((x) => x.id === caucusMotion.id)).toMatchObject({ submitter: { kind: 'caucus', ref: caucusId }, submittedBy: null });
    expect(motionsForEc.find((x) => x.id === memberMotion.id)).toMatchObject({ submitter: { kind: 'member' }, submittedBy: alice.id });
    expect(JSON.stringify([seenByEc, motionsForEc])).not.toContain(k1.id);
    expect(JSON.stringify([seenByEc, motionsForEc])).not.toContain(k2.id);
  });

  it('the originals are composited and name the composite; the composite is one motion, with its movers shown, debated and voted', async () => {
    const motions = await ok<any[]>(await http().get(`/congresses/${congressId}/motions`).set(alice.auth));
    for (const m of [memberMotion, branchMotion, caucusMotion]) expect(motions.find((x) => x.id === m.id)).toMatchObject({ stage: 'composited', compositedInto: composite.motionId });
    const c = motions.find((x) => x.id === composite.motionId);
    expect(c).toMatchObject({ stage: 'admitted', title: 'Composite A: housing', submitter: { kind: 'composite', ref: composite.id }, compositedInto: null });
    expect(c.compositeOf).toEqual([
      { motionId: memberMotion.id, number: memberMotion.number, submitter: { kind: 'member', ref: alice.id } },
      { motionId: branchMotion.id, number: branchMotion.number, submitter: { kind: 'branch', ref: branchId } },
      { motionId: caucusMotion.id, number: caucusMotion.number, submitter: { kind: 'caucus', ref: caucusId } },
    ]);
    // A composited original is no longer debated; the composite is.
    expect((await http().post(`/motions/${memberMotion.id}/debate`).set(chair.auth)).body.code).toBe('motion_wrong_stage');
    // Nobody alone withdraws the composite its movers agreed.
    expect((await http().post(`/motions/${c.id}/withdraw`).set(alice.auth)).body.code).toBe('composite_needs_all_movers');
    await ok(await http().post(`/motions/${c.id}/debate`).set(chair.auth));
    const vote = await ok(await http().post(`/motions/${c.id}/votes`).set(chair.auth).send({}));
    for (const who of d) await ok(await http().post(`/floor-votes/${vote.id}/cards`).set(who.auth).send({ answer: 'yes' }));
    expect(await ok(await http().post(`/floor-votes/${vote.id}/close`).set(chair.auth))).toMatchObject({ yes: 5, carried: true });
    expect(await ok(await http().get(`/motions/${c.id}`).set(alice.auth))).toMatchObject({ stage: 'carried', amendedText: 'Congress resolves:\nto build public housing in every town.' });
    const listed = await ok<any[]>(await http().get(`/congresses/${congressId}/composites`).set(k3.auth));
    expect(listed.map((x) => x.state).sort()).toEqual(['agreed', 'refused']);
  });

  it('a composite motion is withdrawn only when every mover consents; the executive cannot withdraw it', async () => {
    const submit = (who: Signed, title: string, submitter: object) =>
      http().post(`/congresses/${congressId}/motions`).set(who.auth).send({ title, text: `Congress resolves:\n${title.toLowerCase()}.`, submitter });
    const originals = [
      await ok(await submit(alice, 'Free transport', { kind: 'member' })),
      await ok(await submit(secretary, 'Free buses', { kind: 'branch', ref: branchId })),
      await ok(await submit(k1, 'Fare-free transit', { kind: 'caucus', ref: caucusId })),
    ];
    for (const m of originals) await ok(await http().post(`/motions/${m.id}/admit`).set(soc.auth).send({}));
    const c = await ok(await propose(soc, originals.map((m) => m.id), 'Composite D: free transport'));
    await ok(await answer(alice, c.id, originals[0].id, true));
    await ok(await answer(secretary, c.id, originals[1].id, true));
    const agreed = await ok(await answer(k1, c.id, originals[2].id, true));
    const withdrawal = (who: Signed, motionId: string) => http().post(`/composites/${c.id}/withdrawals`).set(who.auth).send({ motionId });

    // Neither the executive nor the chair, through the composite or through its motion.
    for (const who of [ec, chair, soc]) {
      expect((await http().post(`/motions/${agreed.motionId}/withdraw`).set(who.auth)).body.code).toBe('composite_needs_all_movers');
      const refused = await withdrawal(who, originals[0].id);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('not_the_submitter');
    }
    expect((await withdrawal(alice, originals[1].id)).body.code).toBe('not_the_submitter');
    expect((await ok(await withdrawal(alice, originals[0].id))).state).toBe('agreed');
    expect((await withdrawal(alice, originals[0].id)).status).toBe(409);
    expect((await ok(await withdrawal(secretary, originals[1].id))).state).toBe('agreed');
    expect(await ok(await http().get(`/motions/${agreed.motionId}`).set(alice.auth))).toMatchObject({ stage: 'admitted' });
    // The last mover — any current member of the caucus — withdraws it.
    const done = await ok(await withdrawal(k3, originals[2].id));
    expect(done.state).toBe('withdrawn');
    // Who consented for the caucus is never shown, not even to the member who did (the roster is sealed).
    expect(done.originals.map((o: any) => o.withdrawalBy)).toEqual([alice.id, secretary.id, null]);
    expect(await ok(await http().get(`/motions/${agreed.motionId}`).set(alice.auth))).toMatchObject({ stage: 'withdrawn' });
    expect((await withdrawal(k2, originals[2].id)).status).toBe(409);
  });
});
