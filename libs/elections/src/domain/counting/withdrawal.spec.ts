import { readFixture } from '../../../../../test/fixtures/stv/stv-fixtures';
import { parseBlt } from './blt.parser';
import { writeBlt } from './blt.writer';
import { countMeekStv } from './meek-stv.counter';
import { countScottishStv } from './scottish-stv.counter';
import { expectSameAsRemoval, withCandidateRemoved, withWithdrawnLine } from './withdrawal.spec-helper';

/**
 * A candidate who withdraws after voting opened stays on the paper; the count skips them on every
 * ballot, as the BLT withdrawn line (`-N` after the header) tells Droop and OpenSTV to do.
 *
 * Reference: neither Droop nor OpenSTV is installed where these specs run, so the reference is
 * what withdrawal means — the same ballot file with the candidate deleted from every ballot and
 * from the candidate list (the others renumbered), built here by plain text editing of the file,
 * not by the parser, and counted as an ordinary election. Both counts must agree on the winners
 * and on every stage total, and the withdrawn candidate must hold nothing at any stage.
 */

const CASES: { file: string[] }[] = [
  // Real wards: withdraw the first winner of the official count, and a candidate who was not elected.
  { file: ['scotland-2017', 'aberdeen_2017_ward1.blt'] },
  { file: ['scotland-2017', 'glasgow_2017_ward10.blt'] },
  { file: ['scotland-2017', 'aberdeenshire_2017_ward2.blt'] },
  { file: ['droop-reference', 'Calton-2007.blt'] },
  { file: ['droop-reference', 'Govan-2007.blt'] },
];

describe('withdrawal after voting opened: counted as if the candidate were deleted from every ballot', () => {
  for (const c of CASES) {
    const text = readFixture(...c.file).toString('utf8');
    const unconstrained = countScottishStv(parseBlt(text), { seed: 'w' });
    const losers = unconstrained.candidates.map((_, i) => i).filter((i) => !unconstrained.elected.includes(i));
    const picks = [unconstrained.elected[0] + 1, losers[losers.length - 1] + 1];

    for (const k of picks) {
      it(`${c.file[1]} without candidate ${k}: Scottish STV`, () => {
        const withdrawn = countScottishStv(parseBlt(withWithdrawnLine(text, k)), { seed: 'w' });
        const removed = countScottishStv(parseBlt(withCandidateRemoved(text, k)), { seed: 'w' });
        expectSameAsRemoval(withdrawn, removed, k);
      });

      it(`${c.file[1]} without candidate ${k}: Meek STV`, () => {
        const withdrawn = countMeekStv(parseBlt(withWithdrawnLine(text, k)), { seed: 'w' });
        const removed = countMeekStv(parseBlt(withCandidateRemoved(text, k)), { seed: 'w' });
        expectSameAsRemoval(withdrawn, removed, k);
      });
    }

    it(`${c.file[1]}: withdrawing a winner changes the result (the reference can tell)`, () => {
      const k = unconstrained.elected[0] + 1;
      const withdrawn = countScottishStv(parseBlt(withWithdrawnLine(text, k)), { seed: 'w' });
      expect(withdrawn.elected).not.toContain(k - 1);
      expect(withdrawn.elected.length).toBe(unconstrained.elected.length);
    });
  }

  it('the writer puts the withdrawn line after the header, and the parser reads it back', () => {
    const text = readFixture('scotland-2017', 'aberdeen_2017_ward1.blt').toString('utf8');
    const profile = parseBlt(withWithdrawnLine(withWithdrawnLine(text, 2), 5));
    expect(profile.withdrawn).toEqual([1, 4]);
    const written = writeBlt(profile);
    expect(written.split('\n')[1]).toBe('-2 -5');
    const again = parseBlt(written);
    expect(again.withdrawn).toEqual([1, 4]);
    expect(countScottishStv(again, { seed: 's' })).toEqual(countScottishStv(profile, { seed: 's' }));
  });
});
