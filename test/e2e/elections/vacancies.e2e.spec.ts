import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { closeCertifyPublish, createElection, DAY, electionInVoting, LONG_SESSIONS, members, ok, returningOfficer, stand, type Signed } from './election-fixtures';

const ROOT = resolve(__dirname, '../../..');

/** The recount CLI on a published BLT file, with extra arguments. */
function recount(blt: string, args: string[]): any {
  const dir = mkdtempSync(join(tmpdir(), 'vacancy-recount-'));
  try {
    const file = join(dir, 'election.blt');
    writeFileSync(file, blt);
    return JSON.parse(execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/count.ts', file, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Elections that survive real life: a candidate who withdraws after voting opened stays on the
 * paper and is skipped on every ballot at the count (and in the published BLT file); a winner who
 * cannot take the seat or leaves it makes a vacancy, filled by countback on the original ballots
 * (the default rule), recorded, audited, published and recountable with `npm run count`.
 */
describe('elections: withdrawals after voting opened, and vacancies', () => {
  const clock = new FixedClock(new Date('2026-06-01T08:00:00Z'));
  let t: TestApp;
  let ro: Signed;
  let voters: Signed[];

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    ro = await returningOfficer(t);
    voters = await members(t, 24, await t.make.branch());
  });
  afterAll(() => t.close());

  /** 24 ballots over candidates 0..3 (ballot order): 0 is everyone's favourite, then 1 or 2, then 3. */
  const rankings = (i: number): number[] => (i < 10 ? [0, 1, 3] : i < 16 ? [0, 2, 3] : i < 20 ? [1, 0] : i < 23 ? [2, 3] : [3, 2]);

  async function castAll(electionId: string, candidates: string[]): Promise<void> {
    for (let i = 0; i < voters.length; i++) {
      await ok(await t.http().post(`/elections/${electionId}/ballots`).set(voters[i].auth).send({ ranking: rankings(i).map((k) => candidates[k]) }));
    }
  }

  it('a candidate who withdraws after voting opened is skipped on every ballot; the BLT file carries the withdrawn line and recounts to the result', async () => {
    const standing = voters.slice(0, 4);
    const { election, candidates } = await electionInVoting(t, clock, ro, voters, { seats: 2, method: 'scottish-stv', candidates: standing });
    const detail = await ok(await t.http().get(`/elections/${election.id}`).set(ro.auth));
    const first = detail.candidates.find((c: any) => c.id === candidates[0]);
    const firstMember = standing.find((v) => v.id === first.memberId)!;
    const other = voters.find((v) => !standing.includes(v))!;

    await castAll(election.id, candidates.slice(0, 4));
    // Nobody else may withdraw a candidacy; the candidate may, with voting open.
    const refused = await t.http().post(`/elections/${election.id}/candidates/${candidates[0]}/withdraw-after-opening`).set(other.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('not_your_candidacy');
    const done = await ok(await t.http().post(`/elections/${election.id}/candidates/${candidates[0]}/withdraw-after-opening`).set(firstMember.auth));
    expect(done).toEqual({ electionId: election.id, candidateId: candidates[0], ballotNumber: 1, withdrawnAfterOpening: true });
    // A retry is harmless and audited once.
    await ok(await t.http().post(`/elections/${election.id}/candidates/${candidates[0]}/withdraw-after-opening`).set(firstMember.auth));
    const audit = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE action = 'candidate.withdrawn-after-opening' AND subject_id = $1`, [candidates[0]]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ electionId: election.id, ballotNumber: 1, by: 'candidate' });

    await closeCertifyPublish(t, clock, ro, election.id);
    const { result } = await ok(await t.http().get(`/elections/${election.id}/result`).set(voters[5].auth));
    // Candidate 1 had 16 first preferences of 24 (quota 9): without the withdrawal they would be elected first.
    expect(result.elected).not.toContain(candidates[0]);
    for (const s of result.count.stages) expect(Number(s.totals[0])).toBe(0);
    expect(result.count.stages[0].totals.slice(1).map(Number)).toEqual([14, 9, 1]);
    const blt = (await t.http().get(`/elections/${election.id}/ballots.blt`).set(voters[6].auth)).text;
    expect(blt.split('\n')[1]).toBe('-1');
    const mine = recount(blt, ['--seed', result.seed]);
    expect(mine.withdrawn).toEqual([1]);
    expect(mine.elected).toEqual(result.count.elected.map((c: number) => c + 1));
    expect(mine.stages.map((s: any) => s.totals)).toEqual(result.count.stages.map((s: any) => s.totals));
    clock.advance(DAY);
  });

  it('refuses a withdrawal after opening before voting opens and after certification, saying what to do', async () => {
    const { election, candidates } = await electionInVoting(t, clock, ro, voters, { seats: 1, method: 'scottish-stv', candidates: voters.slice(4, 6) });
    await closeCertifyPublish(t, clock, ro, election.id);
    const res = await t.http().post(`/elections/${election.id}/candidates/${candidates[0]}/withdraw-after-opening`).set(ro.auth);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('POST /elections/');
    expect(res.body.message).toContain('/vacancies');
    clock.advance(DAY);
  });

  it('a winner leaves: countback on the original ballots fills the seat, their mandate ends, the new one begins; published and recountable', async () => {
    const standing = voters.slice(8, 12);
    const { election, candidates } = await electionInVoting(t, clock, ro, voters, { seats: 2, method: 'scottish-stv', candidates: standing });
    await castAll(election.id, candidates);
    clock.set(new Date(clock.now().getTime() + DAY + 1000));
    await ok(await t.http().post(`/elections/${election.id}/close`).set(ro.auth).send({}));
    await ok(await t.http().post(`/elections/${election.id}/certify`).set(ro.auth));
    const { result } = await ok(await t.http().get(`/elections/${election.id}/result`).set(ro.auth));
    expect(result.elected).toHaveLength(2);
    const [leaving, staying] = result.elected as string[];
    const memberOf = (id: string) => result.candidates.find((c: any) => c.id === id).memberId;

    // Only a returning officer records a vacancy; only a seat from this election can be vacant.
    const refused = await t.http().post(`/elections/${election.id}/vacancies`).set(voters[0].auth).send({ candidateId: leaving, reason: 'left' });
    expect(refused.status).toBe(403);
    const loser = candidates.find((c) => !result.elected.includes(c))!;
    expect((await t.http().post(`/elections/${election.id}/vacancies`).set(ro.auth).send({ candidateId: loser, reason: 'left' })).status).toBe(409);
    expect((await t.http().post(`/elections/${election.id}/vacancies`).set(ro.auth).send({ candidateId: leaving, reason: 'bored' })).status).toBe(400);

    const v = await ok(await t.http().post(`/elections/${election.id}/vacancies`).set(ro.auth).send({ candidateId: leaving, reason: 'left' }));
    expect(v.rule).toBe('countback');
    expect(v.vacating.candidateId).toBe(leaving);
    expect(v.filledBy).not.toBeNull();
    expect([leaving, staying]).not.toContain(v.filledBy.candidateId);
    const numberOf = (id: string) => result.candidates.find((c: any) => c.id === id).number;
    expect([...v.seatedNumbers].sort()).toEqual([numberOf(staying), v.filledBy.number].sort());

    // Mandates: the leaving winner's ends, the new one's begins, the other stays.
    const mandates = await t.db.dataSource.query(`SELECT member_id, ends_on FROM identity.mandates WHERE source_kind = 'election' AND source_ref = $1`, [election.id]);
    const held = (memberId: string) => mandates.filter((x: any) => x.member_id === memberId);
    expect(held(memberOf(leaving))[0].ends_on).not.toBeNull();
    expect(held(memberOf(staying))).toHaveLength(1);
    expect(held(memberOf(v.filledBy.candidateId))).toHaveLength(1);
    const audit = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE action = 'election.vacancy-filled' AND subject_id = $1`, [election.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ vacatingCandidateId: leaving, rule: 'countback', filledByCandidateId: v.filledBy.candidateId });

    // Published with the result, and recountable from the BLT file with the command given.
    expect((await t.http().get(`/elections/${election.id}/vacancies`).set(voters[1].auth)).status).toBe(409);
    await ok(await t.http().post(`/elections/${election.id}/publish`).set(ro.auth));
    const [published] = await ok(await t.http().get(`/elections/${election.id}/vacancies`).set(voters[1].auth));
    expect(published).toMatchObject({ id: v.id, filledBy: v.filledBy, rule: 'countback' });
    const blt = (await t.http().get(`/elections/${election.id}/ballots.blt`).set(voters[2].auth)).text;
    const args = published.recountCommand.replace(/^npm run count -- election\.blt /, '').replace(/'/g, '').split(' ');
    const mine = recount(blt, args);
    expect(mine.vacancy.filledBy).toBe(v.filledBy.number);
    expect(mine.vacancy.count.stages.map((s: any) => s.totals)).toEqual(published.recount.stages.map((s: any) => s.totals));
    // The same seat cannot be vacated twice.
    expect((await t.http().post(`/elections/${election.id}/vacancies`).set(ro.auth).send({ candidateId: leaving, reason: 'left' })).status).toBe(409);
    clock.advance(DAY);
  });

  it('representation minimums set before voting opens are applied at certification by the exclusion method', async () => {
    const e = await createElection(t, ro, { seats: 2, method: 'scottish-stv' });
    await ok(await t.http().post(`/elections/${e.id}/open-nominations`).set(ro.auth));
    const standing = voters.slice(12, 16);
    const ids: string[] = [];
    for (const c of standing) ids.push(await stand(t, e.id, c, voters.filter((v) => !standing.includes(v)).slice(0, 3)));
    const group = ids.slice(2); // owed both seats
    const put = (body: object, who = ro) => t.http().put(`/elections/${e.id}/minimums`).set(who.auth).send(body);
    expect((await put({ groups: [{ group: 'women', candidateIds: group, minimum: 2 }] }, voters[0])).status).toBe(403);
    const overlap = await put({ groups: [{ group: 'a', candidateIds: group, minimum: 1 }, { group: 'b', candidateIds: [group[0]], minimum: 1 }] });
    expect(overlap.status).toBe(400);
    expect(overlap.body.message).toContain('must not overlap');
    expect((await put({ groups: [{ group: 'women', candidateIds: group, minimum: 3 }] })).status).toBe(400);
    expect(await ok(await put({ groups: [{ group: 'women', candidateIds: group, minimum: 2 }] }))).toEqual([{ group: 'women', candidateIds: group, minimum: 2 }]);
    await ok(await t.http().post(`/elections/${e.id}/open-voting`).set(ro.auth).send({ closesAt: new Date(clock.now().getTime() + DAY).toISOString() }));
    expect((await put({ groups: [] })).status).toBe(409);

    // The others get most first preferences: without the minimum they would take both seats.
    const others = ids.slice(0, 2);
    for (let i = 0; i < voters.length; i++) {
      const ranking = i < 11 ? [others[0], group[0]] : i < 20 ? [others[1], group[1]] : i < 22 ? [group[0]] : [group[1]];
      await ok(await t.http().post(`/elections/${e.id}/ballots`).set(voters[i].auth).send({ ranking }));
    }
    await closeCertifyPublish(t, clock, ro, e.id);
    const { result } = await ok(await t.http().get(`/elections/${e.id}/result`).set(voters[1].auth));
    expect([...result.elected].sort()).toEqual([...group].sort());
    const exclusion = result.count.stages.find((st: any) => st.action.minimum === true);
    expect(exclusion).toBeDefined();
    expect(await ok(await t.http().get(`/elections/${e.id}/minimums`).set(voters[2].auth))).toEqual([{ group: 'women', candidateIds: group, minimum: 2 }]);
    clock.advance(DAY);
  });
  it('a countback re-applies the election\'s minimums, counted over the kept winners plus the refill; the recount command carries them', async () => {
    const e = await createElection(t, ro, { seats: 2, method: 'scottish-stv' });
    await ok(await t.http().post(`/elections/${e.id}/open-nominations`).set(ro.auth));
    const standing = voters.slice(16, 20);
    const ids: string[] = [];
    for (const c of standing) ids.push(await stand(t, e.id, c, voters.filter((v) => !standing.includes(v)).slice(0, 3)));
    const [m0, m1, w0, w1] = ids;
    await ok(await t.http().put(`/elections/${e.id}/minimums`).set(ro.auth).send({ groups: [{ group: 'women', candidateIds: [w0, w1], minimum: 1 }] }));
    await ok(await t.http().post(`/elections/${e.id}/open-voting`).set(ro.auth).send({ closesAt: new Date(clock.now().getTime() + DAY).toISOString() }));
    // m0 12 (then m1), m1 6, w0 4 (then m1), w1 2 (then m1): quota 9. The minimum seats m0 and w0.
    for (let i = 0; i < voters.length; i++) {
      const ranking = i < 12 ? [m0, m1] : i < 18 ? [m1] : i < 22 ? [w0, m1] : [w1, m1];
      await ok(await t.http().post(`/elections/${e.id}/ballots`).set(voters[i].auth).send({ ranking }));
    }
    await closeCertifyPublish(t, clock, ro, e.id);
    const { result } = await ok(await t.http().get(`/elections/${e.id}/result`).set(voters[1].auth));
    expect([...result.elected].sort()).toEqual([m0, w0].sort());

    // w0 leaves: w0's ballots go on to m1, who would win a plain countback; the minimum seats w1.
    const v = await ok(await t.http().post(`/elections/${e.id}/vacancies`).set(ro.auth).send({ candidateId: w0, reason: 'left' }));
    expect(v.filledBy.candidateId).toBe(w1);
    expect(v.recount.stages.some((st: any) => st.action.minimum === true)).toBe(true);
    const [published] = await ok(await t.http().get(`/elections/${e.id}/vacancies`).set(voters[1].auth));
    expect(published.recountCommand).toContain(`--minimum 'women:1'`);
    const blt = (await t.http().get(`/elections/${e.id}/ballots.blt`).set(voters[2].auth)).text;
    const mine = recount(blt, published.recountCommand.replace(/^npm run count -- election\.blt /, '').replace(/'/g, '').split(' '));
    expect(mine.vacancy.filledBy).toBe(v.filledBy.number);
    expect(mine.vacancy.count.stages.map((st: any) => st.totals)).toEqual(published.recount.stages.map((st: any) => st.totals));
    clock.advance(DAY);
  });
});
