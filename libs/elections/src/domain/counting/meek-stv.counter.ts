import type { BallotProfile } from './ballot-profile.model';
import { profileFingerprint } from './ballot-profile.model';
import type { CountResult, CountStage, StageAction } from './count-result.model';
import { ballotsInvalid, countInvalid } from './counting.errors';
import { formatUnits } from './fixed-point.arithmetic';
import { MinimumGuard, minimumsMet, type RepresentationMinimum } from './representation-minimum';
import { RankingTrie } from './ranking-trie.model';
import { TieBreaker } from './tie-break.policy';

export interface MeekStvOptions {
  /** Iteration stops when the total surplus falls to 10^-omegaExponent. Default 6 (omega = 0.000001). */
  readonly omegaExponent?: number;
  /**
   * How a ballot's weight is split at a candidate with keep factor k (9-place fixed point):
   * - `split-down` (default; stv-rs, the meek-reference transcripts): the candidate keeps
   *   floor9(w·k) and the ballot passes on floor9(w·(1−k));
   * - `keep-up` (PR Foundation Meek reference rule, Droop `meek-prf`): the candidate keeps
   *   ceil9(w·k) and the ballot passes on w minus that.
   */
  readonly rounding?: 'split-down' | 'keep-up';
  /**
   * Ballots with equal rankings (only if the profile has them; `split-down` only):
   * `droop` (default) splits the weight evenly among the candidates of a rank, as Droop and stv-rs
   * do by default; `equalize` counts the superposition of every order of the tied candidates
   * (stv-rs `--equalize`).
   */
  readonly equalRankings?: 'droop' | 'equalize';
  /**
   * Choosing among candidates tied for defeat (votes within the current surplus of the lowest):
   * `lot` (default) draws with the seeded random; `candidate-order` takes the earliest candidate,
   * as Droop and stv-rs do with their default tie order. A `[tie …]` order in the ballot file
   * always wins.
   */
  readonly tieBreak?: 'lot' | 'candidate-order';
  readonly seed?: string;
  /**
   * Representation minimums (see `representation-minimum.ts`): as for Scottish STV, the count is
   * first run without them and stands if its winners meet them; otherwise it is run again by the
   * exclusion method.
   */
  readonly minimums?: readonly RepresentationMinimum[];
}

const ONE = 1_000_000_000;
const PLACES = 9;
const TWO31 = 2 ** 31;
const SAFE = Number.MAX_SAFE_INTEGER;
const ONE_BIG = 1_000_000_000n;

/** floor(a·b / 10^9), exact. */
function mulFloor(a: number, b: number): number {
  const p = a * b;
  if (p <= SAFE) return divFloor(p, ONE);
  if (a < TWO31 && b < TWO31) {
    // b = bh·2^15 + bl: every partial product stays below 2^47.
    const bh = divFloor(b, 32768);
    const bl = b - bh * 32768;
    const x1 = a * bh;
    const q1 = divFloor(x1, ONE);
    const r1 = x1 - q1 * ONE;
    return q1 * 32768 + divFloor(r1 * 32768 + a * bl, ONE);
  }
  if (b < TWO31 && a <= SAFE) {
    // a = ah·10^9 + al: floor(a·b / 10^9) = ah·b + floor(al·b / 10^9).
    const ah = divFloor(a, ONE);
    const al = a - ah * ONE;
    const high = ah * b;
    if (high <= SAFE) return high + mulFloor(al, b);
  }
  if (a < TWO31 && b <= SAFE) return mulFloor(b, a);
  return Number((BigInt(a) * BigInt(b)) / ONE_BIG);
}

/** ceil(a·b / 10^9), exact. */
function mulCeil(a: number, b: number): number {
  const q = mulFloor(a, b);
  // Exact remainder test in BigInt only when needed.
  const p = a * b;
  if (p <= SAFE) return q * ONE === p ? q : q + 1;
  return BigInt(q) * ONE_BIG === BigInt(a) * BigInt(b) ? q : q + 1;
}

const TWO52 = 2 ** 52;

/**
 * floor(p / d) for integers |p| < 2^53, d > 0, exact. The usual case avoids Math.floor: the
 * rounding trick (x + 2^52) − 2^52 is plain arithmetic, which matters where this code runs in a
 * sandboxed realm (a Jest vm context makes every Math.* call hundreds of times slower).
 */
