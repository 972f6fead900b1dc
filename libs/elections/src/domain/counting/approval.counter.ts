import type { CountResult } from './count-result.model';
import { ballotRefused, countInvalid } from './counting.errors';
import { electHighest, TieBreaker } from './tie-break.policy';

export interface ApprovalElection {
  readonly candidates: readonly string[];
  readonly seats: number;
  /** Each ballot: the 0-based indices of the approved candidates (empty = blank). */
  readonly ballots: Iterable<readonly number[]>;
  /** Seed for ties at the last seat, decided by lot. Default: derived from the totals. */
  readonly seed?: string;
}

/**
 * Approval voting: each ballot approves any number of candidates, one vote each; the `seats`
 * candidates with the most approvals are elected, a tie for the last seat(s) by lot. A ballot
 * naming an unknown candidate, or the same one twice, is refused.
 */
export function countApproval(election: ApprovalElection): CountResult {
  const n = election.candidates.length;
  if (n === 0) throw countInvalid('an approval count needs at least one candidate');
  if (!Number.isInteger(election.seats) || election.seats < 1) throw countInvalid('the number of seats must be a whole number of at least 1');
  const totals = new Array<number>(n).fill(0);
  const stamp = new Int32Array(n).fill(-1);
  let blank = 0;
  let counted = 0;
  let index = 0;
  for (const approvals of election.ballots) {
    for (const c of approvals) {
      if (!Number.isInteger(c) || c < 0 || c >= n) throw ballotRefused(`ballot ${index + 1} approves candidate ${c}, which does not exist`, { ballot: index + 1 });
      if (stamp[c] === index) throw ballotRefused(`ballot ${index + 1} approves candidate ${c} twice`, { ballot: index + 1 });
      stamp[c] = index;
    }
    for (const c of approvals) totals[c]++;
    if (approvals.length === 0) blank++;
    else counted++;
    index++;
  }
  const seed = election.seed ?? `approval:${totals.join(',')}`;
  const ties = new TieBreaker(seed);
  const seats = Math.min(election.seats, n);
  const elected = electHighest(totals, Array.from({ length: n }, (_, c) => c), seats, ties);
  return {
    method: 'approval',
    candidates: election.candidates,
    seats: election.seats,
    validPoll: String(counted),
    blankBallots: String(blank),
    elected,
    stages: [{ totals: totals.map(String), elected, excluded: [], action: { kind: 'tally' } }],
    tieBreaks: ties.records,
    seed,
  };
}
