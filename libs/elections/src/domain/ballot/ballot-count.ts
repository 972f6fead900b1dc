import { createHash } from 'node:crypto';
import {
  countApproval,
  countBlockVote,
  countMeekStv,
  countMotion,
  countPlurality,
  countScottishStv,
  profileFromBallots,
  writeBlt,
  type BallotProfile,
  type BlockVoteBallot,
  type CountResult,
  type MotionResult,
} from '../counting';
import type { ElectionMethod, MotionThreshold } from '../election/election.entity';
import type { BallotContent, MotionAnswer } from './ballot-paper';

/** What a count needs besides the ballots: the paper (names in ballot order, slates by number). */
export interface CountSetup {
  readonly title: string;
  readonly method: ElectionMethod;
  readonly seats: number;
  /** Candidate names in ballot-paper order (candidate number = index + 1). */
  readonly candidates: readonly string[];
  /** Slates in ballot-paper order: the candidate numbers on each. */
  readonly slates: readonly (readonly number[])[];
  readonly motionThreshold?: MotionThreshold | null;
  /** Motions at a congress: fewest ballots for the vote to be valid. */
  readonly quorum?: number;
}

/** One published ballot: its receipt code and its content. */
export interface PublishedBallot {
  readonly receipt: string;
  readonly content: BallotContent;
}

const ranking = (c: BallotContent): readonly number[] => ('ranking' in c ? c.ranking : []);
const choices = (c: BallotContent): readonly number[] => ('choices' in c ? c.choices : []);

/** Names as BLT needs them (no double quotes or line breaks). */
const bltSafe = (s: string): string => s.replace(/["\r\n]+/g, "'").slice(0, 200);

/** The ranked ballots as a profile (the counting engine's input, and what the BLT file holds). */
export function rankedProfile(setup: CountSetup, ballots: Iterable<BallotContent>): BallotProfile {
  return profileFromBallots({
    title: bltSafe(setup.title),
    candidates: setup.candidates.map(bltSafe),
    seats: setup.seats,
    ballots: (function* () {
      for (const b of ballots) yield { ranking: ranking(b).map((n) => n - 1) };
    })(),
  });
}

/** The BLT file of a ranked election: anyone can recount it with `npm run count -- file.blt`. */
export function ballotsAsBlt(setup: CountSetup, ballots: Iterable<BallotContent>): string {
  return writeBlt(rankedProfile(setup, ballots));
}

/**
 * Counts stored ballots with the counting engine — the same function whether it is the
 * returning officer's count or anyone's recount of the published list.
 */
export function countBallots(setup: CountSetup, ballots: readonly BallotContent[], seed: string): CountResult | MotionResult {
  switch (setup.method) {
    case 'scottish-stv':
      return countScottishStv(rankedProfile(setup, ballots), { seed });
    case 'meek-stv':
      return countMeekStv(rankedProfile(setup, ballots), { seed });
    case 'plurality':
      return countPlurality({ candidates: setup.candidates, ballots: ballots.map((b) => (choices(b).length ? choices(b)[0] - 1 : null)), seed });
    case 'approval':
      return countApproval({ candidates: setup.candidates, seats: setup.seats, ballots: ballots.map((b) => choices(b).map((n) => n - 1)), seed });
    case 'block-vote': {
      const key = (n: number) => String(n);
      return countBlockVote({
        seats: setup.seats,
        candidates: setup.candidates.map((_, i) => key(i + 1)),
        slates: setup.slates.map((cs, i) => ({ key: `slate-${i + 1}`, candidates: cs.map(key) })),
        ballots: ballots.map((b): BlockVoteBallot =>
          'slate' in b ? { kind: 'amended-slate', slate: `slate-${b.slate}`, struck: b.struck.map(key), added: b.added.map(key) } : { kind: 'individual', choices: choices(b).map(key) },
        ),
        seed,
      });
    }
    case 'motion':
      return countMotion({
        motion: setup.title,
        ballots: ballots.map((b) => ('answer' in b ? b.answer : ('' as MotionAnswer))),
        threshold: setup.motionThreshold ?? 'simple',
        quorum: setup.quorum,
      });
    default: {
      const never: never = setup.method;
      return never;
    }
  }
}

/** JSON with object keys sorted at every level: the same bytes whatever order the database returns. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The commitment to the ballot list, computed when the poll closes and before any count:
 * SHA-256 (hex) of
 *
 *     commons-ballot-list-v1\n<election id>\n
 *     then, for each ballot in publication order: <receipt>\t<canonical JSON of the content>\n
 *
 * Anyone can recompute it from the published list (README, "Verifying an election").
 */
export function ballotListHash(electionId: string, ballots: Iterable<PublishedBallot>): string {
  const h = createHash('sha256');
  h.update(`commons-ballot-list-v1\n${electionId}\n`);
  for (const b of ballots) h.update(`${b.receipt}\t${canonicalJson(b.content)}\n`);
  return h.digest('hex');
}
