import { randomUUID } from 'node:crypto';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, HOUR, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/**
 * The congress floor: standing orders and officers, the agenda with its reports, motions from
 * members, branches, the executive and caucuses, seconders, the deadline, the standing orders
 * committee's admission or published refusal, and the life cycle to a vote's outcome.
 */
describe('congress floor: agenda and motions', () => {
  const clock = new FixedClock(new Date('2027-04-01T09:00:00Z'));
  const deadline = new Date('2027-04-20T12:00:00Z');
  let t: TestApp;
  let branchId: string;
  let ro: Signed, chair: Signed, soc: Signed, ec: Signed, secretary: Signed, outsider: Signed;
  let delegates: Signed[];
  let congressId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    branchId = await t.make.branch('Floor branch');
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
    delegates = [];
    for (let i = 0; i < 5; i++) delegates.push(await member());
    congressId = await congressWithDelegates(t, { branchId, delegates: [...delegates, ec, secretary] });
  });
  afterAll(() => t.close());

  const http = () => t.http();

  it('a returning officer opens the floor with its standing orders and officers; nobody else can', async () => {
    const body = { standingOrders: standingOrders(deadline), chairs: [chair.id], standingOrdersCommittee: [soc.id] };
    const refused = await http().post(`/congresses/${congressId}/floor`).set(ec.auth).send(body);
    expect(refused.status).toBe(403);
    expect((await http().post(`/congresses/${randomUUID()}/floor`).set(ro.auth).send(body)).body.code).toBe('congress_not_found');
    const floor = await ok(await http().post(`/congresses/${congressId}/floor`).set(ro.auth).send(body));
    expect(floor).toMatchObject({ congressId, chairs: [chair.id], standingOrdersCommittee: [soc.id], standingOrders: { secondersRequired: 2, voting: 'open', alternation: 'alternate-lists' }, agenda: [] });
    expect((await http().post(`/congresses/${congressId}/floor`).set(ro.auth).send(body)).body.code).toBe('floor_already_open');
  });

  it('the chair sets the agenda: items with times and the reports presented; every member reads it', async () => {
    const add = (who: Signed, item: object) => http().post(`/congresses/${congressId}/agenda`).set(who.auth).send(item);
    const notChair = await add(ec, { title: 'Executive report', kind: 'report', startsAt: '2027-05-01T09:00:00Z', minutes: 45 });
    expect(notChair.status).toBe(403);
    expect(notChair.body.code).toBe('not_a_floor_officer');
    await ok(await add(chair, { title: "Executive Committee's report", kind: 'report', presentedBy: 'Executive Committee', reportText: 'The year in review.', startsAt: '2027-05-01T09:00:00Z', minutes: 45 }));
    await ok(
      await add(chair, {
        title: "Control Commission's annual report",
        kind: 'report',
        presentedBy: 'Control Commission',
        reportText: 'Complaints received: 12. Decided: 9. Appeals: 2. Median days to decision: 41.',
        startsAt: '2027-05-01T09:45:00Z',
        minutes: 30,
      }),
    );
    await ok(await add(chair, { title: "Treasurer's report", kind: 'report', presentedBy: 'Treasurer', reportText: 'Income and spending.', startsAt: '2027-05-01T10:15:00Z', minutes: 20 }));
    await ok(await add(chair, { title: 'Motions on organizing', kind: 'motions', startsAt: '2027-05-01T11:00:00Z', minutes: 90 }));
    const invalid = await add(chair, { title: 'x', kind: 'party', startsAt: 'soon', minutes: 0 });
    expect(invalid.status).toBe(400);

    const floor = await ok(await http().get(`/congresses/${congressId}/floor`).set(outsider.auth));
    expect(floor.agenda.map((i: any) => [i.position, i.title, i.kind, i.startsAt, i.minutes])).toEqual([
      [1, "Executive Committee's report", 'report', '2027-05-01T09:00:00.000Z', 45],
      [2, "Control Commission's annual report", 'report', '2027-05-01T09:45:00.000Z', 30],
      [3, "Treasurer's report", 'report', '2027-05-01T10:15:00.000Z', 20],
      [4, 'Motions on organizing', 'motions', '2027-05-01T11:00:00.000Z', 90],
    ]);
    expect(floor.agenda[1].reportText).toContain('Complaints received: 12');
  });

  let memberMotion: any;
  let branchMotion: any;
  let executiveMotion: any;
  let referMotion: any;

  it('motions come from a member, a branch (its officers), the executive (an EC member); a caucus motion from somebody not in that caucus is refused', async () => {
    const submit = (who: Signed, body: object) => http().post(`/congresses/${congressId}/motions`).set(who.auth).send(body);
    memberMotion = await ok(await submit(delegates[0], { title: 'Organize the unorganized', text: 'Congress resolves:\nto organize every workplace\nin every branch\nby next congress.', submitter: { kind: 'member' } }));
    expect(memberMotion).toMatchObject({ number: 1, stage: 'submitted', submitter: { kind: 'member', ref: delegates[0].id }, secondersMissing: 2, seconders: [] });

    const forAnother = await submit(delegates[1], { title: 'In her name', text: 'Text.', submitter: { kind: 'member', ref: delegates[0].id } });
    expect(forAnother.status).toBe(403);
    expect(forAnother.body.code).toBe('may_not_submit_for');
    const branchByMember = await submit(delegates[1], { title: 'Branch motion', text: 'Text.', submitter: { kind: 'branch', ref: branchId } });
    expect(branchByMember.body.code).toBe('may_not_submit_for');
    branchMotion = await ok(await submit(secretary, { title: 'Branch funding', text: 'Branches keep half of the subs.', submitter: { kind: 'branch', ref: branchId } }));
    expect(branchMotion).toMatchObject({ submitter: { kind: 'branch', ref: branchId }, secondersMissing: 0 });
    const executiveByMember = await submit(delegates[1], { title: 'Executive motion', text: 'Text.', submitter: { kind: 'executive' } });
    expect(executiveByMember.body.code).toBe('may_not_submit_for');
    executiveMotion = await ok(await submit(ec, { title: 'Adopt the plan', text: 'Congress adopts the plan.', submitter: { kind: 'executive' } }));
    expect(executiveMotion.submitter).toEqual({ kind: 'executive', ref: null });
    const caucus = await submit(delegates[1], { title: 'Caucus motion', text: 'Text.', submitter: { kind: 'caucus', ref: randomUUID() } });
    expect(caucus.status).toBe(403);
    expect(caucus.body.code).toBe('may_not_submit_for');
  });

  it('seconders: not the mover, not twice; the standing orders committee admits only a seconded motion', async () => {
    const second = (who: Signed) => http().post(`/motions/${memberMotion.id}/seconders`).set(who.auth);
    expect((await second(delegates[0])).body.code).toBe('cannot_second_own_motion');
    await ok(await second(delegates[1]));
    expect((await second(delegates[1])).body.code).toBe('already_seconded');
    const early = await http().post(`/motions/${memberMotion.id}/admit`).set(soc.auth).send({});
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'not_enough_seconders', details: { missing: 1 } });
    const seconded = await ok(await second(delegates[2]));
    expect(seconded.secondersMissing).toBe(0);
    const byChair = await http().post(`/motions/${memberMotion.id}/admit`).set(chair.auth).send({});
    expect(byChair.status).toBe(403);
    const floor = await ok(await http().get(`/congresses/${congressId}/floor`).set(soc.auth));
    const admitted = await ok(await http().post(`/motions/${memberMotion.id}/admit`).set(soc.auth).send({ agendaItemId: floor.agenda[3].id }));
    expect(admitted).toMatchObject({ stage: 'admitted', agendaItemId: floor.agenda[3].id });

    referMotion = await ok(await http().post(`/congresses/${congressId}/motions`).set(delegates[3].auth).send({ title: 'A new paper', text: 'Congress launches a paper.', submitter: { kind: 'member' } }));
    for (const d of [delegates[1], delegates[2]]) await ok(await http().post(`/motions/${referMotion.id}/seconders`).set(d.auth));
    await ok(await http().post(`/motions/${referMotion.id}/admit`).set(soc.auth).send({}));
  });

  it('the executive cannot edit or withdraw a motion it did not submit; it can withdraw its own', async () => {
    const edit = await http().patch(`/motions/${memberMotion.id}`).set(ec.auth).send({ text: 'Congress resolves nothing.' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('not_the_submitter');
    const withdraw = await http().post(`/motions/${memberMotion.id}/withdraw`).set(ec.auth);
    expect(withdraw.status).toBe(403);
    expect(withdraw.body.code).toBe('not_the_submitter');
    const branchEdit = await http().patch(`/motions/${branchMotion.id}`).set(ec.auth).send({ title: 'Changed by the executive' });
    expect(branchEdit.body.code).toBe('not_the_submitter');
    expect((await ok(await http().get(`/motions/${memberMotion.id}`).set(outsider.auth))).text).toContain('to organize every workplace');

    // The branch's secretary edits its own motion before the deadline.
    expect((await ok(await http().patch(`/motions/${branchMotion.id}`).set(secretary.auth).send({ text: 'Branches keep 60% of the subs.' }))).text).toBe('Branches keep 60% of the subs.');
    expect((await ok(await http().post(`/motions/${executiveMotion.id}/withdraw`).set(ec.auth))).stage).toBe('withdrawn');
  });

  it('a refusal needs a reason, and the reason is published with the motion to every member', async () => {
    const bare = await http().post(`/motions/${branchMotion.id}/refuse`).set(soc.auth).send({ reason: 'no' });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('refusal_needs_reason');
    await ok(await http().post(`/motions/${branchMotion.id}/refuse`).set(soc.auth).send({ reason: 'Subs are set by the rules; a rule change needs two-thirds notice.' }));
    const list = await ok(await http().get(`/congresses/${congressId}/motions`).set(outsider.auth));
    const refused = list.find((m: any) => m.id === branchMotion.id);
    expect(refused).toMatchObject({ stage: 'refused', refusalReason: 'Subs are set by the rules; a rule change needs two-thirds notice.' });
    expect((await http().post(`/motions/${branchMotion.id}/admit`).set(soc.auth).send({})).body.code).toBe('motion_wrong_stage');
  });

  it('after the deadline nothing is submitted, seconded or edited', async () => {
    const late = await ok(await http().post(`/congresses/${congressId}/motions`).set(delegates[3].auth).send({ title: 'Almost late', text: 'Text.', submitter: { kind: 'member' } }));
    clock.set(new Date(deadline.getTime() + HOUR));
    const submit = await http().post(`/congresses/${congressId}/motions`).set(delegates[3].auth).send({ title: 'Too late', text: 'Text.', submitter: { kind: 'member' } });
    expect(submit.status).toBe(422);
    expect(submit.body.code).toBe('submission_deadline_passed');
    expect((await http().post(`/motions/${late.id}/seconders`).set(delegates[4].auth)).body.code).toBe('submission_deadline_passed');
    expect((await http().patch(`/motions/${late.id}`).set(delegates[3].auth).send({ title: 'Changed' })).body.code).toBe('submission_deadline_passed');
  });

  it('debated → voted → carried by the accredited delegates; refer sends a motion back; a non-delegate cannot vote', async () => {
    const voteEarly = await http().post(`/motions/${memberMotion.id}/votes`).set(chair.auth).send({});
    expect(voteEarly.body.code).toBe('motion_wrong_stage');
    expect((await http().post(`/motions/${memberMotion.id}/debate`).set(delegates[0].auth)).status).toBe(403);
    expect((await ok(await http().post(`/motions/${memberMotion.id}/debate`).set(chair.auth))).stage).toBe('debated');
    const vote = await ok(await http().post(`/motions/${memberMotion.id}/votes`).set(chair.auth).send({}));
    expect(vote).toMatchObject({ secret: false, electorate: 7, yes: 0, no: 0, closedAt: null });
    expect((await ok(await http().get(`/motions/${memberMotion.id}`).set(outsider.auth))).stage).toBe('voting');

    const cast = (who: Signed, answer: string) => http().post(`/floor-votes/${vote.id}/cards`).set(who.auth).send({ answer });
    for (const d of delegates.slice(0, 4)) await ok(await cast(d, 'yes'));
    await ok(await cast(delegates[4], 'no'));
    const notDelegate = await cast(outsider, 'yes');
    expect(notDelegate.status).toBe(403);
    expect(notDelegate.body.code).toBe('not_an_accredited_delegate');
    expect((await cast(delegates[0], 'no')).body.code).toBe('already_voted');

    const closed = await ok(await http().post(`/floor-votes/${vote.id}/close`).set(chair.auth));
    expect(closed).toMatchObject({ yes: 4, no: 1, abstain: 0, carried: true, voted: 5 });
    expect(closed.cards).toHaveLength(5);
    expect((await cast(delegates[4], 'yes')).body.code).toBe('vote_closed');
    const carried = await ok(await http().get(`/motions/${memberMotion.id}`).set(outsider.auth));
    expect(carried).toMatchObject({ stage: 'carried', amendedText: memberMotion.text });
    expect(carried.decidedAt).not.toBeNull();
  });

  it('a motion in debate can be referred instead of voted; a referred motion is not put to the vote', async () => {
    const m = await ok(await http().get(`/congresses/${congressId}/motions`).set(chair.auth));
    const late = m.find((x: any) => x.title === 'Almost late');
    // A motion without its seconders is never admitted, so it never reaches debate.
    expect((await http().post(`/motions/${late.id}/debate`).set(chair.auth)).body.code).toBe('motion_wrong_stage');
    await ok(await http().post(`/motions/${referMotion.id}/debate`).set(chair.auth));
    expect((await http().post(`/motions/${referMotion.id}/refer`).set(delegates[3].auth)).status).toBe(403);
    const referred = await ok(await http().post(`/motions/${referMotion.id}/refer`).set(chair.auth));
    expect(referred.stage).toBe('referred');
    expect((await http().post(`/motions/${referMotion.id}/votes`).set(chair.auth).send({})).body.code).toBe('motion_wrong_stage');
    expect((await http().post(`/motions/${referMotion.id}/withdraw`).set(delegates[3].auth)).body.code).toBe('motion_wrong_stage');
  });
});
