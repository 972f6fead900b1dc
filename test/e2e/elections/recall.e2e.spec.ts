import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { DAY, LONG_SESSIONS, closeCertifyPublish, members, ok, returningOfficer, type Signed } from './election-fixtures';

/**
 * S2: "No body but the electing one (congress, or a membership-wide recall ballot) can remove a
 * commissioner." The EC cannot end a Control Commission mandate; a carried membership-wide recall
 * ballot ends it at certification, in the same transaction; a branch cannot recall a commissioner.
 */
describe('recall ballots (S2)', () => {
  const clock = new FixedClock(new Date('2026-05-04T08:00:00Z'));
  let t: TestApp;
  let ro: Signed;
  let voters: Signed[];
  let branchId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    ro = await returningOfficer(t);
    branchId = await t.make.branch();
    voters = await members(t, 24, branchId);
  });
  afterAll(() => t.close());

  async function commissioner(): Promise<{ member: Signed; mandateId: string }> {
    const member = await t.make.signedInMember({ branchId });
    const mandateId = await t.make.mandate(member.id, 'CCOM', { startsOn: '2025-06-01', endsOn: '2028-06-01' });
    return { member, mandateId };
  }

  const recallMotion = (mandateId: string, scope: Record<string, unknown> = { scope: 'organization' }) =>
    t
      .http()
      .post('/elections')
      .set(ro.auth)
      .send({ title: 'Recall of a commissioner', purpose: 'motion', method: 'motion', seats: 1, motionText: 'That this commissioner be recalled.', recallMandateId: mandateId, ...scope });

  async function vote(electionId: string, yes: number, no: number): Promise<void> {
    await ok(await t.http().post(`/elections/${electionId}/open-voting`).set(ro.auth).send({ closesAt: new Date(clock.now().getTime() + DAY).toISOString() }));
    for (let i = 0; i < yes + no; i++) await ok(await t.http().post(`/elections/${electionId}/ballots`).set(voters[i].auth).send({ answer: i < yes ? 'yes' : 'no' }));
    await closeCertifyPublish(t, clock, ro, electionId);
  }

  const mandate = async (id: string) => (await t.db.dataSource.query(`SELECT ends_on::text AS "endsOn", ended_reason AS reason FROM identity.mandates WHERE id = $1`, [id]))[0];

  it('the EC cannot end a commissioner\'s mandate; the attempt is refused and recorded', async () => {
    const { mandateId } = await commissioner();
    const ec = await t.make.signedInMember({ branchId });
    await t.make.mandate(ec.id, 'EC');
    const res = await t.http().post(`/mandates/${mandateId}/end`).set(ec.auth).send({ endsOn: '2026-05-05', reason: 'Lost confidence.' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('independent_mandate');
    expect((await mandate(mandateId)).endsOn).toBe('2028-06-01');
  });

  it('a branch cannot recall a commissioner: only the membership or congress can', async () => {
    const { mandateId } = await commissioner();
    const res = await recallMotion(mandateId, { scope: 'branch', branchId });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_election', details: { field: 'scope' } });
  });

  it('a recall names a running mandate, and is a motion', async () => {
    const { mandateId } = await commissioner();
    const ended = await t.make.signedInMember({ branchId });
    const old = await t.make.mandate(ended.id, 'CC', { startsOn: '2024-01-01', endsOn: '2025-01-01' });
    expect((await recallMotion(old)).body).toMatchObject({ code: 'invalid_election', details: { field: 'recallMandateId' } });
    const asBody = await t.http().post('/elections').set(ro.auth).send({ title: 'Not a motion', purpose: 'body', bodyId: await t.make.body('CC'), scope: 'organization', seats: 1, method: 'plurality', recallMandateId: mandateId });
    expect(asBody.body).toMatchObject({ code: 'invalid_election', details: { field: 'recallMandateId' } });
    expect((await recallMotion('00000000-0000-4000-8000-000000000000')).body).toMatchObject({ code: 'invalid_election', details: { field: 'recallMandateId' } });
  });

  it('a carried membership-wide recall ends the mandate at certification, and the commissioner loses that authority at once', async () => {
    const { member, mandateId } = await commissioner();
    const before = await ok(await t.http().get('/me').set(member.auth));
    expect(before.mandates.map((m: { id: string }) => m.id)).toContain(mandateId);
    const motion = await ok(await recallMotion(mandateId));
    expect(motion.recallMandateId).toBe(mandateId);
    await vote(motion.id, 13, 8);
    const today = clock.now().toISOString().slice(0, 10);
    expect(await mandate(mandateId)).toEqual({ endsOn: today, reason: `Recalled by ballot: Recall of a commissioner (${motion.id})` });
    const after = await ok(await t.http().get('/me').set(member.auth));
    expect(after.mandates.map((m: { id: string }) => m.id)).not.toContain(mandateId);
    const [audit] = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE action = 'election.certified' AND subject_id = $1`, [motion.id]);
    expect(audit.data.recall).toEqual({ mandateId, ended: true, endsOn: today });
    const feed = await ok(await t.http().get('/me/notifications').set(voters[0].auth));
    expect(feed.items.some((n: { body: string }) => /Carried: yes 13, no 8.*The recalled mandate has ended\./.test(n.body))).toBe(true);
  });

  it('a recall that is not carried leaves the mandate running', async () => {
    const { mandateId } = await commissioner();
    const motion = await ok(await recallMotion(mandateId));
    await vote(motion.id, 8, 13);
    expect((await mandate(mandateId)).endsOn).toBe('2028-06-01');
  });
});
