import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  fixturePath,
  normaliseName,
  officialResult,
  readFixture,
  readReport,
  scotlandWards,
  withoutRepeatedStages,
} from '../../../../../test/fixtures/stv/stv-fixtures';
import type { BallotProfile } from './ballot-profile.model';
import { parseBlt } from './blt.parser';
import { parseUnits } from './fixed-point.arithmetic';
import { profileFromBallots } from './ranking-groups.builder';
import { countScottishStv } from './scottish-stv.counter';
import { arbitraryElection } from './stv-arbitraries.spec-helper';

describe('Scottish STV against the official 2017 results (40 wards)', () => {
  const wards = scotlandWards();

  it('has all 40 wards', () => {
    expect(wards).toHaveLength(40);
  });

  it.each(wards)('%s: same winners, quota and every stage total (±0.01)', (ward) => {
    const official = officialResult(ward);
    const profile = parseBlt(readFixture('scotland-2017', `${ward}.blt`));
    const result = countScottishStv(profile);

    expect(profile.ballotCount).toBe(official.valid_poll);
    expect(result.quota).toBe(`${official.quota}.00000`);
    expect([...result.elected].map((c) => c + 1).sort((a, b) => a - b)).toEqual(official.elected);

    const mine = withoutRepeatedStages(result.stages.map((s) => s.totals.map(Number)));
    const theirs = withoutRepeatedStages(official.official_stage_totals.map((s) => s.map(Number)));
    expect(mine).toHaveLength(theirs.length);
    mine.forEach((stage, k) =>
      stage.forEach((value, c) => {
        const gap = Math.abs(value - theirs[k][c]);
        if (gap > 0.01) throw new Error(`${ward} stage ${k + 1} candidate ${c + 1}: ${value} vs official ${theirs[k][c]}`);
      }),
    );
  });
});

describe('Scottish STV against the Droop reports (scotland-fixed-p5-d5)', () => {
  it.each(['42', '513', 'M135', 'Calton-2007', 'Canal-2007', 'Govan-2007'])('%s: every stage, to the last digit', (name) => {
    const profile = parseBlt(readFixture('droop-reference', `${name}.blt`));
    const result = countScottishStv(profile);
    const actions = readReport(readFileSync(fixturePath('droop-reference', `${name}-scotland-fixed-p5-d5.txt`), 'utf8'));
    const names = profile.candidates.map(normaliseName);

    // Droop's stages: the first count, then one per surplus transfer or exclusion.
    const stages = actions.filter((a) => /^(Begin Count|Surplus transferred|Transfer defeated)/.test(a.head));
    expect(result.stages).toHaveLength(stages.length);
    stages.forEach((stage, k) => {
      const mine = result.stages[k];
      names.forEach((candidate, c) => expect([k + 1, candidate, mine.totals[c]]).toEqual([k + 1, candidate, stage.totals.get(candidate) ?? '0.00000']));
      expect(mine.nonTransferable).toBe(stage.nonTransferable);
      expect(mine.lossToFractions).toBe(stage.residual);
    });

    // Who is elected at which stage (order within a stage is not defined by the Order).
    const electedAt: string[][] = stages.map(() => []);
    let k = -1;
    for (const a of actions) {
      if (/^(Begin Count|Surplus transferred|Transfer defeated)/.test(a.head)) k++;
      const m = /^Elect(?:, transfer pending| remaining candidates)?: (.*)$/.exec(a.head);
      if (m) electedAt[k].push(normaliseName(m[1]));
    }
    expect(result.stages.map((s) => s.elected.map((c) => names[c]).sort())).toEqual(electedAt.map((e) => e.sort()));
  });
});

