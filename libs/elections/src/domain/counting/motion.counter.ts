import type { CountResult } from './count-result.model';
import { ballotRefused, countInvalid } from './counting.errors';

export type MotionChoice = 'yes' | 'no' | 'abstain';

/**
 * The share of the votes cast (yes + no; abstentions are not votes cast) that "yes" needs.
 * `simple`: more than half. `two-thirds`: at least two thirds. Or any fraction, with
 * `inclusive` saying whether reaching it exactly is enough.
 */
export type MotionThreshold = 'simple' | 'two-thirds' | { readonly numerator: number; readonly denominator: number; readonly inclusive: boolean };

export interface MotionVote {
  readonly motion: string;
  readonly ballots: Iterable<MotionChoice>;
  readonly threshold?: MotionThreshold;
  /** Fewest ballots (abstentions included) for the vote to be valid at all. Default 0. */
  readonly quorum?: number;
}

export interface MotionResult extends CountResult {
  readonly carried: boolean;
  readonly quorate: boolean;
  /** The threshold applied, in words, e.g. "more than 1/2 of votes cast (yes + no)". */
  readonly rule: string;
}

/**
 * Yes / no / abstain on a motion (also a recall: "remove X from office"). Options are counted as
 * candidates 0 = yes, 1 = no, 2 = abstain; `elected` is `[0]` when the motion is carried and
 * `[1]` when it is not. A tie never goes to lot: if "yes" does not reach the threshold the motion
 * falls (the status quo stands).
 */
export function countMotion(vote: MotionVote): MotionResult {
  const threshold = vote.threshold ?? 'simple';
  const { numerator, denominator, inclusive } =
    threshold === 'simple'
      ? { numerator: 1, denominator: 2, inclusive: false }
      : threshold === 'two-thirds'
        ? { numerator: 2, denominator: 3, inclusive: true }
        : threshold;
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 1 || numerator > denominator) {
    throw countInvalid('a motion threshold must be a fraction between 0 and 1 with whole numerator and denominator');
  }
  const totals = [0, 0, 0];
  let index = 0;
  for (const choice of vote.ballots) {
    index++;
    if (choice === 'yes') totals[0]++;
    else if (choice === 'no') totals[1]++;
    else if (choice === 'abstain') totals[2]++;
    else throw ballotRefused(`ballot ${index} is "${String(choice)}": a motion ballot is yes, no or abstain`, { ballot: index });
  }
  const [yes, no, abstain] = totals;
  const cast = yes + no;
  const quorate = yes + no + abstain >= (vote.quorum ?? 0);
  // yes / cast ≥ (or >) numerator / denominator, in whole numbers.
  const lhs = yes * denominator;
  const rhs = numerator * cast;
  const reached = cast > 0 && (inclusive ? lhs >= rhs : lhs > rhs);
  const carried = quorate && reached;
  const rule = `${inclusive ? 'at least' : 'more than'} ${numerator}/${denominator} of votes cast (yes + no; abstentions not counted)${vote.quorum ? `, quorum ${vote.quorum} ballots` : ''}`;
  const elected = [carried ? 0 : 1];
  return {
    method: 'motion',
    candidates: ['Yes', 'No', 'Abstain'],
    seats: 1,
    validPoll: String(yes + no + abstain),
    elected,
    stages: [{ totals: totals.map(String), elected, excluded: [], action: { kind: 'tally' } }],
    tieBreaks: [],
    seed: '',
    carried,
    quorate,
    rule,
  };
}
