import type { CountResult } from './count-result.model';
import { ballotRefused, countInvalid } from './counting.errors';
import { electHighest, TieBreaker } from './tie-break.policy';

export interface PluralityElection {
  readonly candidates: readonly string[];
  /** Each ballot: the 0-based index of the chosen candidate, or `null` for a blank ballot. */
  readonly ballots: Iterable<number | null>;
  /** Seed for a tie for first place, decided by lot. Default: derived from the totals. */
  readonly seed?: string;
}

/**
 * Plurality (first past the post) for a single seat: the candidate with the most votes wins; a tie
 * for first place is decided by lot with the seeded random. A ballot naming an unknown candidate
 * is refused (it should have been refused when cast).
 */
export function countPlurality(election: PluralityElection): CountResult {
  const n = election.candidates.length;
  if (n === 0) throw countInvalid('a plurality count needs at least one candidate');
  const totals = new Array<number>(n).fill(0);
  let blank = 0;
  let counted = 0;
  let index = 0;
  for (const choice of election.ballots) {
    index++;
    if (choice === null) {
      blank++;
      continue;
    }
    if (!Number.isInteger(choice) || choice < 0 || choice >= n) {
      throw ballotRefused(`ballot ${index} names candidate ${choice}, which does not exist`, { ballot: index });
    }
    totals[choice]++;
    counted++;
  }
  const seed = election.seed ?? `plurality:${totals.join(',')}`;
  const ties = new TieBreaker(seed);
  const eligible = Array.from({ length: n }, (_, c) => c);
  const elected = electHighest(totals, eligible, 1, ties);
  return {
    method: 'plurality',
    candidates: election.candidates,
    seats: 1,
    validPoll: String(counted),
    blankBallots: String(blank),
    elected,
    stages: [{ totals: totals.map(String), elected, excluded: [], action: { kind: 'tally' } }],
    tieBreaks: ties.records,
    seed,
  };
}
