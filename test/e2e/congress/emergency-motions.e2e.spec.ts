import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, HOUR, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/**
 * Emergency (late) motions: after the deadline a motion is submitted only as an emergency motion,
 * with the reason it could not be submitted in time; the standing orders committee admits it with
 * a published reason, or refuses it with one; the congress then votes to accept it onto its
 * agenda — or, where its standing orders say so, the committee's admission puts it there.
 */
describe('congress floor: emergency motions', () => {
  const clock = new FixedClock(new Date('2027-04-01T09:00:00Z'));
  const deadline = new Date('2027-04-20T12:00:00Z');
  let t: TestApp;
  let ro: Signed, chair: Signed, soc: Signed, ec: Signed, secretary: Signed, outsider: Signed;
  let d: Signed[];
  let congressId: string, byCommittee: string, branchId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    branchId = await t.make.branch('Port branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    soc = await member();
    ec = await member();
    await t.make.mandate(ec.id, 'EC');
    secretary = await member();
    await t.make.mandate(secretary.id, 'BRANCH_COMMITTEE', { role: 'secretary', branchId });
    outsider = await member();
    d = [];
    for (let i = 0; i < 5; i++) d.push(await member());
    congressId = await congressWithDelegates(t, { branchId, delegates: d });
    byCommittee = await congressWithDelegates(t, { branchId, delegates: d });
    const open = (id: string, over: Record<string, unknown>) => t.http().post(`/congresses/${id}/floor`).set(ro.auth).send({ standingOrders: standingOrders(deadline, over), chairs: [chair.id], standingOrdersCommittee: [soc.id] });
    expect((await ok(await open(congressId, {}))).standingOrders.emergencyAcceptance).toBe('congress');
    expect((await ok(await open(byCommittee, { emergencyAcceptance: 'committee' }))).standingOrders.emergencyAcceptance).toBe('committee');
    clock.set(new Date(deadline.getTime() + 3 * 24 * HOUR));
  });
  afterAll(() => t?.close());

  const http = () => t.http();
  const REASON = 'The port employers locked out the dockers on 22 April, after the deadline.';
  const submit = (who: Signed, id: string, body: Record<string, unknown>) =>
    http().post(`/congresses/${id}/motions`).set(who.auth).send({ title: 'Solidarity with the locked-out dockers', text: 'Congress resolves:\nto levy every branch for the dockers.', submitter: { kind: 'member' }, ...body });

  let emergency: any;

  it('after the deadline an ordinary motion is refused, and the refusal says how to submit an emergency motion', async () => {
    const late = await submit(d[0], congressId, {});
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('submission_deadline_passed');
    expect(late.body.message).toContain('emergency motion');
    expect(late.body.message).toContain('emergency.reason');
    const noReason = await submit(d[0], congressId, { emergency: { reason: 'late' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('emergency_needs_reason');
    emergency = await ok(await submit(d[0], congressId, { emergency: { reason: REASON } }));
    expect(emergency).toMatchObject({ stage: 'submitted', emergencyReason: REASON, admissionReason: null, secondersMissing: 2 });
  });

  it('its seconders second it after the deadline; the committee alone admits it, and only with a published reason', async () => {
    await ok(await http().post(`/motions/${emergency.id}/seconders`).set(d[1].auth));
    await ok(await http().post(`/motions/${emergency.id}/seconders`).set(d[2].auth));
    expect((await http().post(`/motions/${emergency.id}/admit`).set(chair.auth).send({ reason: 'A real emergency, admitted.' })).body.code).toBe('not_a_floor_officer');
    expect((await http().post(`/motions/${emergency.id}/admit`).set(ec.auth).send({ reason: 'A real emergency, admitted.' })).status).toBe(403);
    const bare = await http().post(`/motions/${emergency.id}/admit`).set(soc.auth).send({});
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('emergency_needs_reason');
    const admitted = await ok(await http().post(`/motions/${emergency.id}/admit`).set(soc.auth).send({ reason: 'The lock-out began after the deadline and congress meets before the next one.' }));
    expect(admitted).toMatchObject({ stage: 'awaiting-acceptance', admissionReason: 'The lock-out began after the deadline and congress meets before the next one.' });
    // Every member reads both reasons.
    const seen = (await ok<any[]>(await http().get(`/congresses/${congressId}/motions`).set(outsider.auth))).find((m) => m.id === emergency.id);
    expect(seen).toMatchObject({ emergencyReason: REASON, admissionReason: 'The lock-out began after the deadline and congress meets before the next one.' });
    // Not debated before the congress accepts it onto the agenda.
    expect((await http().post(`/motions/${emergency.id}/debate`).set(chair.auth)).body.code).toBe('motion_wrong_stage');
  });

  it('the congress votes to accept it onto the agenda; then it is debated and voted like any motion', async () => {
    expect((await http().post(`/motions/${emergency.id}/votes`).set(d[0].auth).send({})).status).toBe(403);
    const vote = await ok(await http().post(`/motions/${emergency.id}/votes`).set(chair.auth).send({}));
    expect(vote).toMatchObject({ acceptance: true, amendmentId: null, closedAt: null });
    expect((await ok(await http().get(`/motions/${emergency.id}`).set(outsider.auth))).stage).toBe('awaiting-acceptance');
    for (const who of d.slice(0, 3)) await ok(await http().post(`/floor-votes/${vote.id}/cards`).set(who.auth).send({ answer: 'yes' }));
    await ok(await http().post(`/floor-votes/${vote.id}/cards`).set(d[3].auth).send({ answer: 'no' }));
    expect(await ok(await http().post(`/floor-votes/${vote.id}/close`).set(chair.auth))).toMatchObject({ acceptance: true, yes: 3, no: 1, carried: true });
    const accepted = await ok(await http().get(`/motions/${emergency.id}`).set(outsider.auth));
    expect(accepted).toMatchObject({ stage: 'admitted', decidedAt: null });
    expect(accepted.votes.map((v: any) => v.acceptance)).toEqual([true]);
    await ok(await http().post(`/motions/${emergency.id}/debate`).set(chair.auth));
    const onText = await ok(await http().post(`/motions/${emergency.id}/votes`).set(chair.auth).send({}));
    expect(onText.acceptance).toBe(false);
    for (const who of d) await ok(await http().post(`/floor-votes/${onText.id}/cards`).set(who.auth).send({ answer: 'yes' }));
    await ok(await http().post(`/floor-votes/${onText.id}/close`).set(chair.auth));
    expect((await ok(await http().get(`/motions/${emergency.id}`).set(outsider.auth))).stage).toBe('carried');
  });

  it('the congress may decline it; the committee may refuse one, its reason published', async () => {
    const declined = await ok(await submit(secretary, congressId, { title: 'Emergency: the lock-out (branch)', submitter: { kind: 'branch', ref: branchId }, emergency: { reason: REASON } }));
    await ok(await http().post(`/motions/${declined.id}/admit`).set(soc.auth).send({ reason: 'Admitted as an emergency: the lock-out is after the deadline.' }));
    const vote = await ok(await http().post(`/motions/${declined.id}/votes`).set(chair.auth).send({}));
    for (const who of d.slice(0, 3)) await ok(await http().post(`/floor-votes/${vote.id}/cards`).set(who.auth).send({ answer: 'no' }));
    await ok(await http().post(`/floor-votes/${vote.id}/close`).set(chair.auth));
    expect(await ok(await http().get(`/motions/${declined.id}`).set(outsider.auth))).toMatchObject({ stage: 'not-accepted', decidedAt: clock.now().toISOString() });

    const refused = await ok(await submit(ec, congressId, { title: 'Emergency: the executive on rules', submitter: { kind: 'executive' }, emergency: { reason: 'The rules review reported on 21 April.' } }));
    await ok(await http().post(`/motions/${refused.id}/refuse`).set(soc.auth).send({ reason: 'The review was scheduled before the deadline: not an emergency.' }));
    expect(await ok(await http().get(`/motions/${refused.id}`).set(outsider.auth))).toMatchObject({ stage: 'refused', refusalReason: 'The review was scheduled before the deadline: not an emergency.' });
    const [audit] = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE action = 'motion.submitted' AND subject_id = $1`, [refused.id]);
    expect(audit.data).toMatchObject({ emergency: true, submitter: 'executive' });
  });

  it('where the standing orders leave it to the committee, its admission puts the emergency motion on the agenda', async () => {
    const m = await ok(await submit(secretary, byCommittee, { submitter: { kind: 'branch', ref: branchId }, emergency: { reason: REASON } }));
    const admitted = await ok(await http().post(`/motions/${m.id}/admit`).set(soc.auth).send({ reason: 'The lock-out began after the deadline.' }));
    expect(admitted).toMatchObject({ stage: 'admitted', admissionReason: 'The lock-out began after the deadline.' });
    await ok(await http().post(`/motions/${m.id}/debate`).set(chair.auth));
  });

  it('an emergency reason before the deadline is refused: it is an ordinary motion then', async () => {
    clock.set(new Date(deadline.getTime() - HOUR));
    const early = await submit(d[4], congressId, { emergency: { reason: REASON } });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('not_an_emergency');
  });
});
