import { randomUUID } from 'node:crypto';
import { FixedClock } from '@org/platform';
import { MembershipFactories } from '../../support/membership.factories';
import { createTestApp, type TestApp } from '../../support/test-app';
import { DAY, LONG_SESSIONS, ok, returningOfficer, stand, type Signed } from './election-fixtures';

/**
 * Item 9: congress from the frozen roll — apportionment, delegate elections per branch,
 * credentials and accreditation, congress ballots whose electorate is the accredited delegates,
 * and the quorum (to open a ballot, and of the ballots cast to certify it).
 */
describe('elections: a full congress', () => {
  const clock = new FixedClock(new Date('2026-03-10T09:00:00Z'));
  let t: TestApp;
  let ro: Signed;
  const branches: Record<string, string> = {};
  const people: Record<string, Signed[]> = {};

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    const f = new MembershipFactories(t);
    await f.plan({ amountMinor: 1000, graceMonths: 3 });
    for (const [code, size] of [['A', 8], ['B', 5], ['C', 4]] as const) {
      branches[code] = await t.make.branch(`Congress branch ${code}`);
      people[code] = [];
      for (let i = 0; i < size; i++) {
        const m = await t.make.signedInMember({ branchId: branches[code], joinedOn: '2024-01-01' });
        await f.monthlyPayments(m.id, '2024-01-01', '2026-03-01');
        people[code].push(m);
      }
    }
    ro = await returningOfficer(t);
  });
  afterAll(() => t.close());

  it('apportions delegates from the frozen roll, elects them per branch, accredits them, and holds congress ballots with a quorum', async () => {
    // ── the frozen roll and the apportionment (membership context) ────────────────────────
    const roll = await ok(await t.http().post('/electoral-rolls').set(ro.auth).send({ asOf: '2026-03-01', scope: 'organization', label: 'Congress 2026' }));
    expect(roll.entryCount).toBe(17);
    const apportionment = await ok(await t.http().post(`/electoral-rolls/${roll.id}/apportionment`).set(ro.auth).send({ seats: 7, minimumPerBranch: 1 }));
    const seatsOf = Object.fromEntries(apportionment.allocations.map((a: any) => [a.branchId, a.seats]));
    expect(seatsOf[branches.A] + seatsOf[branches.B] + seatsOf[branches.C]).toBe(7);

    const missing = await t.http().post('/congresses').set(ro.auth).send({ title: 'Congress 2026', apportionmentId: randomUUID(), opensOn: '2026-04-20' });
    expect(missing.status).toBe(404);
    const congress = await ok(await t.http().post('/congresses').set(ro.auth).send({ title: 'Congress 2026', apportionmentId: apportionment.id, opensOn: '2026-04-20' }));
    expect(congress).toMatchObject({ delegateSeats: 7, quorum: 4, rollId: roll.id, accredited: 0, quorate: false });

    // ── one delegate election per branch, electorate = that branch's part of the roll ────
    const elections = await ok(await t.http().post(`/congresses/${congress.id}/delegate-elections`).set(ro.auth).send({}));
    expect(elections).toHaveLength(3);
    const electionOf = (code: string) => elections.find((e: any) => e.scope.branchId === branches[code]);
    for (const code of ['A', 'B', 'C']) expect(electionOf(code)).toMatchObject({ purpose: 'delegates', seats: seatsOf[branches[code]], electorateSize: people[code].length, congressId: congress.id });
    expect((await t.http().post(`/congresses/${congress.id}/delegate-elections`).set(ro.auth).send({})).body.code).toBe('delegate_elections_exist');

    for (const code of ['A', 'B', 'C']) await ok(await t.http().post(`/elections/${electionOf(code).id}/open-nominations`).set(ro.auth));
    const wrongBranch = await t.http().post(`/elections/${electionOf('A').id}/nominations`).set(people.B[0].auth).send({});
    expect(wrongBranch.body.code).toBe('candidate_not_eligible');
    const nominateIn = async (code: string, count: number) => {
      const team = people[code];
      for (let i = 0; i < count; i++) await stand(t, electionOf(code).id, team[i], team.filter((_, j) => j !== i).slice(0, 3));
    };
    // Branch A is contested (a ballot); B and C have as many candidates as seats (acclaimed after 14 days).
    await nominateIn('A', seatsOf[branches.A] + 1);
    await nominateIn('B', seatsOf[branches.B]);
    await nominateIn('C', seatsOf[branches.C]);

    const a = electionOf('A').id;
    await ok(await t.http().post(`/elections/${a}/open-voting`).set(ro.auth).send({ closesAt: new Date(clock.now().getTime() + DAY).toISOString() }));
    const aDetail = await ok(await t.http().get(`/elections/${a}`).set(ro.auth));
    const aCandidates = aDetail.candidates.sort((x: any, y: any) => x.ballotNumber - y.ballotNumber).map((c: any) => c.id);
    for (const [i, v] of people.A.entries()) await ok(await t.http().post(`/elections/${a}/ballots`).set(v.auth).send({ ranking: [aCandidates[i % aCandidates.length], aCandidates[(i + 1) % aCandidates.length]] }));
    const outsider = await t.http().post(`/elections/${a}/ballots`).set(people.B[0].auth).send({ ranking: [aCandidates[0]] });
    expect(outsider.body.code).toBe('not_on_electorate');
    clock.advance(DAY + 1000);
    for (const step of ['close', 'certify', 'publish']) await ok(await t.http().post(`/elections/${a}/${step}`).set(ro.auth).send({}));
    clock.advance(14 * DAY);
    for (const code of ['B', 'C']) {
      await ok(await t.http().post(`/elections/${electionOf(code).id}/acclaim`).set(ro.auth));
      await ok(await t.http().post(`/elections/${electionOf(code).id}/publish`).set(ro.auth));
    }

    let state = await ok(await t.http().get(`/congresses/${congress.id}`).set(people.A[0].auth));
    expect(state.delegates).toHaveLength(7);
    for (const code of ['A', 'B', 'C']) expect(state.delegates.filter((d: any) => d.branchId === branches[code])).toHaveLength(seatsOf[branches[code]]);
    const delegateIds = new Set(state.delegates.map((d: any) => d.memberId));
    const everyone = [...people.A, ...people.B, ...people.C];
    const delegates = everyone.filter((p) => delegateIds.has(p.id));
    const nonDelegates = everyone.filter((p) => !delegateIds.has(p.id));

    // ── congress ballots: the Control Commission, and a motion ──────────────────────────────
    const ccomBody = await t.make.body('CCOM');
    const ccom = await ok(
      await t.http().post('/elections').set(ro.auth).send({ title: 'Control Commission 2026', purpose: 'body', scope: 'congress', congressId: congress.id, bodyId: ccomBody, seats: 1, method: 'plurality' }),
    );
    const motion = await ok(
      await t.http().post('/elections').set(ro.auth).send({ title: 'Report of the EC', purpose: 'motion', scope: 'congress', congressId: congress.id, seats: 1, method: 'motion', motionText: 'That congress adopts the report of the EC.' }),
    );
    await ok(await t.http().post(`/elections/${ccom.id}/open-nominations`).set(ro.auth));
    const [cand1, cand2] = nonDelegates;
    const notADelegate = await t.http().post(`/elections/${ccom.id}/nominations`).set(cand1.auth).send({});
    const c1 = notADelegate.body.id;
    const refusedNominator = await t.http().post(`/elections/${ccom.id}/candidates/${c1}/nominators`).set(nonDelegates[2].auth).send({});
    expect(refusedNominator.body.code).toBe('nominator_not_eligible');
    for (const d of delegates.slice(0, 3)) await ok(await t.http().post(`/elections/${ccom.id}/candidates/${c1}/nominators`).set(d.auth).send({}));
    await stand(t, ccom.id, cand2, delegates.slice(3, 6));

    const closesAt = () => new Date(clock.now().getTime() + DAY).toISOString();
    const inquorate = await t.http().post(`/elections/${ccom.id}/open-voting`).set(ro.auth).send({ closesAt: closesAt() });
    expect(inquorate.status).toBe(422);
    expect(inquorate.body.code).toBe('congress_not_quorate');

    // Credentials and accreditation.
    const stranger = await t.http().post(`/congresses/${congress.id}/credential`).set(nonDelegates[0].auth);
    expect(stranger.body.code).toBe('not_a_delegate');
    const credentials: string[] = [];
    for (const d of delegates) credentials.push((await ok(await t.http().post(`/congresses/${congress.id}/credential`).set(d.auth))).credentialCode);
    const accredit = (code: string) => t.http().post(`/congresses/${congress.id}/accreditations`).set(ro.auth).send({ credentialCode: code });
    for (const code of credentials.slice(0, 3)) expect((await ok(await accredit(code))).quorate).toBe(false);
    expect((await accredit(credentials[0])).body.code).toBe('already_accredited');
    expect((await accredit('ZZZZ-ZZZZ-ZZZZ-ZZZZ')).body.code).toBe('credential_not_recognized');
    expect((await t.http().post(`/elections/${ccom.id}/open-voting`).set(ro.auth).send({ closesAt: closesAt() })).body.code).toBe('congress_not_quorate');
    const fourth = await ok(await accredit(credentials[3].toLowerCase()));
    expect(fourth).toMatchObject({ accredited: 4, quorum: 4, quorate: true });

    const opened = await ok(await t.http().post(`/elections/${ccom.id}/open-voting`).set(ro.auth).send({ closesAt: closesAt() }));
    expect(opened.electorateSize).toBe(4);
    const motionOpen = await ok(await t.http().post(`/elections/${motion.id}/open-voting`).set(ro.auth).send({ closesAt: closesAt() }));
    expect(motionOpen.electorateSize).toBe(4);

    const accredited = delegates.slice(0, 4);
    const ccomDetail = await ok(await t.http().get(`/elections/${ccom.id}`).set(ro.auth));
    const first = ccomDetail.candidates.find((c: any) => c.memberId === cand1.id).id;
    for (const d of accredited) await ok(await t.http().post(`/elections/${ccom.id}/ballots`).set(d.auth).send({ choices: [first] }));
    expect((await t.http().post(`/elections/${ccom.id}/ballots`).set(delegates[4].auth).send({ choices: [first] })).body.code).toBe('not_on_electorate');
    expect((await t.http().post(`/elections/${ccom.id}/ballots`).set(nonDelegates[3].auth).send({ choices: [first] })).body.code).toBe('not_on_electorate');
    for (const d of accredited.slice(0, 3)) await ok(await t.http().post(`/elections/${motion.id}/ballots`).set(d.auth).send({ answer: 'yes' }));

    clock.advance(DAY + 1000);
    for (const e of [ccom.id, motion.id]) await ok(await t.http().post(`/elections/${e}/close`).set(ro.auth).send({}));
    const notEnough = await t.http().post(`/elections/${motion.id}/certify`).set(ro.auth);
    expect(notEnough.status).toBe(422);
    expect(notEnough.body.code).toBe('inquorate');
    await ok(await t.http().post(`/elections/${ccom.id}/certify`).set(ro.auth));
    await ok(await t.http().post(`/elections/${ccom.id}/publish`).set(ro.auth));
    const { result } = await ok(await t.http().get(`/elections/${ccom.id}/result`).set(people.C[0].auth));
    expect(result).toMatchObject({ participation: 4, electorateSize: 4, quorum: 4 });
    expect(result.elected).toEqual([first]);
    const mandates = await t.db.dataSource.query(
      `SELECT md.member_id, b.kind FROM identity.mandates md JOIN identity.bodies b ON b.id = md.body_id WHERE md.source_kind = 'election' AND md.source_ref = $1`,
      [ccom.id],
    );
    expect(mandates).toEqual([{ member_id: cand1.id, kind: 'CCOM' }]);

    state = await ok(await t.http().get(`/congresses/${congress.id}`).set(people.A[0].auth));
    expect(state).toMatchObject({ accredited: 4, quorate: true });
    expect(state.elections.map((e: any) => e.id)).toEqual(expect.arrayContaining([ccom.id, motion.id, a]));
  });
});
