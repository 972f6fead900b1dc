/**
 * A ranked-ballot election as the counters see it: the candidates, the seats, and the ballots
 * aggregated into **ranking groups** — one entry per distinct ranking, with the number of ballots
 * that gave exactly that ranking. Counting works on groups, never on single ballots: a real ward
 * has ~5,000 ballots but ~1,500 distinct rankings; a 1,000,000-ballot synthetic election has
 * ~330,000.
 *
 * Storage is flat typed arrays (no object per ballot): group `g` ranks the candidates
 * `prefs[offsets[g]] … prefs[offsets[g + 1] - 1]` (0-based candidate indices, most preferred
 * first) and stands for `weights[g]` ballots. Withdrawn candidates are already removed from the
 * rankings, and ballots left with no preference are not in any group (see `blankBallots`).
 *
 * Equal rankings (`a=b`) exist only when the parser was told to allow them (Meek counts of
 * stv-rs files): then `tiedWithNext[i] === 1` means the candidate at flat position `i` shares its
 * rank with the one at `i + 1`.
 */
export interface BallotProfile {
  readonly title: string;
  /** Candidate names, index = candidate number - 1. */
  readonly candidates: readonly string[];
  readonly seats: number;
  /** 0-based indices of withdrawn candidates (they appear in no ranking). */
  readonly withdrawn: readonly number[];
  /** Number of distinct rankings. */
  readonly groupCount: number;
  readonly prefs: Uint16Array;
  /** Length `groupCount + 1`. */
  readonly offsets: Uint32Array;
  /** Ballots per group (whole numbers). */
  readonly weights: Float64Array;
  /** Present only when `hasEqualRankings`. */
  readonly tiedWithNext?: Uint8Array;
  readonly hasEqualRankings: boolean;
  /** Sum of `weights`: the valid poll. */
  readonly ballotCount: number;
  /** Ballots that named no candidate still standing (not part of the valid poll). */
  readonly blankBallots: number;
  /** Tie-break order given in the file (`[tie …]`), 0-based, earliest first; otherwise absent. */
  readonly tieOrder?: readonly number[];
}

/** One ballot (or several identical ones) written out plainly: used by tests and other callers. */
export interface RankedBallot {
  /** 0-based candidate indices, most preferred first. */
  readonly ranking: readonly number[];
  /** How many identical ballots (default 1). */
  readonly weight?: number;
}

/** The ranking of group `g` as a plain array (0-based candidates). */
export function rankingOf(profile: BallotProfile, g: number): number[] {
  const out: number[] = [];
  for (let i = profile.offsets[g]; i < profile.offsets[g + 1]; i++) out.push(profile.prefs[i]);
  return out;
}

/** Number of candidates that are neither withdrawn nor absent: the ones a count may elect. */
export function standingCandidates(profile: BallotProfile): number[] {
  const withdrawn = new Set(profile.withdrawn);
  const out: number[] = [];
  for (let c = 0; c < profile.candidates.length; c++) if (!withdrawn.has(c)) out.push(c);
  return out;
}

/**
 * A short, deterministic fingerprint of the ballots (FNV-1a over groups): the default seed for
 * ties left to lot, so that re-running a count without a seed gives the same draw. A returning
 * officer should pass a publicly drawn seed instead; the seed used is always in the result.
 */
export function profileFingerprint(profile: BallotProfile): string {
  let h = 0x811c9dc5 | 0;
  const mix = (v: number): void => {
    h = Math.imul(h ^ (v & 0xffff), 0x01000193);
    h = Math.imul(h ^ (v >>> 16), 0x01000193);
  };
  mix(profile.candidates.length);
  mix(profile.seats);
  for (let g = 0; g < profile.groupCount; g++) {
    mix(profile.weights[g] % 0x100000000);
    for (let i = profile.offsets[g]; i < profile.offsets[g + 1]; i++) mix(profile.prefs[i]);
    mix(0xffff);
  }
  return `ballots-${(h >>> 0).toString(16).padStart(8, '0')}`;
}
