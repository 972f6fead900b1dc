import fc from 'fast-check';
import type { DomainError } from '@org/kernel';
import { readFixture } from '../../../../../test/fixtures/stv/stv-fixtures';
import { rankingOf } from './ballot-profile.model';
import type { BallotProfile } from './ballot-profile.model';
import { parseBlt } from './blt.parser';
import { writeBlt } from './blt.writer';
import { arbitraryElection } from './stv-arbitraries.spec-helper';

/** The groups as "weight: ranking" strings, sorted: equal for the same ballots in any order. */
function groupsOf(profile: BallotProfile): string[] {
  const out: string[] = [];
  for (let g = 0; g < profile.groupCount; g++) {
    const ties = profile.tiedWithNext;
    const ranking = rankingOf(profile, g)
      .map((c, i) => `${c}${ties && ties[profile.offsets[g] + i] ? '=' : ''}`)
      .join(' ');
    out.push(`${profile.weights[g]}: ${ranking}`);
  }
  return out.sort();
}

function errorOf(text: string, options?: Parameters<typeof parseBlt>[1]): DomainError {
  try {
    parseBlt(text, options);
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected the file to be refused');
}

describe('parseBlt', () => {
  it('reads the classic format and merges identical rankings', () => {
    const profile = parseBlt('4 2\n-2\n3 1 3 4 0\n4 1 3 2 0\n2 4 1 3 0\n1 2 0\n2 2 4 3 1 0\n1 3 4 2 0\n1 1 3 4 0\n0\n"Adam"\n"Basil"\n"Charlotte"\n"Donald"\n"Title"\n');
    expect(profile.candidates).toEqual(['Adam', 'Basil', 'Charlotte', 'Donald']);
    expect(profile.seats).toBe(2);
    expect(profile.title).toBe('Title');
    expect(profile.withdrawn).toEqual([1]);
    // Basil (index 1) is withdrawn: removed from every ranking; "1 2 0" becomes blank.
    expect(groupsOf(profile)).toEqual(['1: 2 3', '2: 3 0 2', '2: 3 2 0', '4: 0 2', '4: 0 2 3']);
    expect(profile.ballotCount).toBe(13);
    expect(profile.blankBallots).toBe(1);
  });

  it('accepts ballot ids, comments, CRLF line ends, a BOM and a trailer after the title', () => {
    const text = '\uFEFF# header comment\r\n3 1\r\n(b1) 1 1 2 0\r\n(b2) 1 1 2 0 # same ranking\r\n/* block\r\ncomment */ 2 3 0\r\n0\r\n"A"\r\n"B"\r\n"C"\r\n"T"\r\n"source"\r\nfree text trailer 12 3\r\n';
    const profile = parseBlt(text);
    expect(groupsOf(profile)).toEqual(['2: 0 1', '2: 2']);
    expect(profile.title).toBe('T');
  });

  it('reads Droop / stv-rs options: [nick], [withdrawn], [tie]', () => {
    const profile = parseBlt('3 1\n[nick a b c]\n[withdrawn b]\n[tie c a b]\n2 a b 0\n1 c 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    expect(profile.withdrawn).toEqual([1]);
    expect(profile.tieOrder).toEqual([2, 0, 1]);
    expect(groupsOf(profile)).toEqual(['1: 2', '2: 0']);
  });

  it('keeps equal rankings only when asked', () => {
    const text = '3 1\n2 1=2 3 0\n0\n"A"\n"B"\n"C"\n"T"\n';
    expect(groupsOf(parseBlt(text, { equalRankings: 'allow' }))).toEqual(['2: 0= 1 2']);
    expect(errorOf(text)).toMatchObject({
      kind: 'invalid',
      code: 'blt_invalid',
      message: 'line 2: equal rankings ("=") are not allowed for this count: each preference must name exactly one candidate',
    });
  });

  it('reads the 5,000 stv-rs ballots with equal rankings', () => {
    const profile = parseBlt(readFixture('meek-reference/rand_mixed_5k.blt'), { equalRankings: 'allow' });
    expect(profile.ballotCount).toBe(5000);
    expect(profile.candidates).toHaveLength(20);
    expect(profile.hasEqualRankings).toBe(true);
  });

  it.each([
    ['', 'line 1: the file is empty'],
    ['4\n', 'line 1: the first line must give two numbers'],
    ['4 2 1\n', 'line 1: the first line must contain only "candidates seats"'],
    ['x 2\n', 'line 1: expected the number of candidates, found "x"'],
    ['2 0\n0\n"A"\n"B"\n"T"\n', 'line 1: there must be at least one seat'],
    ['2 1\n1 1 2\n0\n"A"\n"B"\n"T"\n', 'line 2: the ballot does not end with 0'],
    ['2 1\n1 1 3 0\n0\n"A"\n"B"\n"T"\n', 'line 2: candidate 3 does not exist (there are 2 candidates)'],
    ['2 1\n1 1 1 0\n0\n"A"\n"B"\n"T"\n', 'line 2: candidate 1 is ranked twice on the same ballot'],
    ['2 1\n1 1 - 2 0\n0\n"A"\n"B"\n"T"\n', 'line 2: a skipped preference ("-") is not supported'],
    ['2 1\n1.5 1 0\n0\n"A"\n"B"\n"T"\n', 'line 2: the ballot weight must be a whole number'],
    ['2 1\n1 1 0 2\n0\n"A"\n"B"\n"T"\n', 'line 2: unexpected "2" after the 0 that ends the ballot'],
    ['2 1\n1 1 0\n1 2x 0\n0\n"A"\n"B"\n"T"\n', 'line 3: "2x" is not a candidate number'],
    ['2 1\n1 1 0\n1 2 0\n', 'line 4: the file ends before the line "0" that closes the ballots'],
    ['2 1\n1 1 0\n0\n"A"\n', 'line 5: the file ends before the name of candidate 2'],
    ['2 1\n1 1 0\n0\n"A"\nB\n"T"\n', 'line 5: expected the name of candidate 2 in double quotes, found "B"'],
    ['2 1\n1 1 0\n-2\n0\n"A"\n"B"\n"T"\n', 'line 3: withdrawn candidates ("-N") must be listed before the first ballot'],
    ['2 1\n-3\n0\n"A"\n"B"\n"T"\n', 'line 2: candidate 3 does not exist'],
    ['2 1\n[colour red]\n0\n"A"\n"B"\n"T"\n', 'line 2: unknown option [colour]'],
    ['2 1\n[nick a b]\n1 a c 0\n0\n"A"\n"B"\n"T"\n', 'line 3: unknown candidate nickname "c"'],
    ['2 1\n(x 1 1 0\n0\n"A"\n"B"\n"T"\n', 'line 2: a ballot id opened with "(" is not closed with ")"'],
  ])('refuses %j with "%s…"', (text, message) => {
    const error = errorOf(text);
    expect(error).toMatchObject({ kind: 'invalid', code: 'blt_invalid' });
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('gives the same groups for a 1,000-line file written one ballot per line or aggregated', () => {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++) lines.push(`1 ${(i % 5) + 1} ${((i * 7) % 5) + 1 === (i % 5) + 1 ? '' : `${((i * 7) % 5) + 1} `}0`);
    const profile = parseBlt(`5 2\n${lines.join('\n')}\n0\n"A"\n"B"\n"C"\n"D"\n"E"\n"T"\n`);
    expect(profile.ballotCount).toBe(1000);
    const again = parseBlt(writeBlt(profile));
    expect(groupsOf(again)).toEqual(groupsOf(profile));
    expect(again.groupCount).toBe(profile.groupCount);
    expect(profile.groupCount).toBeLessThanOrEqual(25);
  });
});

describe('writeBlt', () => {
  it('round-trips through parseBlt (property)', () => {
    fc.assert(
      fc.property(arbitraryElection(), (profile) => {
        const again = parseBlt(writeBlt(profile));
        expect(again.candidates).toEqual(profile.candidates);
        expect(again.seats).toBe(profile.seats);
        expect(again.ballotCount).toBe(profile.ballotCount);
        expect(groupsOf(again)).toEqual(groupsOf(profile));
      }),
    );
  });

  it('writes withdrawn candidates and equal rankings', () => {
    const profile = parseBlt('3 1\n-2\n2 1=3 0\n0\n"A"\n"B"\n"C"\n"T"\n', { equalRankings: 'allow' });
    expect(writeBlt(profile)).toBe('3 1\n-2\n2 1=3 0\n0\n"A"\n"B"\n"C"\n"T"\n');
  });

  it('refuses a name it cannot quote', () => {
    const profile = parseBlt('1 1\n1 1 0\n0\n"A"\n"T"\n');
    expect(() => writeBlt({ ...profile, candidates: ['Say "hi"'] })).toThrow(expect.objectContaining({ code: 'ballots_invalid' }));
  });
});
