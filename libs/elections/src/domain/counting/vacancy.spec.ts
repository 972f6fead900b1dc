import { readFixture } from '../../../../../test/fixtures/stv/stv-fixtures';
import type { BallotProfile } from './ballot-profile.model';
import { parseBlt } from './blt.parser';
import type { CountResult } from './count-result.model';
import { countMeekStv } from './meek-stv.counter';
import { profileFromBallots } from './ranking-groups.builder';
import { minimumsMet, type RepresentationMinimum } from './representation-minimum';
import { countScottishStv } from './scottish-stv.counter';
import { countback, countbackMinimums, nextHighest, withCandidatesWithdrawn } from './vacancy';
import { expectSameAsRemoval, withCandidateRemoved, withWithdrawnLine } from './withdrawal.spec-helper';

type Counter = (p: BallotProfile, minimums?: readonly RepresentationMinimum[]) => CountResult;
const COUNTERS: [string, Counter][] = [
  ['Scottish STV', (p, minimums) => countScottishStv(p, { seed: 'v', minimums })],
  ['Meek STV', (p, minimums) => countMeekStv(p, { seed: 'v', minimums })],
];

const FILES: string[][] = [
  ['scotland-2017', 'aberdeen_2017_ward1.blt'],
  ['scotland-2017', 'glasgow_2017_ward10.blt'],
  ['scotland-2017', 'aberdeenshire_2017_ward2.blt'],
  ['droop-reference', 'Calton-2007.blt'],
  ['droop-reference', 'Govan-2007.blt'],
];

describe.each(COUNTERS)('vacancies, %s', (_name, count) => {
  describe.each(FILES)('countback on %s/%s: recount with the vacating winner withdrawn, the others kept elected', (...file) => {
    const text = readFixture(...file).toString('utf8');
    const profile = parseBlt(text);
    const original = count(profile);

    it.each(original.elected.map((c) => [c + 1]))('winner %i leaves', (k) => {
      const filling = countback(profile, original.elected, k - 1, (p, kept) => count(p, kept));
      const others = original.elected.filter((c) => c !== k - 1);
      // The other winners keep their seats; the seat goes to someone who was not elected.
      expect(filling.elected).toHaveLength(original.elected.length);
      expect(filling.elected.filter((c) => c !== filling.filledBy)).toEqual(others);
      expect(filling.filledBy).not.toBeNull();
      expect(original.elected).not.toContain(filling.filledBy);
      // Reference: the file with the winner deleted from every ballot, counted plainly. When that
      // count keeps the other winners (no constraint needed), the countback is exactly it.
      const removed = count(parseBlt(withCandidateRemoved(text, k)));
      const back = (c: number): number => (c >= k - 1 ? c + 1 : c);
      if (others.every((c) => removed.elected.map(back).includes(c))) {
        expectSameAsRemoval(filling.count as CountResult, removed, k);
        expect(filling.filledBy).toBe(removed.elected.map(back).find((c) => !others.includes(c)));
      } else {
        // The exclusion method had to keep them: the filled seat is still one of the reference's winners or runners-up.
        expect(filling.count?.stages.some((s) => s.action.kind !== 'first-preferences' && 'minimum' in s.action)).toBe(true);
      }
    });
  });

  it('the countback profile is the file read with the withdrawn line', () => {
    const text = readFixture('scotland-2017', 'aberdeen_2017_ward1.blt').toString('utf8');
    expect(withCandidatesWithdrawn(parseBlt(text), [4])).toEqual(parseBlt(withWithdrawnLine(text, 5)));
  });

  it('refuses to fill the seat of a candidate who was not elected', () => {
    const profile = parseBlt(readFixture('scotland-2017', 'aberdeen_2017_ward1.blt'));
    const r = count(profile);
    const loser = profile.candidates.findIndex((_, c) => !r.elected.includes(c));
    expect(() => countback(profile, r.elected, loser, (p, kept) => count(p, kept))).toThrow(/was not elected/);
    expect(() => nextHighest(r, loser)).toThrow(/was not elected/);
  });
});