function divFloor(p: number, d: number): number {
  const x = p / d;
  let q: number;
  if (p >= 0 && x < TWO52) {
    q = x + TWO52 - TWO52; // x rounded to an integer
    if (q > x) q -= 1;
  } else {
    q = Math.floor(x);
  }
  const r = p - q * d;
  if (r < 0) q -= 1;
  else if (r >= d) q += 1;
  return q;
}

const HOPEFUL = 0;
const ELECTED = 1;
const DEFEATED = 2;
const WITHDRAWN = 3;

/**
 * Meek STV with 9-place fixed-point arithmetic (values are integers in units of 10^-9; sums stay
 * below 2^53 up to ~9 million ballots, and products that could overflow are split or done in
 * BigInt). Each round iterates keep factors until a candidate reaches the quota (elected), or the
 * total surplus is at most omega, or stops shrinking (then the lowest hopeful is defeated):
 *
 * 1. count: each ballot starts with weight 1; at each candidate in order, the candidate keeps its
 *    keep-factor share and the rest moves on (defeated candidates have k = 0, hopefuls k = 1);
 * 2. quota = floor9((ballots − exhausted) / (seats + 1)) + 0.000000001;
 * 3. hopefuls with votes ≥ quota are elected, in candidate order;
 * 4. surplus = Σ (votes − quota) over the elected;
 * 5. otherwise every elected candidate's keep factor becomes ceil9(ceil9(k · quota) / votes).
 *
 * When the hopefuls are no more than the seats left they are all elected; when the seats are
 * filled the rest are defeated. Defeat picks the lowest hopeful; candidates whose votes are within
 * the surplus of the lowest count as tied. This reproduces the stv-rs fixed-point transcripts
 * (`rounding: 'split-down'`) and Droop's PR Foundation reference rule (`rounding: 'keep-up'`)
 * to the last digit.
 *
 * Counting walks a prefix tree of the distinct rankings (see `RankingTrie`), so one count costs
 * the part of the tree reachable through elected and defeated candidates, not the ballot count.
 */
export function countMeekStv(profile: BallotProfile, options: MeekStvOptions = {}): CountResult {
  const free = countWith(profile, options, null);
  const guard = MinimumGuard.for(profile, options.minimums);
  if (!guard || minimumsMet(options.minimums ?? [], free.elected)) return free;
  return countWith(profile, options, guard);
}

