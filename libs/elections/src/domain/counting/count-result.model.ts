/**
 * What every counter returns. Conventions:
 * - candidates are **0-based indices** into `candidates` (the CLI prints 1-based numbers);
 * - stages are numbered from 1, as on a result sheet (`stages[0]` is stage 1);
 * - vote amounts are decimal strings with the method's fixed number of places (5 for Scottish
 *   STV, 9 for Meek, 0 for the simple methods) — exact, never binary floating point.
 */
export type CountMethod = 'scottish-stv' | 'meek-stv' | 'plurality' | 'approval' | 'motion' | 'block-vote';

export type StageAction =
  | { readonly kind: 'first-preferences' }
  /** Scottish STV: the surplus of `candidate` transferred (rule 48), `total` = votes before transfer. */
  | { readonly kind: 'surplus'; readonly candidate: number; readonly surplus: string; readonly total: string }
  /**
   * Scottish STV: `candidate` excluded and its papers transferred (rule 50). `minimum`: excluded
   * with every other continuing candidate outside the groups still owed seats (representation
   * minimums); the stage's `excluded` lists them all, `candidate` is the lowest.
   */
  | { readonly kind: 'exclusion'; readonly candidate: number; readonly transferred: string; readonly minimum?: true }
  /** Meek STV: one round = iterations of keep factors until someone is elected or the surplus settles. */
  | {
      readonly kind: 'meek-round';
      readonly iterations: number;
      readonly outcome: 'elected' | 'omega' | 'stable' | 'remaining';
      readonly surplus: string;
      /** Set when the round only defeated the candidates outside the groups still owed seats. */
      readonly minimum?: true;
    }
  /** Plurality, approval, block vote, motions: the single counting stage. */
  | { readonly kind: 'tally' };

export interface CountStage {
  /** Per candidate (or per option for motions), decimal strings, after this stage. */
  readonly totals: string[];
  /** Cumulative value of exhausted papers (no further preference for a continuing candidate). */
  readonly nonTransferable?: string;
  /** Scottish STV only: cumulative value lost by truncating transfer values to 5 places. */
  readonly lossToFractions?: string;
  /** Meek only: the quota this stage's totals were measured against. */
  readonly quota?: string;
  /** Candidates elected at this stage, in order of election. */
  readonly elected: number[];
  /** Candidates excluded (defeated) at this stage. */
  readonly excluded: number[];
  readonly action: StageAction;
}

export interface TieBreak {
  /** Stage (1-based) at which the tie arose. */
  readonly stage: number;
  /** What was being decided. */
  readonly purpose: 'surplus-order' | 'exclusion' | 'election';
  readonly tied: number[];
  readonly chosen: number;
  /**
   * `earlier-stage`: by the totals at an earlier stage (Scottish Order rules 49(2), 51(2)(a));
   * `lot`: by the seeded random draw (rules 49(3), 51(2)(b)); `tie-order`: by a tie-break
   * order given with the ballots (BLT `[tie …]`) or, when asked, the candidate order.
   */
  readonly resolvedBy: 'earlier-stage' | 'lot' | 'tie-order';
  /** For `earlier-stage`: the stage whose totals decided it. */
  readonly decidedAtStage?: number;
  /** For `lot`: the seed of the draw (the same as the result's `seed`). */
  readonly seed?: string;
}

export interface CountResult {
  readonly method: CountMethod;
  readonly candidates: readonly string[];
  readonly seats: number;
  /** Ballots counted (valid poll), as a decimal string. */
  readonly validPoll: string;
  /** Ballots that expressed no choice (not in the valid poll), when the method distinguishes them. */
  readonly blankBallots?: string;
  /** STV: the quota as a decimal string (Meek: the final quota; each stage has its own). */
  readonly quota?: string;
  /** In order of election. */
  readonly elected: number[];
  readonly stages: CountStage[];
  readonly tieBreaks: TieBreak[];
  /** Seed of the random stream used for ties left to lot (whether or not a lot was needed). */
  readonly seed: string;
}
