import type { BallotProfile } from './ballot-profile.model';
import { ballotsInvalid } from './counting.errors';

/**
 * Writes a profile as a BLT file that `parseBlt` reads back to the same profile: header,
 * withdrawn candidates (`-N`), one line per ranking group (`weight p1 p2 … 0`, 1-based, equal
 * rankings joined with `=`), the closing `0`, quoted names and the quoted title.
 * Blank ballots are not written (they are not part of the valid poll).
 */
export function writeBlt(profile: BallotProfile): string {
  const quote = (text: string, what: string): string => {
    if (text.includes('"') || text.includes('\n')) throw ballotsInvalid(`${what} cannot be written to BLT: it contains a double quote or a line break`);
    return `"${text}"`;
  };
  const parts: string[] = [`${profile.candidates.length} ${profile.seats}`];
  if (profile.withdrawn.length > 0) parts.push(profile.withdrawn.map((c) => `-${c + 1}`).join(' '));
  const ties = profile.tiedWithNext;
  for (let g = 0; g < profile.groupCount; g++) {
    let line = String(profile.weights[g]);
    const end = profile.offsets[g + 1];
    for (let i = profile.offsets[g]; i < end; i++) {
      line += `${ties && i > profile.offsets[g] && ties[i - 1] ? '=' : ' '}${profile.prefs[i] + 1}`;
    }
    parts.push(`${line} 0`);
  }
  parts.push('0');
  profile.candidates.forEach((name, i) => parts.push(quote(name, `the name of candidate ${i + 1}`)));
  parts.push(quote(profile.title, 'the title'));
  return `${parts.join('\n')}\n`;
}