function countWith(profile: BallotProfile, options: MeekStvOptions, guard: MinimumGuard | null): CountResult {
  const rounding = options.rounding ?? 'split-down';
  const equalize = options.equalRankings === 'equalize';
  const omegaExponent = options.omegaExponent ?? 6;
  if (!Number.isInteger(omegaExponent) || omegaExponent < 1 || omegaExponent > 9) {
    throw countInvalid('omega must be 10^-k with k a whole number from 1 to 9 (9 decimal places)');
  }
  const omega = 10 ** (PLACES - omegaExponent);
  if (profile.hasEqualRankings && rounding === 'keep-up') {
    throw ballotsInvalid('the PR Foundation Meek rule (keep-up rounding) has no rule for equal rankings');
  }
  const n = profile.candidates.length;
  const seats = profile.seats;
  const ballots = profile.ballotCount;
  const total = ballots * ONE;
  if (total > SAFE) throw countInvalid('Meek counting supports at most 9,007,199 ballots');
  const seed = options.seed ?? profileFingerprint(profile);
  const ties = new TieBreaker(seed);

  const status = new Uint8Array(n);
  for (const w of profile.withdrawn) status[w] = WITHDRAWN;
  const keep = new Float64Array(n).fill(ONE);
  for (const w of profile.withdrawn) keep[w] = 0;

  // ---- the ballots: strict rankings in a prefix tree, rankings with equal preferences as a list
  // Each rank with several candidates gets an id, shared by every ballot with the same rank, so
  // that the equalized shares (which depend only on the keep factors) are computed once per count.
  const tiedGroups: { ranks: number[][]; rankIds: number[]; weight: number }[] = [];
  const rankIdOf = new Map<string, number>();
  const tiedFlags = profile.tiedWithNext;
  const isTied = (g: number): boolean => {
    if (!tiedFlags) return false;
    for (let i = profile.offsets[g]; i < profile.offsets[g + 1]; i++) if (tiedFlags[i]) return true;
    return false;
  };
  if (tiedFlags) {
    for (let g = 0; g < profile.groupCount; g++) {
      if (!isTied(g)) continue;
      const ranks: number[][] = [[]];
      for (let i = profile.offsets[g]; i < profile.offsets[g + 1]; i++) {
        ranks[ranks.length - 1].push(profile.prefs[i]);
        if (!tiedFlags[i] && i + 1 < profile.offsets[g + 1]) ranks.push([]);
      }
      const rankIds = ranks.map((r) => {
        if (r.length === 1) return -1;
        const key = r.join(',');
        let id = rankIdOf.get(key);
        if (id === undefined) rankIdOf.set(key, (id = rankIdOf.size));
        return id;
      });
      tiedGroups.push({ ranks, rankIds, weight: profile.weights[g] });
    }
  }
  const trie = RankingTrie.fromProfile(profile, tiedFlags ? (g) => !isTied(g) : undefined);
  const pascal = equalize ? pascalTriangle(n) : [];
  const unusedScratch = new Float64Array(n);
  let countSerial = 0;
  const rankStamp = new Int32Array(rankIdOf.size).fill(-1);
  const rankShares: Float64Array[] = [];
  const rankRest = new Float64Array(rankIdOf.size);
  for (const [key, id] of rankIdOf) rankShares[id] = new Float64Array(key.split(',').length);

  const sum = new Float64Array(n);
  const stackNode = new Int32Array(trie.size + 1);
  const stackPower = new Float64Array(trie.size + 1);

  /** One count with the current keep factors; returns the exhausted value. */
  const countVotes = (): number => {
    sum.fill(0);
    countSerial++;
    const { candidate, weight, firstChild, nextSibling } = trie;
    let top = 0;
    for (let v = firstChild[0]; v !== -1; v = nextSibling[v]) {
      stackNode[top] = v;
      stackPower[top++] = ONE;
    }
    if (rounding === 'split-down') {
      while (top > 0) {
        const v = stackNode[--top];
        const power = stackPower[top];
        const c = candidate[v];
        const k = keep[c];
        let rest: number;
        if (k === ONE) {
          sum[c] += power * weight[v];
          continue;
        } else if (k === 0) {
          rest = power;
        } else {
          sum[c] += mulFloor(power, k) * weight[v];
          rest = mulFloor(power, ONE - k);
        }
        if (rest > 0) {
          for (let u = firstChild[v]; u !== -1; u = nextSibling[u]) {
            stackNode[top] = u;
            stackPower[top++] = rest;
          }
        }
      }
    } else {
      while (top > 0) {
        const v = stackNode[--top];
        const power = stackPower[top];
        const c = candidate[v];
        const k = keep[c];
        let rest = power;
        if (k !== 0) {
          const kept = k === ONE ? power : mulCeil(power, k);
          sum[c] += kept * weight[v];
          rest = power - kept;
        }
        if (rest > 0) {
          for (let u = firstChild[v]; u !== -1; u = nextSibling[u]) {
            stackNode[top] = u;
            stackPower[top++] = rest;
          }
        }
      }
    }
    for (const t of tiedGroups) {
      if (equalize) countEqualized(t.ranks, t.rankIds, t.weight);
      else countDroopTies(t.ranks, 0, ONE, t.weight);
    }
    let counted = 0;
    for (let c = 0; c < n; c++) counted += sum[c];
    return total - counted;
  };

  /** Droop / stv-rs default for equal rankings (see stv-rs `process_ballot_rec_impl`). */
  const countDroopTies = (ranks: number[][], i: number, power: number, weight: number): void => {
    if (i === ranks.length) return;
    const rank = ranks[i];
    let open = 0;
    for (let j = 0; j < rank.length; j++) if (keep[rank[j]] !== 0) open++;
    // As in Droop: a rank whose candidates are all defeated passes nothing on.
    if (open === 0) return;
    const share = divFloor(power, open);
    for (let j = 0; j < rank.length; j++) {
      const c = rank[j];
      const k = keep[c];
      if (k === 0) continue;
      sum[c] += mulFloor(share, k) * weight;
      const rest = mulFloor(share, ONE - k);
      if (rest !== 0) countDroopTies(ranks, i + 1, rest, weight);
    }
  };

  /** stv-rs `--equalize`: the average over every order of the tied candidates. */
  const countEqualized = (ranks: number[][], rankIds: number[], weight: number): void => {
    let power = ONE;
    for (let r = 0; r < ranks.length; r++) {
      const rank = ranks[r];
      if (rank.length === 1) {
        const c = rank[0];
        const k = keep[c];
        sum[c] += mulFloor(power, k) * weight;
        power = mulFloor(power, ONE - k);
      } else {
        const id = rankIds[r];
        const len = rank.length;
        const shares = rankShares[id];
        if (rankStamp[id] !== countSerial) {
          rankStamp[id] = countSerial;
          for (let i = 0; i < len; i++) unusedScratch[i] = ONE - keep[rank[i]];
          const row = pascal[len - 1];
          for (let i = 0; i < len; i++) shares[i] = divFloor(mulFloor(polyWeight(unusedScratch, len, i, row), keep[rank[i]]), len);
          let rest = ONE;
          for (let i = 0; i < len; i++) rest = mulFloor(rest, unusedScratch[i]);
          rankRest[id] = rest;
        }
        for (let i = 0; i < len; i++) sum[rank[i]] += mulFloor(power, shares[i]) * weight;
        power = mulFloor(power, rankRest[id]);
      }
      if (power === 0) break;
    }
  };

  const threshold = (exhausted: number): number => divFloor(total - exhausted, seats + 1) + 1;

  const elected: number[] = [];
  const stages: CountStage[] = [];
  const record = (totals: Float64Array, quota: number, exhausted: number, electedNow: number[], excludedNow: number[], action: StageAction): void => {
    stages.push({
      totals: Array.from(totals, (v) => formatUnits(v, PLACES)),
      nonTransferable: formatUnits(exhausted, PLACES),
      quota: formatUnits(quota, PLACES),
      elected: electedNow,
      excluded: excludedNow,
      action,
    });
  };

  let standing = 0;
  for (let c = 0; c < n; c++) if (status[c] === HOPEFUL) standing++;
  let toElect = Math.min(seats, standing);
  let hopefulCount = standing;

  let exhausted = countVotes();
  let quota = threshold(0);
  record(sum, quota, 0, [], [], { kind: 'first-preferences' });

  const hopefuls = (): number[] => {
    const out: number[] = [];
    for (let c = 0; c < n; c++) if (status[c] === HOPEFUL) out.push(c);
    return out;
  };

  while (toElect > 0 && hopefulCount > toElect) {
    const outsiders = guard ? guard.toExclude(hopefuls(), toElect) : [];
    if (outsiders.length > 0) {
      // The exclusion method: the seats left are all owed to groups; defeat every other hopeful.
      for (const c of outsiders) {
        status[c] = DEFEATED;
        keep[c] = 0;
        hopefulCount--;
      }
      exhausted = countVotes();
      quota = threshold(exhausted);
      record(sum, quota, exhausted, [], outsiders, { kind: 'meek-round', iterations: 1, outcome: 'stable', surplus: '0.000000000', minimum: true });
      continue;
    }
    let lastSurplus = total;
    let surplus = 0;
    let iterations = 0;
    let outcome: 'elected' | 'omega' | 'stable';
    const electedNow: number[] = [];
    for (;;) {
      iterations++;
      exhausted = countVotes();
      quota = threshold(exhausted);
      for (let c = 0; c < n; c++) {
        if (status[c] === HOPEFUL && sum[c] >= quota && toElect > 0 && (!guard || guard.mayElect(c, toElect))) {
          guard?.elected(c);
          status[c] = ELECTED;
          elected.push(c);
          electedNow.push(c);
          toElect--;
          hopefulCount--;
        }
      }
      surplus = 0;
      for (const c of elected) surplus += sum[c] - quota;
      if (rounding === 'keep-up' && surplus < 0) surplus = 0;
      if (electedNow.length > 0) {
        outcome = 'elected';
        break;
      }
      if (rounding === 'keep-up' ? surplus < omega : surplus <= omega) {
        outcome = 'omega';
        break;
      }
      if (surplus >= lastSurplus) {
        outcome = 'stable';
        break;
      }
      lastSurplus = surplus;
      for (const c of elected) {
        const scaled = BigInt(mulCeil(keep[c], quota));
        const votes = BigInt(sum[c]);
        keep[c] = Number((scaled * ONE_BIG + votes - 1n) / votes);
      }
    }
    const action: StageAction = { kind: 'meek-round', iterations, outcome, surplus: formatUnits(surplus, PLACES) };
    if (outcome === 'elected') {
      record(sum, quota, exhausted, electedNow, [], action);
      continue;
    }
    // Defeat the lowest hopeful; those within the surplus of it are tied with it.
    // Never a candidate a minimum still needs (as many left in the group as it is owed).
    const open = guard ? guard.excludable(hopefuls()) : hopefuls();
    let low = Infinity;
    for (const c of open) if (sum[c] < low) low = sum[c];
    const tied: number[] = [];
    for (const c of open) if (sum[c] <= low + surplus) tied.push(c);
    const stageNumber = stages.length + 1;
    let out = tied[0];
    if (tied.length > 1) {
      if (profile.tieOrder) out = ties.byOrder(tied, profile.tieOrder, stageNumber, 'exclusion');
      else if (options.tieBreak === 'candidate-order') out = ties.byOrder(tied, [], stageNumber, 'exclusion');
      else out = ties.byLot(tied, stageNumber, 'exclusion');
    }
    record(sum, quota, exhausted, [], [out], action);
    status[out] = DEFEATED;
    keep[out] = 0;
    hopefulCount--;
  }

  // Seats filled (defeat the rest) or no more hopefuls than seats (elect them), in candidate order.
  const electedNow: number[] = [];
  const excludedNow: number[] = [];
  for (let c = 0; c < n; c++) {
    if (status[c] !== HOPEFUL) continue;
    if (toElect > 0) {
      guard?.elected(c);
      status[c] = ELECTED;
      elected.push(c);
      electedNow.push(c);
      toElect--;
    } else {
      status[c] = DEFEATED;
      keep[c] = 0;
      excludedNow.push(c);
    }
  }
  if (electedNow.length + excludedNow.length > 0) {
    exhausted = countVotes();
    record(sum, quota, exhausted, electedNow, excludedNow, { kind: 'meek-round', iterations: 0, outcome: 'remaining', surplus: '0.000000000' });
  }

  return {
    method: 'meek-stv',
    candidates: profile.candidates,
    seats,
    validPoll: String(ballots),
    quota: formatUnits(quota, PLACES),
    elected,
    stages,
    tieBreaks: ties.records,
    seed,
  };
}

