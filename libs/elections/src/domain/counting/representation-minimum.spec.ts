import fc from 'fast-check';
import { readFixture } from '../../../../../test/fixtures/stv/stv-fixtures';
import type { BallotProfile } from './ballot-profile.model';
import { parseBlt } from './blt.parser';
import type { CountResult } from './count-result.model';
import { countMeekStv } from './meek-stv.counter';
import { profileFromBallots } from './ranking-groups.builder';
import { minimumsMet, type RepresentationMinimum } from './representation-minimum';
import { countScottishStv } from './scottish-stv.counter';
import { arbitraryElection } from './stv-arbitraries.spec-helper';

const COUNTERS: [string, (p: BallotProfile, minimums?: readonly RepresentationMinimum[]) => CountResult][] = [
  ['Scottish STV', (p, minimums) => countScottishStv(p, { seed: 'm', minimums })],
  ['Meek STV', (p, minimums) => countMeekStv(p, { seed: 'm', minimums })],
];

/** An election with one group of candidates (a random subset) and a feasible minimum for it. */
const electionWithMinimum = arbitraryElection({ maxCandidates: 7 }).chain((profile) => {
  const n = profile.candidates.length;
  return fc
    .subarray(
      Array.from({ length: n }, (_, c) => c),
      { minLength: 1 },
    )
    .chain((group) =>
      fc.integer({ min: 0, max: Math.min(group.length, profile.seats) }).map((minimum) => ({ profile, minimums: [{ group: 'g', candidates: group, minimum }] })),
    );
});

describe.each(COUNTERS)('representation minimums, %s', (_name, count) => {
  it('property: when the unconstrained result already meets the minimums, the result is identical', () => {
    let met = 0;
    fc.assert(
      fc.property(electionWithMinimum, ({ profile, minimums }) => {
        const free = count(profile);
        fc.pre(minimumsMet(minimums, free.elected));
        met++;
        expect(count(profile, minimums)).toEqual(free);
      }),
      { numRuns: 300, seed: 16 },
    );
    expect(met).toBeGreaterThan(50);
  });

  it('property: the result always meets a feasible minimum and fills as many seats as without it', () => {
    fc.assert(
      fc.property(electionWithMinimum, ({ profile, minimums }) => {
        const free = count(profile);
        const constrained = count(profile, minimums);
        expect(minimumsMet(minimums, constrained.elected)).toBe(true);
        expect(constrained.elected).toHaveLength(free.elected.length);
        expect(new Set(constrained.elected).size).toBe(constrained.elected.length);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('once the seats left equal the seats owed, every continuing candidate outside the group is excluded together', () => {
    // A 6, B 4, C 3 (C is the group, owed the only seat): A and B are excluded at stage 2, C elected.
    const profile = profileFromBallots({
      candidates: ['A', 'B', 'C'],
      seats: 1,
      ballots: [
        { ranking: [0, 2], weight: 6 },
        { ranking: [1], weight: 4 },
        { ranking: [2], weight: 3 },
      ],
    });
    expect(count(profile).elected).toEqual([0]);
    const r = count(profile, [{ group: 'women', candidates: [2], minimum: 1 }]);
    expect(r.elected).toEqual([2]);
    const exclusion = r.stages.find((s) => s.excluded.length > 0)!;
    expect([...exclusion.excluded].sort()).toEqual([0, 1]);
    expect(exclusion.action).toEqual(expect.objectContaining({ minimum: true }));
    // A's 6 papers went on to C; B's 4 had no further preference.
    expect(Number(r.stages[r.stages.length - 1].totals[2])).toBe(9);
  });

  it('a real ward: a minimum of two seats for candidates the unconstrained count did not elect', () => {
    const profile = parseBlt(readFixture('scotland-2017', 'aberdeen_2017_ward1.blt'));
    const free = count(profile);
    const losers = profile.candidates.map((_, c) => c).filter((c) => !free.elected.includes(c));
    const r = count(profile, [{ group: 'g', candidates: losers, minimum: 2 }]);
    expect(r.elected.filter((c) => losers.includes(c))).toHaveLength(2);
    expect(r.elected).toHaveLength(free.elected.length);
  });

  it('refuses minimums that cannot be met, saying why', () => {
    const profile = profileFromBallots({ candidates: ['A', 'B', 'C'], seats: 1, ballots: [{ ranking: [0] }] });
    expect(() => count(profile, [{ group: 'g', candidates: [1, 2], minimum: 2 }])).toThrow(/only 1 are to be filled/);
    expect(() => count(profile, [{ group: 'g', candidates: [1], minimum: 1 }, { group: 'h', candidates: [1], minimum: 0 }])).toThrow(/must not overlap/);
    expect(() => count(profile, [{ group: 'g', candidates: [7], minimum: 1 }])).toThrow(/does not exist/);
  });
});
