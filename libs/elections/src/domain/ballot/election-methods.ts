import {
  countApproval,
  countBlockVote,
  countMeekStv,
  countMotion,
  countPlurality,
  countScottishStv,
  profileFromBallots,
  type BallotProfile,
  type BlockVoteBallot,
  type BltParseOptions,
  type CountResult,
  type MotionResult,
  type RepresentationMinimum,
} from '../counting';

/**
 * The election methods: the one list every other place reads — the counters (`countBallots`),
 * ballot checking (`markBallot`), the request DTOs (`@IsIn`, OpenAPI enums), the recount CLI
 * (`npm run count`) and the web interface (`GET /elections/methods`). Adding a method here makes
 * the compiler find every place that has to handle it.
 */
export const ELECTION_METHODS = ['scottish-stv', 'meek-stv', 'plurality', 'approval', 'block-vote', 'motion'] as const;
export type ElectionMethod = (typeof ELECTION_METHODS)[number];

/** The threshold a motion needs (the statutes' two: simple majority or two thirds). */
export type MotionThreshold = 'simple' | 'two-thirds';

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
  /** Ranked methods: candidates (0-based, ballot order) who withdrew after voting opened, skipped on every ballot. */
  readonly withdrawn?: readonly number[];
  /** STV methods: representation minimums (candidates 0-based, ballot order). */
  readonly minimums?: readonly RepresentationMinimum[];
}

export type MotionAnswer = 'yes' | 'no' | 'abstain';

/**
 * A marked ballot as stored and published: candidate and slate **numbers** (1-based, ballot
 * order), never ids, so the published list reads like the ballot papers and matches the BLT file.
 */
export type BallotContent =
  | { readonly ranking: readonly number[] }
  | { readonly choices: readonly number[] }
  | { readonly slate: number; readonly struck: readonly number[]; readonly added: readonly number[] }
  | { readonly answer: MotionAnswer };

/** How a voter marks the paper: a ranking, choices, a (possibly amended) slate or choices, or an answer. */
export type BallotMarking = 'ranking' | 'choices' | 'slate-or-choices' | 'answer';

/** A BLT file of this method can be recounted by `npm run count -- file.blt --method <cliName>`. */
export interface BltRecount {
  /** The name `npm run count --method` accepts. */
  readonly cliName: string;
  readonly parseOptions?: BltParseOptions;
  readonly count: (profile: BallotProfile, seed: string | undefined, minimums?: readonly RepresentationMinimum[]) => CountResult;
}

export interface ElectionMethodDefinition {
  readonly id: ElectionMethod;
  /** Short name shown to members. */
  readonly label: string;
  /** One sentence: how it counts. */
  readonly description: string;
  /** Ranked ballots (a BLT file can be published and recounted). */
  readonly ranked: boolean;
  /** Fills seats from candidates (false: a yes/no/abstain motion). */
  readonly electsCandidates: boolean;
  /** A returning officer may choose it for the delegates of a congress. */
  readonly forDelegates: boolean;
  readonly marking: BallotMarking;
  /** What a ballot must send, in the words of the refusal when it does not. */
  readonly ballotFields: string;
  readonly count: (setup: CountSetup, ballots: readonly BallotContent[], seed: string) => CountResult | MotionResult;
  readonly blt?: BltRecount;
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
    withdrawn: setup.withdrawn,
    ballots: (function* () {
      for (const b of ballots) yield { ranking: ranking(b).map((n) => n - 1) };
    })(),
  });
}

const RANKING_FIELDS = '"ranking" (candidate ids, most preferred first)';

