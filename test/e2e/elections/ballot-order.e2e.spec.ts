import { createHash } from 'node:crypto';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { electionInVoting, LONG_SESSIONS, members, ok, returningOfficer, type Signed } from './election-fixtures';

/**
 * The order of the candidates on the ballot paper is drawn by lot for each election from a seed
 * published with it — never alphabetical by default — and anyone can recompute it.
 */
describe('elections: ballot order by lot', () => {
  const clock = new FixedClock(new Date('2026-05-04T08:00:00Z'));
  let t: TestApp;
  let ro: Signed;
  let voters: Signed[];
  let candidates: Signed[];

  beforeAll(async () => {
    t = await createTestApp({ clock, env: LONG_SESSIONS });
    ro = await returningOfficer(t);
    const branch = await t.make.branch();
    candidates = [];
    for (const lastName of ['Abbott', 'Baker', 'Clarke', 'Dunn', 'Evans', 'Fischer']) candidates.push(await t.make.signedInMember({ branchId: branch, lastName }));
    voters = [...candidates, ...(await members(t, 4, branch))];
  });
  afterAll(() => t.close());

  /** The published rule, written again here: ids sorted by SHA-256 of the seed and the id. */
  const expectedOrder = (seed: string, ids: string[]) =>
    [...ids].sort((a, b) => {
      const ka = createHash('sha256').update(`commons-ballot-order-v1\n${seed}\n${a}`).digest('hex');
      const kb = createHash('sha256').update(`commons-ballot-order-v1\n${seed}\n${b}`).digest('hex');
      return ka < kb ? -1 : 1;
    });

  it('each election draws its own seed when voting opens, publishes it, and numbers the candidates in the order it gives — not alphabetically', async () => {
    const seeds = new Set<string>();
    let alphabetical = 0;
    for (let i = 0; i < 3; i++) {
      const { election, candidates: inBallotOrder } = await electionInVoting(t, clock, ro, voters, { seats: 2, method: 'scottish-stv', candidates });
      // Any member reads the seed and the paper.
      const paper = await ok(await t.http().get(`/elections/${election.id}`).set(voters[9].auth));
      expect(paper.ballotOrderSeed).toMatch(/^[0-9a-f]{32}$/);
      seeds.add(paper.ballotOrderSeed);
      expect(inBallotOrder).toEqual(expectedOrder(paper.ballotOrderSeed, inBallotOrder));
      expect(paper.candidates.filter((c: any) => c.status === 'nominated').map((c: any) => c.ballotNumber).sort()).toEqual([1, 2, 3, 4, 5, 6]);
      const names = inBallotOrder.map((id) => paper.candidates.find((c: any) => c.id === id).name as string);
      expect(new Set(names).size).toBe(6);
      if (names.join('|') === [...names].sort((a, b) => a.localeCompare(b)).join('|')) alphabetical++;
    }
    expect(seeds.size).toBe(3);
    // Each order is one of 720: three alphabetical papers in a row would mean the lot is not drawn.
    expect(alphabetical).toBeLessThan(3);
  });

  it('the seed is fixed once voting is open: before, there is none', async () => {
    const e = await ok(
      await t.http().post('/elections').set(ro.auth).send({ title: 'Draft only', purpose: 'motion', scope: 'organization', motionText: 'That the branch meets monthly.', seats: 1, method: 'motion' }),
    );
    expect((await ok(await t.http().get(`/elections/${e.id}`).set(ro.auth))).ballotOrderSeed).toBeNull();
  });
});