describe.each(COUNTERS)('countback with representation minimums, %s', (_name, count) => {
  // 2 seats; women (B, D) are owed at least 1. A 12 (next C), C 9, B 6, D 4 (next C): quota 11.
  // Unconstrained, A and C win; the exclusion method seats A and B instead.
  const profile = profileFromBallots({
    candidates: ['A', 'B', 'C', 'D'],
    seats: 2,
    ballots: [
      { ranking: [0, 2], weight: 12 },
      { ranking: [2], weight: 9 },
      { ranking: [1, 2], weight: 6 },
      { ranking: [3, 2], weight: 4 },
    ],
  });
  const women: RepresentationMinimum[] = [{ group: 'women', candidates: [1, 3], minimum: 1 }];

  it('the election is counted with the minimum: A and B', () => {
    expect([...count(profile).elected].sort()).toEqual([0, 2]);
    expect([...count(profile, women).elected].sort()).toEqual([0, 1]);
  });

  it('B leaves: the countback gives the seat to D, not to C, so that the kept winner plus the refill still meet the minimum', () => {
    const original = count(profile, women).elected;
    const filling = countback(profile, original, 1, (p, m) => count(p, m), women);
    expect(filling.filledBy).toBe(3);
    expect(minimumsMet(women, filling.elected)).toBe(true);
    expect(filling.count?.stages.some((s) => s.action.kind !== 'first-preferences' && 'minimum' in s.action && s.action.minimum)).toBe(true);
    // Without the election's minimums the countback would seat C.
    expect(countback(profile, original, 1, (p, m) => count(p, m)).filledBy).toBe(2);
  });

  it('A leaves: the kept winner B already meets the minimum, so the refill is the plain countback', () => {
    const original = count(profile, women).elected;
    const withMinimum = countback(profile, original, 0, (p, m) => count(p, m), women);
    expect(withMinimum).toEqual(countback(profile, original, 0, (p, m) => count(p, m)));
  });
});

describe('countbackMinimums', () => {
  const profile = profileFromBallots({
    candidates: ['A', 'B', 'C', 'D', 'E', 'F'],
    seats: 3,
    withdrawn: [5],
    ballots: [{ ranking: [0, 1, 2, 3, 4], weight: 1 }],
  });

  it('keeps the winners as one group and owes each group what its kept winners leave owed, among its candidates not kept and still standing', () => {
    expect(countbackMinimums(profile, [0, 1], [{ group: 'women', candidates: [1, 3, 5], minimum: 2 }])).toEqual([
      { group: 'kept elected', candidates: [0, 1], minimum: 2 },
      { group: 'women', candidates: [3], minimum: 1 },
    ]);
  });

  it('owes nothing to a group already met by the kept winners, or with nobody left standing', () => {
    expect(countbackMinimums(profile, [0, 1], [{ group: 'women', candidates: [1, 5], minimum: 2 }])).toEqual([{ group: 'kept elected', candidates: [0, 1], minimum: 2 }]);
    expect(countbackMinimums(profile, [0, 1], [{ group: 'women', candidates: [1, 2], minimum: 1 }])).toEqual([{ group: 'kept elected', candidates: [0, 1], minimum: 2 }]);
  });

  it('never owes the groups more than the seats the kept winners leave', () => {
    const owed = countbackMinimums(profile, [0, 1], [
      { group: 'women', candidates: [2], minimum: 1 },
      { group: 'young', candidates: [3], minimum: 1 },
    ]);
    expect(owed.reduce((n, m) => n + m.minimum, 0)).toBe(3);
  });
});

describe('next-highest', () => {
  it('gives the seat to the last candidate excluded (or still continuing) in the original count', () => {
    // 2 seats. A 9, B 6, C 4, D 2, E 1 (quota 8): A elected; E, D then C excluded; B elected last.
    const profile = profileFromBallots({
      candidates: ['A', 'B', 'C', 'D', 'E'],
      seats: 2,
      ballots: [
        { ranking: [0], weight: 9 },
        { ranking: [1], weight: 6 },
        { ranking: [2], weight: 4 },
        { ranking: [3], weight: 2 },
        { ranking: [4], weight: 1 },
      ],
    });
    const r = countScottishStv(profile, { seed: 'n' });
    expect([...r.elected].sort()).toEqual([0, 1]);
    const filling = nextHighest(r, 0);
    expect(filling.filledBy).toBe(2);
    expect(filling.elected).toEqual(r.elected.map((c) => (c === 0 ? 2 : c)));
    // Withdrawn candidates never take a seat.
    expect(nextHighest(r, 0, [2]).filledBy).toBe(3);
  });
});
