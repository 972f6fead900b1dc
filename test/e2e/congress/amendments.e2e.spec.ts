import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/** Line-based amendments: shown as a diff, voted one at a time, overlapping ones fall, the motion as amended produced at the close. */
describe('congress floor: amendments', () => {
  const clock = new FixedClock(new Date('2027-04-01T09:00:00Z'));
  let t: TestApp;
  let chair: Signed, soc: Signed, outsider: Signed;
  let d: Signed[];
  let motion: any;

  const text = ['Congress resolves:', 'to open a school for organizers', 'in every region', 'paid from the national budget', 'before the end of the year.'].join('\n');

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    const branchId = await t.make.branch('Amending branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    const ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    soc = await member();
    outsider = await member();
    d = [];
    for (let i = 0; i < 5; i++) d.push(await member());
    const congressId = await congressWithDelegates(t, { branchId, delegates: d });
    await ok(await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(new Date('2027-04-20T00:00:00Z'), { secondersRequired: 0 }), chairs: [chair.id], standingOrdersCommittee: [soc.id] }));
    motion = await ok(await t.http().post(`/congresses/${congressId}/motions`).set(d[0].auth).send({ title: 'A school for organizers', text, submitter: { kind: 'member' } }));
  });
  afterAll(() => t.close());

  const http = () => t.http();
  const amend = (who: Signed, change: object) => http().post(`/motions/${motion.id}/amendments`).set(who.auth).send(change);
  const voteOn = async (amendmentId: string | undefined, answers: string[]) => {
    const vote = await ok(await http().post(`/motions/${motion.id}/votes`).set(chair.auth).send(amendmentId ? { amendmentId } : {}));
    for (const [i, a] of answers.entries()) await ok(await http().post(`/floor-votes/${vote.id}/cards`).set(d[i].auth).send({ answer: a }));
    return ok(await http().post(`/floor-votes/${vote.id}/close`).set(chair.auth));
  };

  it('amendments are moved to an admitted motion only, and name lines the motion has', async () => {
    expect((await amend(d[1], { fromLine: 2, toLine: 2, text: 'x' })).body.code).toBe('motion_wrong_stage');
    await ok(await http().post(`/motions/${motion.id}/admit`).set(soc.auth).send({}));
    const outside = await amend(d[1], { fromLine: 4, toLine: 9, text: 'x' });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('invalid_amendment');
    expect(outside.body.message).toContain('5 lines');
  });

  let a1: any, a2: any, a3: any, a4: any;

  it('each amendment is shown as a diff against the motion', async () => {
    let m = await ok(await amend(d[1], { fromLine: 3, toLine: 3, text: 'in every region and every large branch' }));
    a1 = m.amendments[0];
    expect(a1.diff).toEqual([
      { kind: 'same', line: 1, text: 'Congress resolves:' },
      { kind: 'same', line: 2, text: 'to open a school for organizers' },
      { kind: 'removed', line: 3, text: 'in every region' },
      { kind: 'added', line: null, text: 'in every region and every large branch' },
      { kind: 'same', line: 4, text: 'paid from the national budget' },
      { kind: 'same', line: 5, text: 'before the end of the year.' },
    ]);
    m = await ok(await amend(d[2], { fromLine: 4, toLine: 4, text: '' }));
    a2 = m.amendments[1];
    expect(a2.diff.filter((l: any) => l.kind !== 'same')).toEqual([{ kind: 'removed', line: 4, text: 'paid from the national budget' }]);
    m = await ok(await amend(d[3], { fromLine: 3, toLine: 4, text: 'in the capital only' }));
    a3 = m.amendments[2];
    m = await ok(await amend(d[4], { fromLine: 6, toLine: 5, text: 'and report to the next congress.' }));
    a4 = m.amendments[3];
    expect(m.amendments.map((a: any) => [a.number, a.stage])).toEqual([[1, 'submitted'], [2, 'submitted'], [3, 'submitted'], [4, 'submitted']]);
    const notMover = await http().post(`/amendments/${a4.id}/withdraw`).set(outsider.auth);
    expect(notMover.status).toBe(403);
  });

  it('the motion is put only after its amendments; a carried amendment makes the overlapping ones fall; one vote at a time', async () => {
    await ok(await http().post(`/motions/${motion.id}/debate`).set(chair.auth));
    const tooEarly = await http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({});
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({ code: 'amendments_pending', details: { amendments: [1, 2, 3, 4] } });

    const first = await voteOn(a1.id, ['yes', 'yes', 'yes', 'no']);
    expect(first).toMatchObject({ carried: true, yes: 3, no: 1, amendmentId: a1.id });
    let m = await ok(await http().get(`/motions/${motion.id}`).set(outsider.auth));
    expect(m.amendments.map((a: any) => a.stage)).toEqual(['carried', 'submitted', 'fallen', 'submitted']);
    expect((await http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({ amendmentId: a3.id })).body.code).toBe('amendment_wrong_stage');

    const second = await ok(await http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({ amendmentId: a2.id }));
    expect((await http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({ amendmentId: a4.id })).body.code).toBe('vote_already_open');
    for (const i of [0, 1, 2]) await ok(await http().post(`/floor-votes/${second.id}/cards`).set(d[i].auth).send({ answer: 'yes' }));
    expect((await ok(await http().post(`/floor-votes/${second.id}/close`).set(chair.auth))).carried).toBe(true);

    expect(await voteOn(a4.id, ['no', 'no', 'yes', 'abstain'])).toMatchObject({ carried: false, yes: 1, no: 2, abstain: 1 });
    m = await ok(await http().get(`/motions/${motion.id}`).set(outsider.auth));
    expect(m.amendments.map((a: any) => a.stage)).toEqual(['carried', 'carried', 'fallen', 'lost']);
    expect(m.amendedText).toBeNull();
  });

  it('at the close of the motion’s vote, the motion as amended is produced from the carried amendments', async () => {
    expect(await voteOn(undefined, ['yes', 'yes', 'yes', 'yes', 'no'])).toMatchObject({ carried: true, amendmentId: null });
    const m = await ok(await http().get(`/motions/${motion.id}`).set(outsider.auth));
    expect(m.stage).toBe('carried');
    expect(m.text).toBe(text);
    expect(m.amendedText).toBe(['Congress resolves:', 'to open a school for organizers', 'in every region and every large branch', 'before the end of the year.'].join('\n'));
    expect(m.votes).toHaveLength(4);

    const minutes = await ok(await http().get(`/congresses/${motion.congressId}/minutes`).set(outsider.auth));
    expect(minutes.otherMotions.map((x: any) => x.id)).toEqual([motion.id]);
    for (const line of [
      'Amendment 1 (lines 3–3): carried — for 3, against 1, abstentions 0.',
      'Amendment 3 (lines 3–4): fallen.',
      'Amendment 4 (lines 6–5): lost — for 1, against 2, abstentions 1.',
      'Vote on the motion: for 4, against 1, abstentions 0 — carried (5 delegate(s) present).',
      '    in every region and every large branch',
    ]) {
      expect(minutes.text).toContain(line);
    }
  });
});
