import { isDomainError } from '@org/kernel';
import { resolveBlockVoteBallot } from '../counting';
import { ELECTION_METHOD_REGISTRY, type BallotContent, type BallotMarking, type ElectionMethod, type MotionAnswer } from './election-methods';
import { ElectionErrorCode, electionError } from '../election/election.errors';

/** What a ballot paper offers: candidates in ballot order (number = index + 1) and, for block votes, slates. */
export interface BallotSetup {
  readonly method: ElectionMethod;
  readonly seats: number;
  /** Candidate keys (ids) in ballot-paper order. */
  readonly candidates: readonly string[];
  /** Slates (block vote): key and candidate keys, in ballot-paper order (number = index + 1). */
  readonly slates: readonly { readonly key: string; readonly candidates: readonly string[] }[];
}

export type { BallotContent, MotionAnswer } from './election-methods';

/** The marks a voter sends, naming candidates and slates by their keys. */
export interface BallotMarks {
  ranking?: readonly string[];
  choices?: readonly string[];
  slate?: string;
  struck?: readonly string[];
  added?: readonly string[];
  answer?: MotionAnswer;
}

const refuse = (code: ElectionErrorCode, message: string, details?: Record<string, unknown>) => electionError('invalid', code, message, details);

/**
 * Checks a ballot against the ballot paper and returns what will be stored, or refuses it —
 * before anything is written, so a refused ballot is never counted:
 * `unknown_candidate` (a key not on the paper), `too_many_choices` (more than the method
 * allows), `ballot_invalid` (wrong fields for the method, a candidate twice, …).
 */
export function markBallot(setup: BallotSetup, marks: BallotMarks): BallotContent {
  const number = new Map(setup.candidates.map((k, i) => [k, i + 1] as const));
  const given = (Object.keys(marks) as (keyof BallotMarks)[]).filter((k) => marks[k] !== undefined);
  const definition = ELECTION_METHOD_REGISTRY[setup.method];
  const allowed: Record<BallotMarking, (keyof BallotMarks)[]> = {
    ranking: ['ranking'],
    choices: ['choices'],
    'slate-or-choices': marks.slate !== undefined ? ['slate', 'struck', 'added'] : ['choices'],
    answer: ['answer'],
  };
  const extra = given.filter((k) => !allowed[definition.marking].includes(k));
  const required = definition.marking === 'slate-or-choices' ? (marks.slate !== undefined ? ['slate'] : ['choices']) : allowed[definition.marking];
  if (extra.length > 0 || required.some((k) => marks[k as keyof BallotMarks] === undefined)) {
    throw refuse(ElectionErrorCode.ballotInvalid, `This election is counted by ${setup.method}: send ${definition.ballotFields}.`, { method: setup.method });
  }
  const numbersOf = (keys: readonly string[], what: string): number[] => {
    const out: number[] = [];
    for (const k of keys) {
      const n = number.get(k);
      if (n === undefined) throw refuse(ElectionErrorCode.unknownCandidate, `"${k}" is not a candidate on this ballot paper.`, { candidate: k });
      if (out.includes(n)) throw refuse(ElectionErrorCode.ballotInvalid, `A candidate appears twice in ${what}.`, { candidate: k });
      out.push(n);
    }
    return out;
  };
  const atMost = (n: number, limit: number, what: string) => {
    if (n > limit) throw refuse(ElectionErrorCode.tooManyChoices, `This ballot names ${n} ${what}; at most ${limit} ${limit === 1 ? 'is' : 'are'} allowed.`, { named: n, allowed: limit });
  };
  switch (setup.method) {
    case 'scottish-stv':
    case 'meek-stv': {
      atMost(marks.ranking!.length, setup.candidates.length, 'preferences');
      return { ranking: numbersOf(marks.ranking!, 'the ranking') };
    }
    case 'plurality':
      atMost(marks.choices!.length, 1, 'candidates');
      return { choices: numbersOf(marks.choices!, 'the choices') };
    case 'approval':
      atMost(marks.choices!.length, setup.candidates.length, 'candidates');
      return { choices: numbersOf(marks.choices!, 'the choices') };
    case 'block-vote': {
      if (marks.slate === undefined) {
        atMost(marks.choices!.length, setup.seats, 'candidates');
        return { choices: numbersOf(marks.choices!, 'the choices') };
      }
      const slateIndex = setup.slates.findIndex((s) => s.key === marks.slate);
      if (slateIndex < 0) throw refuse(ElectionErrorCode.unknownCandidate, `"${marks.slate}" is not a slate on this ballot paper.`, { slate: marks.slate });
      const struck = numbersOf(marks.struck ?? [], 'the struck names');
      const added = numbersOf(marks.added ?? [], 'the added names');
      try {
        resolveBlockVoteBallot(
          { kind: 'amended-slate', slate: marks.slate, struck: marks.struck ?? [], added: marks.added ?? [] },
          { seats: setup.seats, candidates: setup.candidates, slates: setup.slates },
        );
      } catch (e) {
        if (!isDomainError(e)) throw e;
        const d = e.details as { named?: number; seats?: number } | undefined;
        if (d?.named !== undefined) atMost(d.named, setup.seats, 'candidates');
        throw refuse(ElectionErrorCode.ballotInvalid, `This ballot cannot be counted: ${e.message}.`);
      }
      return { slate: slateIndex + 1, struck, added };
    }
    case 'motion':
      if (!['yes', 'no', 'abstain'].includes(marks.answer as string)) throw refuse(ElectionErrorCode.ballotInvalid, 'A motion is answered yes, no or abstain.');
      return { answer: marks.answer! };
    default: {
      const never: never = setup.method;
      return never;
    }
  }
}

/** Reads stored/published content back, refusing anything that is not a ballot of this shape. */
export function parseBallotContent(value: unknown): BallotContent {
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  const nums = (x: unknown): number[] => {
    if (!Array.isArray(x) || !x.every((n) => Number.isInteger(n) && n >= 1)) throw refuse(ElectionErrorCode.ballotInvalid, 'A stored ballot is malformed.');
    return x as number[];
  };
  if ('ranking' in v) return { ranking: nums(v.ranking) };
  if ('choices' in v) return { choices: nums(v.choices) };
  if ('slate' in v) return { slate: nums([v.slate])[0], struck: nums(v.struck), added: nums(v.added) };
  if ('answer' in v && ['yes', 'no', 'abstain'].includes(v.answer as string)) return { answer: v.answer as MotionAnswer };
  throw refuse(ElectionErrorCode.ballotInvalid, 'A stored ballot is malformed.');
}
