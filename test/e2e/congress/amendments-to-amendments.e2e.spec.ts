import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { congressWithDelegates, LONG_SESSIONS, ok, standingOrders, type Signed } from './floor-fixtures';

/**
 * Amendments to amendments: an amendment to a pending amendment names lines of that amendment's
 * text, is voted before it, and the amendment is then voted as amended; one level only; withdrawn
 * with the amendment it amends; the motion as amended takes the amendment as amended.
 */
describe('congress floor: amendments to amendments', () => {
  const clock = new FixedClock(new Date('2027-04-01T09:00:00Z'));
  let t: TestApp;
  let chair: Signed, soc: Signed;
  let d: Signed[];
  let motion: any, congressId: string;

  const text = ['Congress resolves:', 'to open a school for organizers', 'in every region', 'paid from the national budget', 'before the end of the year.'].join('\n');

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    const branchId = await t.make.branch('Sub-amending branch');
    const member = () => t.make.signedInMember({ branchId, joinedOn: '2024-01-01' });
    const ro = await member();
    await t.make.mandate(ro.id, 'ELECTIONS', { role: 'returning-officer' });
    chair = await member();
    soc = await member();
    d = [];
    for (let i = 0; i < 5; i++) d.push(await member());
    congressId = await congressWithDelegates(t, { branchId, delegates: d });
    await ok(await t.http().post(`/congresses/${congressId}/floor`).set(ro.auth).send({ standingOrders: standingOrders(new Date('2027-04-20T00:00:00Z'), { secondersRequired: 0 }), chairs: [chair.id], standingOrdersCommittee: [soc.id] }));
    motion = await ok(await t.http().post(`/congresses/${congressId}/motions`).set(d[0].auth).send({ title: 'A school for organizers', text, submitter: { kind: 'member' } }));
    await ok(await t.http().post(`/motions/${motion.id}/admit`).set(soc.auth).send({}));
  });
  afterAll(() => t?.close());

  const http = () => t.http();
  const voteOn = async (amendmentId: string | undefined, answers: string[]) => {
    const vote = await ok(await http().post(`/motions/${motion.id}/votes`).set(chair.auth).send(amendmentId ? { amendmentId } : {}));
    for (const [i, a] of answers.entries()) await ok(await http().post(`/floor-votes/${vote.id}/cards`).set(d[i].auth).send({ answer: a }));
    return ok(await http().post(`/floor-votes/${vote.id}/close`).set(chair.auth));
  };
  const byNumber = async (n: number) => (await ok(await http().get(`/motions/${motion.id}`).set(d[4].auth))).amendments.find((a: any) => a.number === n);

  let a1: any, s1: any, s2: any;

  it('an amendment to a pending amendment names that amendment’s lines and is shown against its text; one level only', async () => {
    a1 = (await ok(await http().post(`/motions/${motion.id}/amendments`).set(d[1].auth).send({ fromLine: 3, toLine: 3, text: 'in every region\nand in every large branch' }))).amendments[0];
    const outside = await http().post(`/amendments/${a1.id}/amendments`).set(d[2].auth).send({ fromLine: 3, toLine: 3, text: 'x' });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toContain('text of amendment 1 has 2 lines');
    const m = await ok(await http().post(`/amendments/${a1.id}/amendments`).set(d[2].auth).send({ fromLine: 2, toLine: 2, text: 'and in every branch of over 200 members' }));
    s1 = m.amendments.find((a: any) => a.number === 2);
    expect(s1).toMatchObject({ amends: a1.id, fromLine: 2, toLine: 2, stage: 'submitted' });
    expect(s1.diff).toEqual([
      { kind: 'same', line: 1, text: 'in every region' },
      { kind: 'removed', line: 2, text: 'and in every large branch' },
      { kind: 'added', line: null, text: 'and in every branch of over 200 members' },
    ]);
    s2 = (await ok(await http().post(`/amendments/${a1.id}/amendments`).set(d[3].auth).send({ fromLine: 2, toLine: 2, text: 'and nowhere else' }))).amendments.find((a: any) => a.number === 3);
    const twoLevels = await http().post(`/amendments/${s1.id}/amendments`).set(d[3].auth).send({ fromLine: 1, toLine: 1, text: 'and in some branches' });
    expect(twoLevels.status).toBe(400);
    expect(twoLevels.body.code).toBe('invalid_amendment');
  });

  it('the amendment is put only after its own amendments; a carried one makes its rivals fall; the amendment is then voted as amended', async () => {
    await ok(await http().post(`/motions/${motion.id}/debate`).set(chair.auth));
    const early = await http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({ amendmentId: a1.id });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('amendments_pending');
    expect(early.body.message).toContain('amendment 1');
    expect(await voteOn(s1.id, ['yes', 'yes', 'yes', 'no'])).toMatchObject({ carried: true });
    expect((await byNumber(3)).stage).toBe('fallen');
    expect((await byNumber(1)).textAsAmended).toBe('in every region\nand in every branch of over 200 members');
    // Once voted on, an amendment is not amended any more.
    await ok(await http().post(`/motions/${motion.id}/votes`).set(chair.auth).send({ amendmentId: a1.id }));
    expect((await http().post(`/amendments/${a1.id}/amendments`).set(d[3].auth).send({ fromLine: 1, toLine: 1, text: 'x' })).body.code).toBe('amendment_wrong_stage');
    const open = (await ok(await http().get(`/motions/${motion.id}`).set(d[4].auth))).votes.find((v: any) => v.closedAt === null);
    for (const who of d.slice(0, 3)) await ok(await http().post(`/floor-votes/${open.id}/cards`).set(who.auth).send({ answer: 'yes' }));
    expect(await ok(await http().post(`/floor-votes/${open.id}/close`).set(chair.auth))).toMatchObject({ carried: true });
  });

  it('withdrawing an amendment takes its waiting amendments with it; the motion as amended takes the amendment as amended', async () => {
    const a4 = (await ok(await http().post(`/motions/${motion.id}/amendments`).set(d[1].auth).send({ fromLine: 5, toLine: 5, text: 'within two years.' }))).amendments.find((a: any) => a.number === 4);
    await ok(await http().post(`/amendments/${a4.id}/amendments`).set(d[2].auth).send({ fromLine: 1, toLine: 1, text: 'within three years.' }));
    expect((await http().post(`/amendments/${a4.id}/withdraw`).set(d[3].auth)).status).toBe(403);
    await ok(await http().post(`/amendments/${a4.id}/withdraw`).set(d[1].auth));
    expect((await byNumber(4)).stage).toBe('withdrawn');
    expect((await byNumber(5)).stage).toBe('fallen');
    expect(await voteOn(undefined, ['yes', 'yes', 'yes'])).toMatchObject({ carried: true });
    const done = await ok(await http().get(`/motions/${motion.id}`).set(d[4].auth));
    expect(done.amendedText).toBe(['Congress resolves:', 'to open a school for organizers', 'in every region', 'and in every branch of over 200 members', 'paid from the national budget', 'before the end of the year.'].join('\n'));
    const minutes = await ok(await http().get(`/congresses/${congressId}/minutes`).set(d[4].auth));
    expect(minutes.text).toContain('Amendment 2 to amendment 1 (lines 2–2): carried');
  });
});
