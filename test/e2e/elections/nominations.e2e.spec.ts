import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort, type Restriction } from '@org/kernel';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { createElection, DAY, LONG_SESSIONS, members, ok, returningOfficer, signInAgain, stand, type Signed } from './election-fixtures';

/**
 * Items 1, 3, 4 (S2, E1, E2): nominations by members, never by a body for the commission; no
 * slate mixing commission seats with other bodies; restricted candidates refused without a
 * reason; incompatible mandates refused at nomination and at certification; no acclamation
 * before the statutory period or with more candidates than seats.
 */
describe('elections: nominations, slates and acclamation', () => {
  const clock = new FixedClock(new Date('2026-02-02T10:00:00Z'));
  const noCandidacy = new Set<string>();
  const restrictions: RestrictionsPort = {
    restrictionsFor: async (memberId: string): Promise<Restriction[]> => (noCandidacy.has(memberId) ? [{ kind: 'no_candidacy', until: '2027-01-01T00:00:00Z' }] : []),
    separatedFrom: async () => [],
    hasProtectedTransferRight: async () => false,
    membersRestricted: async (kind: string, _during: unknown, ids: readonly string[] | null) => new Set(kind === 'no_candidacy' ? [...noCandidacy].filter((id) => !ids || ids.includes(id)) : []),
    readmissionRequired: async () => true,
    rejoinHeld: async (candidates: readonly unknown[]) => candidates.map(() => false),
  };
  let t: TestApp;
  let ro: Signed;
  let pool: Signed[];
  let next = 0;
  const fresh = (n = 1): Signed[] => {
    const out = pool.slice(next, next + n);
    next += n;
    if (out.length < n) throw new Error('test member pool exhausted');
    return out;
  };
  let nominators: Signed[];

  const nominate = (electionId: string, who: Signed, body: Record<string, unknown> = {}) => t.http().post(`/elections/${electionId}/nominations`).set(who.auth).send(body);
  const openNominations = async (electionId: string) => ok(await t.http().post(`/elections/${electionId}/open-nominations`).set(ro.auth));

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS, overrides: [{ provide: RestrictionsPort, useValue: restrictions }] });
    const branch = await t.make.branch();
    ro = await returningOfficer(t);
    pool = await members(t, 40, branch);
    nominators = fresh(3);
  });
  afterAll(() => t.close());

  it('a candidate stands by their own nomination and is valid once three other members on the electorate nominate them', async () => {
    const e = await createElection(t, ro, { seats: 3, method: 'scottish-stv', bodyKind: 'CC' });
    const early = await nominate(e.id, fresh()[0]);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('nominations_closed');
    await openNominations(e.id);
    const [c] = fresh();
    const cand = await ok(await nominate(e.id, c, { statement: 'For a member-run party.' }));
    expect(cand).toMatchObject({ status: 'pending', nominatorCount: 0, nominatedBy: 'self' });
    const again = await nominate(e.id, c);
    expect(again.body.code).toBe('already_nominated');
    const own = await t.http().post(`/elections/${e.id}/candidates/${cand.id}/nominators`).set(c.auth).send({});
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('nominator_not_eligible');
    const late = await t.make.signedInMember({ branchId: c.branchId });
    const notOnRoll = await t.http().post(`/elections/${e.id}/candidates/${cand.id}/nominators`).set(late.auth).send({});
    expect(notOnRoll.body.code).toBe('nominator_not_eligible');
    const second = await ok(await t.http().post(`/elections/${e.id}/candidates/${cand.id}/nominators`).set(nominators[0].auth).send({}));
    expect(second).toMatchObject({ status: 'pending', nominatorCount: 1 });
    const twice = await t.http().post(`/elections/${e.id}/candidates/${cand.id}/nominators`).set(nominators[0].auth).send({});
    expect(twice.body.code).toBe('already_nominator');
    await ok(await t.http().post(`/elections/${e.id}/candidates/${cand.id}/nominators`).set(nominators[1].auth).send({}));
    const valid = await ok(await t.http().post(`/elections/${e.id}/candidates/${cand.id}/nominators`).set(nominators[2].auth).send({}));
    expect(valid).toMatchObject({ status: 'nominated', nominatorCount: 3 });
    const notTheirs = await t.http().post(`/elections/${e.id}/candidates/${cand.id}/withdraw`).set(nominators[0].auth).send({});
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.code).toBe('not_your_candidacy');
    expect(await ok(await t.http().post(`/elections/${e.id}/candidates/${cand.id}/withdraw`).set(c.auth).send({}))).toMatchObject({ status: 'withdrawn' });
  });

  it('E1: no acclamation before the statutory period, nor with more candidates than seats; the refusal says why and what to do', async () => {
    const two = await createElection(t, ro, { seats: 2, method: 'scottish-stv', bodyKind: 'CC' });
    const one = await createElection(t, ro, { seats: 1, method: 'plurality', bodyKind: 'NATIONAL_OFFICE' });
    await openNominations(two.id);
    await openNominations(one.id);
    const twoCandidates = fresh(2);
    for (const c of twoCandidates) await stand(t, two.id, c, nominators);
    for (const c of fresh(2)) await stand(t, one.id, c, nominators);

    clock.advance(13 * DAY);
    const tooEarly = await t.http().post(`/elections/${two.id}/acclaim`).set(ro.auth);
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.code).toBe('acclamation_too_early');
    expect(tooEarly.body.message).toMatch(/14 days/);
    expect(tooEarly.body.message).toMatch(/secret ballot/);

    clock.advance(1 * DAY + 60_000);
    const contested = await t.http().post(`/elections/${one.id}/acclaim`).set(ro.auth);
    expect(contested.status).toBe(422);
    expect(contested.body.code).toBe('acclamation_needs_ballot');
    expect(contested.body.message).toMatch(/2 candidates for 1 seat/);
    expect((await ok(await t.http().get(`/elections/${one.id}`).set(ro.auth))).status).toBe('nominations');

    const acclaimed = await ok(await t.http().post(`/elections/${two.id}/acclaim`).set(ro.auth));
    expect(acclaimed).toMatchObject({ status: 'certified', acclaimed: true });
    const mandates = await t.db.dataSource.query(`SELECT member_id FROM identity.mandates WHERE source_kind = 'election' AND source_ref = $1`, [two.id]);
    expect(mandates.map((r: any) => r.member_id).sort()).toEqual(twoCandidates.map((c) => c.id).sort());
    await ok(await t.http().post(`/elections/${two.id}/publish`).set(ro.auth));
    const { result } = await ok(await t.http().get(`/elections/${two.id}/result`).set(nominators[0].auth));
    expect(result.acclaimed).toBe(true);
    expect(result.elected).toHaveLength(2);
  });

  it('S2: the Control Commission is never filled by acclamation, even unopposed after the period', async () => {
    const e = await createElection(t, ro, { seats: 3, method: 'scottish-stv', bodyKind: 'CCOM' });
    await openNominations(e.id);
    await stand(t, e.id, fresh()[0], nominators);
    clock.advance(15 * DAY);
    await signInAgain(t, ro, ...nominators, ...pool.slice(next));
    const res = await t.http().post(`/elections/${e.id}/acclaim`).set(ro.auth);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('acclamation_not_allowed');
  });

  it('S2: a body cannot nominate for commission seats (whoever asks); it may for other bodies, through a current member of it', async () => {
    const [ec] = fresh();
    await t.make.mandate(ec.id, 'EC');
    const ecBody = await t.make.body('EC');
    const ccom = await createElection(t, ro, { seats: 3, method: 'scottish-stv', bodyKind: 'CCOM' });
    const cc = await createElection(t, ro, { seats: 3, method: 'scottish-stv', bodyKind: 'CC' });
    await openNominations(ccom.id);
    await openNominations(cc.id);
    const [nominee, other] = fresh(2);
    const refused = await t.http().post(`/elections/${ccom.id}/nominations/by-body`).set(ec.auth).send({ memberId: nominee.id, bodyId: ecBody });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('nomination_by_body_refused');
    const appealsBody = await t.make.body('APPEALS');
    const byAnyBody = await t.http().post(`/elections/${ccom.id}/nominations/by-body`).set(other.auth).send({ memberId: nominee.id, bodyId: appealsBody });
    expect(byAnyBody.body.code).toBe('nomination_by_body_refused');
    expect((await ok(await t.http().get(`/elections/${ccom.id}`).set(ro.auth))).candidates).toHaveLength(0);
    const notMember = await t.http().post(`/elections/${cc.id}/nominations/by-body`).set(other.auth).send({ memberId: nominee.id, bodyId: ecBody });
    expect(notMember.status).toBe(403);
    expect(notMember.body.code).toBe('nominating_body_mandate_required');
    const accepted = await ok(await t.http().post(`/elections/${cc.id}/nominations/by-body`).set(ec.auth).send({ memberId: nominee.id, bodyId: ecBody }));
    expect(accepted).toMatchObject({ status: 'nominated', nominatedBy: 'body', nominatingBodyId: ecBody });
  });

  it('S2: a slate mixing commission seats with another body’s seats is refused either way; a commission-only slate is allowed', async () => {
    const ccom = await createElection(t, ro, { seats: 3, method: 'scottish-stv', bodyKind: 'CCOM' });
    const cc = await createElection(t, ro, { seats: 3, method: 'scottish-stv', bodyKind: 'CC' });
    await openNominations(ccom.id);
    await openNominations(cc.id);
    const leadership = await ok(await t.http().post('/slates').set(fresh()[0].auth).send({ name: 'Leadership' }));
    await ok(await nominate(cc.id, fresh()[0], { slateId: leadership.id }));
    const mixed = await nominate(ccom.id, fresh()[0], { slateId: leadership.id });
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('mixed_slate');
    expect(mixed.body.message).toMatch(/Control Commission/);

    const independent = await ok(await t.http().post('/slates').set(fresh()[0].auth).send({ name: 'Independent commission' }));
    await ok(await nominate(ccom.id, fresh()[0], { slateId: independent.id }));
    await ok(await nominate(ccom.id, fresh()[0], { slateId: independent.id }));
    const intoCommissionSlate = await nominate(cc.id, fresh()[0], { slateId: independent.id });
    expect(intoCommissionSlate.body.code).toBe('mixed_slate');
    const detail = await ok(await t.http().get(`/elections/${ccom.id}`).set(ro.auth));
    expect(detail.candidates.every((c: any) => c.slateId === independent.id)).toBe(true);
  });

  it('a candidate under a candidacy restriction is refused with the confidential message, and nothing is recorded', async () => {
    const e = await createElection(t, ro, { seats: 2, method: 'scottish-stv', bodyKind: 'CC' });
    await openNominations(e.id);
    const [c] = fresh();
    noCandidacy.add(c.id);
    const res = await nominate(e.id, c);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ statusCode: 409, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    expect((await ok(await t.http().get(`/elections/${e.id}`).set(ro.auth))).candidates).toHaveLength(0);
    noCandidacy.delete(c.id);
  });

  it('S2 at nomination: a sitting EC member cannot stand for the commission, nor a former CC member in the cooling-off period', async () => {
    const e = await createElection(t, ro, { seats: 3, method: 'scottish-stv', bodyKind: 'CCOM' });
    await openNominations(e.id);
    const [ecMember, formerCc] = fresh(2);
    await t.make.mandate(ecMember.id, 'EC');
    await t.make.mandate(formerCc.id, 'CC', { startsOn: '2020-01-01', endsOn: clock.today() });
    const sitting = await nominate(e.id, ecMember);
    expect(sitting.status).toBe(409);
    expect(sitting.body.code).toBe('incompatible_mandate');
    const cooling = await nominate(e.id, formerCc);
    expect(cooling.body.code).toBe('cooling_off_period');
  });

  it('S2 at certification: an EC member elected to the commission gets no mandate; the seat is a vacancy filled by the next in line', async () => {
    const e = await createElection(t, ro, { seats: 1, method: 'plurality', bodyKind: 'CCOM' });
    await openNominations(e.id);
    const [x, y] = fresh(2);
    const xId = await stand(t, e.id, x, nominators);
    const yId = await stand(t, e.id, y, nominators);
    await ok(await t.http().post(`/elections/${e.id}/open-voting`).set(ro.auth).send({ closesAt: new Date(clock.now().getTime() + DAY).toISOString() }));
    for (const v of [...nominators, x]) await ok(await t.http().post(`/elections/${e.id}/ballots`).set(v.auth).send({ choices: [xId] }));
    await t.make.mandate(x.id, 'EC', { startsOn: clock.today() });
    clock.advance(DAY + 1000);
    await ok(await t.http().post(`/elections/${e.id}/close`).set(ro.auth).send({}));
    await ok(await t.http().post(`/elections/${e.id}/certify`).set(ro.auth));
    expect((await ok(await t.http().get(`/elections/${e.id}`).set(ro.auth))).status).toBe('certified');
    const created = await t.db.dataSource.query(`SELECT member_id FROM identity.mandates WHERE source_ref = $1`, [e.id]);
    expect(created).toEqual([{ member_id: y.id }]);
    const [vacancy] = await ok(await t.http().get(`/elections/${e.id}/vacancies`).set(ro.auth));
    expect(vacancy).toMatchObject({ vacating: { candidateId: xId }, reason: 'ineligible', rule: 'next-highest', filledBy: { candidateId: yId } });
  });

  it('a returning officer who is a candidate cannot run that election; another returning officer can', async () => {
    const e = await createElection(t, ro, { seats: 2, method: 'scottish-stv', bodyKind: 'CC' });
    await openNominations(e.id);
    const [ro2] = fresh();
    await t.make.mandate(ro2.id, 'ELECTIONS', { role: 'returning-officer' });
    await stand(t, e.id, ro2, nominators);
    const closesAt = new Date(clock.now().getTime() + DAY).toISOString();
    const own = await t.http().post(`/elections/${e.id}/open-voting`).set(ro2.auth).send({ closesAt });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('returning_officer_is_candidate');
    await ok(await t.http().post(`/elections/${e.id}/open-voting`).set(ro.auth).send({ closesAt }));
    const late = await nominate(e.id, fresh()[0]);
    expect(late.body.code).toBe('nominations_closed');
  });
});