describe('Scottish STV rules', () => {
  const election = (candidates: number, seats: number, ballots: [number, number[]][]): BallotProfile =>
    profileFromBallots({
      candidates: Array.from({ length: candidates }, (_, i) => `C${i + 1}`),
      seats,
      ballots: ballots.map(([weight, ranking]) => ({ weight, ranking })),
    });

  it('uses the Droop quota floor(valid / (seats + 1)) + 1 (rule 46)', () => {
    const result = countScottishStv(election(3, 2, [[10, [0]], [5, [1]], [6, [2]]]));
    expect(result.quota).toBe('8.00000'); // floor(21 / 3) + 1
  });

  it('transfers a surplus at floor5(value × surplus / total) and counts the truncation (rule 48)', () => {
    // C1 has 7 votes, quota 4 (11 valid, 2 seats): surplus 3, value 3/7 = 0.42857(1…).
    const result = countScottishStv(election(3, 2, [[7, [0, 1]], [2, [1]], [2, [2]]]));
    const stage2 = result.stages[1];
    expect(stage2.action).toEqual({ kind: 'surplus', candidate: 0, surplus: '3.00000', total: '7.00000' });
    expect(stage2.totals).toEqual(['4.00000', '4.99999', '2.00000']); // 2 + 7 × 0.42857
    expect(stage2.lossToFractions).toBe('0.00001');
    expect(result.elected).toEqual([0, 1]);
  });

  it('weights papers already transferred by their value (weighted inclusive Gregory)', () => {
    // 25 valid, 2 seats, quota 7. Stage 2: A's surplus 3 of 10 → B gets 10 papers at 0.30000 → 8.
    // Stage 3: B's surplus 1 of 8: its own first preferences go on at 1 × 1/8 = 0.12500 (to D),
    // the papers it received at 0.30000 × 1/8 = 0.03750 (to C).
    const result = countScottishStv(election(5, 3, [[10, [0, 1, 2]], [5, [1, 3]], [4, [2]], [4, [3]], [2, [4]]]));
    expect(result.quota).toBe('7.00000');
    expect(result.stages[1].totals).toEqual(['7.00000', '8.00000', '4.00000', '4.00000', '2.00000']);
    expect(result.stages[2].action).toEqual({ kind: 'surplus', candidate: 1, surplus: '1.00000', total: '8.00000' });
    expect(result.stages[2].totals).toEqual(['7.00000', '7.00000', '4.37500', '4.62500', '2.00000']);
  });

  it('transfers the largest surplus first, one per stage (rule 49(1))', () => {
    const result = countScottishStv(election(4, 3, [[9, [0, 3]], [12, [1, 3]], [3, [2]], [4, [3]]]));
    expect(result.stages[1].action).toMatchObject({ kind: 'surplus', candidate: 1 });
    expect(result.stages[2].action).toMatchObject({ kind: 'surplus', candidate: 0 });
  });

  it('excludes the lowest and passes its papers on at their value (rule 50)', () => {
    const result = countScottishStv(election(4, 2, [[5, [0]], [4, [1]], [3, [2, 1]], [1, [3, 2]]]));
    expect(result.stages[1].action).toMatchObject({ kind: 'exclusion', candidate: 3 });
    expect(result.stages[1].totals).toEqual(['5.00000', '4.00000', '4.00000', '0.00000']);
  });

  it('breaks an exclusion tie by the most recent earlier stage where the tied differed (rule 51(2)(a))', () => {
    // 24 valid, 2 seats, quota 9. Stage 2: A's surplus 1 (value 0.1 on 10 papers) lifts D from 3
    // to 4: C and D tie at 4. At stage 1, D had fewer: D is excluded.
    const result = countScottishStv(election(4, 2, [[10, [0, 3]], [7, [1]], [4, [2]], [3, [3]]]));
    expect(result.stages[1].totals).toEqual(['9.00000', '7.00000', '4.00000', '4.00000']);
    expect(result.stages[2].excluded).toEqual([3]);
    expect(result.tieBreaks).toEqual([{ stage: 3, purpose: 'exclusion', tied: [2, 3], chosen: 3, resolvedBy: 'earlier-stage', decidedAtStage: 1 }]);
    expect(result.elected).toEqual([0, 1]);
  });

  it('decides by lot when the tied were equal at every stage, records the seed, and repeats with it (rule 51(2)(b))', () => {
    const profile = election(3, 1, [[4, [0]], [2, [1]], [2, [2]]]);
    const outcomes = new Set<number>();
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const first = countScottishStv(profile, { seed });
      const again = countScottishStv(profile, { seed });
      expect(again).toEqual(first);
      expect(first.tieBreaks).toHaveLength(1);
      expect(first.tieBreaks[0]).toMatchObject({ resolvedBy: 'lot', seed, tied: [1, 2] });
      outcomes.add(first.tieBreaks[0].chosen);
    }
    expect(outcomes).toEqual(new Set([1, 2])); // both outcomes are reachable by the draw
  });

  it('elects the continuing candidates when they are as many as the vacancies, without further transfers (rule 52)', () => {
    // Quota 4: A is elected with a surplus of 5, but B and C are the only continuing candidates
    // for the 2 seats left: both are elected at stage 1 and A's surplus is never transferred.
    const direct = countScottishStv(election(3, 3, [[9, [0, 2]], [3, [1]], [3, [2]]]));
    expect(direct.stages).toHaveLength(1);
    expect(direct.stages[0].elected).toEqual([0, 1, 2]);
    // After an exclusion: quota 3, A elected without surplus, C excluded, B elected below quota.
    const afterExclusion = countScottishStv(election(3, 2, [[3, [0]], [2, [1]], [1, [2]]]));
    expect(afterExclusion.stages).toHaveLength(2);
    expect(afterExclusion.stages[1]).toMatchObject({ excluded: [2], elected: [1] });
    expect(afterExclusion.stages[1].totals[1]).toBe('2.00000');
  });

  it('refuses equal rankings', () => {
    const profile = parseBlt('2 1\n1 1=2 0\n0\n"A"\n"B"\n"t"\n', { equalRankings: 'allow' });
    expect(() => countScottishStv(profile)).toThrow(expect.objectContaining({ code: 'ballots_invalid' }));
  });
});

