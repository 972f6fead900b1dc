import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { DAY, electionInVoting, LONG_SESSIONS, members, ok, returningOfficer, type Signed } from './election-fixtures';

/**
 * Results people can see: the returning officer sees who was elected before publishing; the
 * published result carries turnout per branch with small-cell suppression ("fewer than N").
 */
describe('elections: turnout per branch, with small cells suppressed', () => {
  const clock = new FixedClock(new Date('2026-07-01T08:00:00Z'));
  let t: TestApp;
  let ro: Signed;
  let north: Signed[];
  let east: Signed[];
  let northId: string;
  let eastId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { ...LONG_SESSIONS, ELECTIONS_TURNOUT_CELL_MINIMUM: '3' } });
    ro = await returningOfficer(t);
    northId = await t.make.branch();
    eastId = await t.make.branch();
    north = await members(t, 12, northId);
    east = await members(t, 3, eastId);
  });
  afterAll(() => t.close());

  it('the officer sees the elected before publishing; members see turnout per branch where no figure is below the threshold', async () => {
    const voters = [...north, ...east];
    const { election, candidates } = await electionInVoting(t, clock, ro, voters, { seats: 1, method: 'scottish-stv', candidates: north.slice(0, 2), closesInMs: DAY });
    // North: 8 of 12 vote. East: 1 of 3 votes.
    for (const v of [...north.slice(0, 8), east[0]]) await ok(await t.http().post(`/elections/${election.id}/ballots`).set(v.auth).send({ ranking: [candidates[0], candidates[1]] }));
    clock.advance(DAY + 1000);
    await ok(await t.http().post(`/elections/${election.id}/close`).set(ro.auth).send({}));
    await ok(await t.http().post(`/elections/${election.id}/certify`).set(ro.auth));

    // Certified, not published: the returning officer sees who was elected; a member does not yet.
    const early = await ok(await t.http().get(`/elections/${election.id}/result`).set(ro.auth));
    expect(early.result.elected).toEqual([candidates[0]]);
    expect((await t.http().get(`/elections/${election.id}/result`).set(north[11].auth)).status).toBe(409);

    await ok(await t.http().post(`/elections/${election.id}/publish`).set(ro.auth));
    const { turnoutByBranch } = await ok(await t.http().get(`/elections/${election.id}/result`).set(north[11].auth));
    const byBranch = new Map(turnoutByBranch.map((r: any) => [r.branchId, r]));
    expect(byBranch.get(northId)).toMatchObject({ electors: { value: 12 }, voted: { value: 8 }, percent: 66.7 });
    // East: 3 electors is at the threshold; 1 voter is below it, and so is withheld.
    expect(byBranch.get(eastId)).toMatchObject({ electors: { value: 3 }, voted: { fewerThan: 3 }, percent: null });
    // No published number anywhere is below the threshold.
    for (const r of turnoutByBranch) for (const c of [r.electors, r.voted]) if (c.value !== undefined) expect(c.value).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(turnoutByBranch)).not.toMatch(/"value":[0-2][,}]/);
  });
});