export const ELECTION_METHOD_REGISTRY: { readonly [M in ElectionMethod]: ElectionMethodDefinition & { readonly id: M } } = {
  'scottish-stv': {
    id: 'scottish-stv',
    label: 'Single transferable vote (Scottish rules)',
    description: 'Voters rank candidates; surpluses and excluded candidates transfer by the Scottish STV rules (proportional, for several seats).',
    ranked: true,
    electsCandidates: true,
    forDelegates: true,
    marking: 'ranking',
    ballotFields: RANKING_FIELDS,
    count: (setup, ballots, seed) => countScottishStv(rankedProfile(setup, ballots), { seed, minimums: setup.minimums }),
    blt: { cliName: 'scottish-stv', count: (profile, seed, minimums) => countScottishStv(profile, { seed, minimums }) },
  },
  'meek-stv': {
    id: 'meek-stv',
    label: 'Single transferable vote (Meek)',
    description: 'Voters rank candidates; Meek STV recomputes every transfer in each round (proportional, for several seats).',
    ranked: true,
    electsCandidates: true,
    forDelegates: true,
    marking: 'ranking',
    ballotFields: RANKING_FIELDS,
    count: (setup, ballots, seed) => countMeekStv(rankedProfile(setup, ballots), { seed, minimums: setup.minimums }),
    blt: { cliName: 'meek', parseOptions: { equalRankings: 'allow' }, count: (profile, seed, minimums) => countMeekStv(profile, { seed, minimums }) },
  },
  plurality: {
    id: 'plurality',
    label: 'Most votes wins',
    description: 'Each voter names one candidate; the most votes wins (one seat).',
    ranked: false,
    electsCandidates: true,
    forDelegates: true,
    marking: 'choices',
    ballotFields: '"choices" with at most one candidate id',
    count: (setup, ballots, seed) => countPlurality({ candidates: setup.candidates, ballots: ballots.map((b) => (choices(b).length ? choices(b)[0] - 1 : null)), seed }),
  },
  approval: {
    id: 'approval',
    label: 'Approval (vote for any number)',
    description: 'Each voter approves any number of candidates; the most approved fill the seats.',
    ranked: false,
    electsCandidates: true,
    forDelegates: true,
    marking: 'choices',
    ballotFields: '"choices" (the candidate ids you approve)',
    count: (setup, ballots, seed) => countApproval({ candidates: setup.candidates, seats: setup.seats, ballots: ballots.map((b) => choices(b).map((n) => n - 1)), seed }),
  },
  'block-vote': {
    id: 'block-vote',
    label: 'Block vote with slates',
    description: 'Each voter names up to one candidate per seat, or takes a slate and strikes or adds names (panachage).',
    ranked: false,
    electsCandidates: true,
    forDelegates: true,
    marking: 'slate-or-choices',
    ballotFields: '"choices" (up to one candidate id per seat), or "slate" with optional "struck" and "added"',
    count: (setup, ballots, seed) => {
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
    },
  },
  motion: {
    id: 'motion',
    label: 'Yes / no / abstain',
    description: 'A motion or a recall: carried by more than half (or two thirds) of yes + no.',
    ranked: false,
    electsCandidates: false,
    forDelegates: false,
    marking: 'answer',
    ballotFields: '"answer": yes, no or abstain',
    count: (setup, ballots) =>
      countMotion({
        motion: setup.title,
        ballots: ballots.map((b) => ('answer' in b ? b.answer : ('' as MotionAnswer))),
        threshold: setup.motionThreshold ?? 'simple',
        quorum: setup.quorum,
      }),
  },
};

/** Every method's definition, in the order of `ELECTION_METHODS`. */
export const electionMethodDefinitions = (): readonly ElectionMethodDefinition[] => ELECTION_METHODS.map((m) => ELECTION_METHOD_REGISTRY[m]);

/** The methods a returning officer may choose for a congress's delegate elections. */
export const DELEGATE_ELECTION_METHODS: readonly ElectionMethod[] = ELECTION_METHODS.filter((m) => ELECTION_METHOD_REGISTRY[m].forDelegates);

/** The methods whose published BLT file `npm run count` recounts, by the name it accepts. */
export const BLT_RECOUNTS: readonly BltRecount[] = electionMethodDefinitions().flatMap((d) => (d.blt ? [d.blt] : []));

export const isRankedMethod = (m: ElectionMethod): boolean => ELECTION_METHOD_REGISTRY[m].ranked;