describe('Scottish STV properties', () => {
  it('elects exactly min(seats, candidates) candidates', () => {
    fc.assert(
      fc.property(arbitraryElection(), fc.string(), (profile, seed) => {
        const result = countScottishStv(profile, { seed });
        expect(result.elected).toHaveLength(Math.min(profile.seats, profile.candidates.length));
        expect(new Set(result.elected).size).toBe(result.elected.length);
      }),
    );
  });

  it('elects every candidate whose first preferences reach the quota', () => {
    fc.assert(
      fc.property(arbitraryElection(), (profile) => {
        const result = countScottishStv(profile, { seed: 's' });
        const quota = parseUnits(result.quota!, 5);
        result.stages[0].totals.forEach((total, c) => {
          if (parseUnits(total, 5) >= quota) expect(result.elected).toContain(c);
        });
      }),
    );
  });

  it('accounts for every vote at every stage: Σ totals + non-transferable + loss to fractions = valid poll', () => {
    fc.assert(
      fc.property(arbitraryElection(), (profile) => {
        const result = countScottishStv(profile, { seed: 's' });
        const valid = BigInt(profile.ballotCount) * 100000n;
        let previousLoss = 0n;
        for (const stage of result.stages) {
          const totals = stage.totals.reduce((sum, t) => sum + parseUnits(t, 5), 0n);
          const loss = parseUnits(stage.lossToFractions!, 5);
          expect(totals + parseUnits(stage.nonTransferable!, 5) + loss).toBe(valid);
          expect(loss).toBeGreaterThanOrEqual(previousLoss);
          previousLoss = loss;
        }
      }),
    );
  });

  it('gives the same result for the same ballots in any order with the same seed', () => {
    fc.assert(
      fc.property(arbitraryElection(), fc.integer(), (profile, shuffleSeed) => {
        const ballots = [];
        for (let g = 0; g < profile.groupCount; g++) {
          ballots.push({ weight: profile.weights[g], ranking: Array.from(profile.prefs.subarray(profile.offsets[g], profile.offsets[g + 1])) });
        }
        const shuffled = fc.sample(fc.shuffledSubarray(ballots, { minLength: ballots.length }), { seed: shuffleSeed, numRuns: 1 })[0];
        const again = profileFromBallots({ candidates: profile.candidates, seats: profile.seats, ballots: shuffled });
        const a = countScottishStv(profile, { seed: 'x' });
        const b = countScottishStv(again, { seed: 'x' });
        expect(b.elected).toEqual(a.elected);
        expect(b.stages.map((s) => s.totals)).toEqual(a.stages.map((s) => s.totals));
      }),
    );
  });
});
