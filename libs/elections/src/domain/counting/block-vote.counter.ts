import { isDomainError } from '@org/kernel';
import type { BlockVoteBallot, BlockVoteSetup } from '../ballots/block-vote-ballot.model';
import { checkBlockVoteSetup, resolveBlockVoteBallot } from '../ballots/block-vote-ballot.model';
import type { CountResult } from './count-result.model';
import { ballotRefused } from './counting.errors';
import { electHighest, TieBreaker } from './tie-break.policy';

export interface BlockVoteElection extends BlockVoteSetup {
  readonly ballots: Iterable<BlockVoteBallot>;
  /**
   * A ballot that should have been refused when cast: `refuse` (default) stops the count with the
   * ballot's number and reason; `set-aside` counts it as invalid and goes on.
   */
  readonly invalidBallots?: 'refuse' | 'set-aside';
  readonly seed?: string;
}

export interface BlockVoteResult extends CountResult {
  /** Ballots set aside as invalid (only with `invalidBallots: 'set-aside'`). */
  readonly setAside: number;
}

/**
 * Block vote with slates and panachage: every ballot is resolved to a set of at most `seats`
 * candidates (see `resolveBlockVoteBallot`), each gets one vote, and the `seats` candidates with
 * the most votes are elected; a tie for the last seat(s) is decided by lot with the seeded random.
 * Candidates in the result are 0-based indices into `candidates`.
 */
export function countBlockVote(election: BlockVoteElection): BlockVoteResult {
  checkBlockVoteSetup(election);
  const n = election.candidates.length;
  const indexOf = new Map(election.candidates.map((c, i) => [c, i] as const));
  const totals = new Array<number>(n).fill(0);
  let counted = 0;
  let blank = 0;
  let setAside = 0;
  let number = 0;
  for (const ballot of election.ballots) {
    number++;
    let chosen: string[];
    try {
      chosen = resolveBlockVoteBallot(ballot, election);
    } catch (e) {
      if (election.invalidBallots === 'set-aside' && isDomainError(e)) {
        setAside++;
        continue;
      }
      if (isDomainError(e)) throw ballotRefused(`ballot ${number}: ${e.message}`, { ballot: number });
      throw e;
    }
    if (chosen.length === 0) {
      blank++;
      continue;
    }
    counted++;
    for (const c of chosen) totals[indexOf.get(c)!]++;
  }
  const seed = election.seed ?? `block-vote:${totals.join(',')}`;
  const ties = new TieBreaker(seed);
  const elected = electHighest(totals, Array.from({ length: n }, (_, c) => c), Math.min(election.seats, n), ties);
  return {
    method: 'block-vote',
    candidates: election.candidates,
    seats: election.seats,
    validPoll: String(counted),
    blankBallots: String(blank),
    elected,
    stages: [{ totals: totals.map(String), elected, excluded: [], action: { kind: 'tally' } }],
    tieBreaks: ties.records,
    seed,
    setAside,
  };
}
