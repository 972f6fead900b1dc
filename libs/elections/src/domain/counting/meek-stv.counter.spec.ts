import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fixturePath, normaliseName, officialResult, readFixture, readReport, scotlandWards } from '../../../../../test/fixtures/stv/stv-fixtures';
import { parseBlt } from './blt.parser';
import type { CountResult } from './count-result.model';
import { parseUnits } from './fixed-point.arithmetic';
import { countMeekStv, type MeekStvOptions } from './meek-stv.counter';
import { profileFromBallots } from './ranking-groups.builder';
import { arbitraryElection } from './stv-arbitraries.spec-helper';

/**
 * Compares a count with a reference transcript: every "Elect: X" and "Defeat (…): X" action, in
 * order, must name the candidate this count elects or defeats at that point, with the same quota
 * and the same total (9 places, to the last digit) for every candidate the transcript lists; and
 * the final list of winners (including "Elect remaining") must be the same, in the same order.
 */
function expectSameAsTranscript(blt: string, transcript: string, options: MeekStvOptions): CountResult {
  const profile = parseBlt(readFixture(blt), { equalRankings: 'allow' });
  const result = countMeekStv(profile, options);
  const text = readFileSync(fixturePath(transcript), 'utf8');
  const decisive = readReport(text).filter((a) => /^(Elect: |Defeat \()/.test(a.head));
  const names = profile.candidates.map(normaliseName);

  let next = 0;
  for (const stage of result.stages.slice(1)) {
    if (stage.action.kind === 'meek-round' && stage.action.outcome === 'remaining') continue;
    for (const c of [...stage.elected, ...stage.excluded]) {
      const action = decisive[next++];
      expect(action?.head).toMatch(new RegExp(`: ${names[c].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      expect(stage.quota).toBe(action.quota);
      for (const [name, value] of action.totals) expect([action.head, name, stage.totals[names.indexOf(name)]]).toEqual([action.head, name, value]);
    }
  }
  expect(next).toBe(decisive.length);
  const winners = [...text.matchAll(/^Action: Elect(?: remaining)?: (.*)$/gm)].map((m) => normaliseName(m[1]));
  expect(result.elected.map((c) => names[c])).toEqual(winners);
  return result;
}

describe('Meek STV against the stv-rs transcripts (omega 10^-6, 9-place fixed point)', () => {
  it('vegetables (withdrawn candidates, nicknames)', () => {
    expectSameAsTranscript('meek-reference/vegetables.blt', 'meek-reference/vegetables.fixed9.transcript.txt', { tieBreak: 'candidate-order' });
  });

  it('vegetables, equalized counting', () => {
    expectSameAsTranscript('meek-reference/vegetables.blt', 'meek-reference/vegetables.equalize.fixed9.transcript.txt', {
      tieBreak: 'candidate-order',
      equalRankings: 'equalize',
    });
  });

  it('rand_mixed_5k (5,000 ballots with equal rankings)', () => {
    expectSameAsTranscript('meek-reference/rand_mixed_5k.blt', 'meek-reference/rand_mixed_5k.fixed9.transcript.txt', { tieBreak: 'candidate-order' });
  });

  it('rand_mixed_5k, equalized counting', () => {
    expectSameAsTranscript('meek-reference/rand_mixed_5k.blt', 'meek-reference/rand_mixed_5k.equalize.fixed9.transcript.txt', {
      tieBreak: 'candidate-order',
      equalRankings: 'equalize',
    });
  });
});

describe('Meek STV against Droop (PR Foundation Meek reference, meek-prf-o6-fixed-p9-d9)', () => {
  it.each(['42', '513', 'M135'])('%s', (name) => {
    const result = expectSameAsTranscript(`droop-reference/${name}.blt`, `droop-reference/${name}-meek-prf-o6-fixed-p9-d9.txt`, {
      rounding: 'keep-up',
      tieBreak: 'candidate-order',
    });
    if (name === 'M135') {
      // "Break tie (defeat low candidate): [C13, C16] -> C13"
      expect(result.tieBreaks).toEqual([{ stage: 13, purpose: 'exclusion', tied: [12, 15], chosen: 12, resolvedBy: 'tie-order' }]);
    }
  });
});

describe('Meek STV is not the Scottish rule', () => {
  it('elects someone else than the official Scottish count in exactly 3 of the 40 wards', () => {
    const differing = scotlandWards().filter((ward) => {
      const result = countMeekStv(parseBlt(readFixture('scotland-2017', `${ward}.blt`)), { seed: 'x' });
      return result.elected.map((c) => c + 1).sort((a, b) => a - b).join() !== officialResult(ward).elected.join();
    });
    expect(differing).toEqual(['aberdeen_2017_ward10', 'fife_2017_ward6', 'glasgow_2017_ward5']);
  });
});

describe('Meek STV rules', () => {
  it('defeats by lot among candidates tied within the surplus, with the seed recorded and reproducible', () => {
    const profile = profileFromBallots({
      candidates: ['A', 'B', 'C'],
      seats: 1,
      ballots: [
        { weight: 4, ranking: [0] },
        { weight: 2, ranking: [1] },
        { weight: 2, ranking: [2] },
      ],
    });
    const chosen = new Set<number>();
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const result = countMeekStv(profile, { seed });
      expect(countMeekStv(profile, { seed })).toEqual(result);
      expect(result.tieBreaks[0]).toMatchObject({ resolvedBy: 'lot', seed, tied: [1, 2] });
      chosen.add(result.tieBreaks[0].chosen);
    }
    expect(chosen).toEqual(new Set([1, 2]));
  });

  it('follows a [tie …] order given in the ballot file', () => {
    const profile = parseBlt('3 1\n[tie 3 2 1]\n4 1 0\n2 2 0\n2 3 0\n0\n"A"\n"B"\n"C"\n"t"\n');
    const result = countMeekStv(profile);
    expect(result.tieBreaks).toEqual([{ stage: 2, purpose: 'exclusion', tied: [1, 2], chosen: 2, resolvedBy: 'tie-order' }]);
  });

  it('refuses equal rankings under the PR Foundation rule', () => {
    const profile = parseBlt('2 1\n1 1=2 0\n0\n"A"\n"B"\n"t"\n', { equalRankings: 'allow' });
    expect(() => countMeekStv(profile, { rounding: 'keep-up' })).toThrow(expect.objectContaining({ code: 'ballots_invalid' }));
  });
});

describe('Meek STV properties', () => {
  const options = fc.constantFrom<MeekStvOptions>({ rounding: 'split-down' }, { rounding: 'keep-up' });

  it('elects exactly min(seats, candidates) candidates', () => {
    fc.assert(
      fc.property(arbitraryElection(), options, fc.string(), (profile, opts, seed) => {
        const result = countMeekStv(profile, { ...opts, seed });
        expect(result.elected).toHaveLength(Math.min(profile.seats, profile.candidates.length));
        expect(new Set(result.elected).size).toBe(result.elected.length);
      }),
      { numRuns: 60 },
    );
  });

  it('elects every candidate whose first preferences reach the first quota', () => {
    fc.assert(
      fc.property(arbitraryElection(), options, (profile, opts) => {
        const result = countMeekStv(profile, { ...opts, seed: 's' });
        const quota = parseUnits(result.stages[0].quota!, 9);
        result.stages[0].totals.forEach((total, c) => {
          if (parseUnits(total, 9) >= quota) expect(result.elected).toContain(c);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the votes whole: Σ totals + exhausted = ballots, and nobody is elected below the quota of their stage', () => {
    fc.assert(
      fc.property(arbitraryElection(), options, (profile, opts) => {
        const result = countMeekStv(profile, { ...opts, seed: 's' });
        const ballots = BigInt(profile.ballotCount) * 1_000_000_000n;
        for (const stage of result.stages) {
          const totals = stage.totals.reduce((sum, t) => sum + parseUnits(t, 9), 0n);
          const exhausted = parseUnits(stage.nonTransferable!, 9);
          expect(exhausted).toBeGreaterThanOrEqual(0n);
          expect(totals + exhausted).toBe(ballots);
          if (stage.action.kind === 'meek-round' && stage.action.outcome === 'elected') {
            for (const c of stage.elected) expect(parseUnits(stage.totals[c], 9)).toBeGreaterThanOrEqual(parseUnits(stage.quota!, 9));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('re-running with the same seed gives the same result', () => {
    fc.assert(
      fc.property(arbitraryElection(), fc.string(), (profile, seed) => {
        expect(countMeekStv(profile, { seed })).toEqual(countMeekStv(profile, { seed }));
      }),
      { numRuns: 40 },
    );
  });
});