/** Scratch space for `polyWeight` (a rank has at most as many candidates as the election). */
let polyScratch = new Float64Array(64);

/** The sum over k of the coefficients of Π_{j≠skip}(X + u_j) divided by C(n, k) (stv-rs `polyweights`). */
function polyWeight(unused: Float64Array, length: number, skip: number, row: Float64Array): number {
  const degree = length - 1;
  if (polyScratch.length < length) polyScratch = new Float64Array(length * 2);
  const poly = polyScratch;
  poly[0] = ONE;
  for (let j = 1; j <= degree; j++) poly[j] = 0;
  for (let i = 0; i < length; i++) {
    if (i === skip) continue;
    const a = unused[i];
    if (a === 0) continue;
    let prev = poly[0];
    for (let j = 1; j <= degree; j++) {
      const tmp = poly[j];
      poly[j] = tmp + mulFloor(prev, a);
      prev = tmp;
    }
  }
  let result = 0;
  for (let i = 0; i <= degree; i++) result += divFloor(poly[i], row[i]);
  return result;
}

function pascalTriangle(n: number): Float64Array[] {
  const rows: Float64Array[] = [Float64Array.of(1)];
  for (let i = 1; i <= n; i++) {
    const prev = rows[i - 1];
    const row = new Float64Array(i + 1);
    row[0] = 1;
    row[i] = 1;
    for (let j = 1; j < i; j++) row[j] = prev[j - 1] + prev[j];
    rows.push(row);
  }
  return rows;
}
