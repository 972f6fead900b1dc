import { DomainError, SeededRandom } from '@org/kernel';
import { MembershipErrorCode } from './membership.errors';

/**
 * Delegate apportionment (E4): N congress seats shared between branches by the size of their
 * frozen electoral roll, each branch getting at least the statutory minimum.
 *
 * Methods
 * - `largest-remainder` (Hare quota): branches whose proportional share of the seats left would
 *   fall below the minimum get exactly the minimum and drop out; this repeats until every
 *   remaining branch's share is at least the minimum. The remaining branches get the whole part of
 *   their quota `S·roll/total`, and the seats left over go to the largest remainders. With a zero
 *   minimum this is plain Hare–Niemeyer: every branch gets its quota rounded down or up.
 *   Known paradoxes (documented by tests): adding a seat can cost a branch a seat (Alabama), and
 *   a branch's seats can fall when only its roll grows.
 * - `sainte-lague` (divisor method, divisors 1, 3, 5, …): every branch starts with the minimum;
 *   each further seat goes to the highest `roll / (2·seats + 1)`. Equivalent to
 *   `max(minimum, round(roll / d))` for a common divisor d. House-monotone (one more seat never
 *   costs anyone a seat) and population-monotone (a branch whose roll alone grows never loses).
 *
 * Ties (equal remainders, or equal averages for the last seat) are broken deterministically:
 * the larger roll first, then the branch id in ascending code-point order — or, when the statutes
 * leave ties to lot, by a `SeededRandom` order (recorded seed, reproducible). Any tie that decided
 * a seat is reported in the result.
 *
 * A branch listed with an empty roll still gets the minimum; leave it out if the statutes say a
 * branch with no eligible voters sends no delegates.
 */
export type ApportionmentMethod = 'largest-remainder' | 'sainte-lague';

export interface BranchRoll {
  branchId: string;
  rollSize: number;
}

export interface ApportionmentInput {
  seats: number;
  branches: readonly BranchRoll[];
  method: ApportionmentMethod;
  minimumPerBranch?: number;
  /** Default: larger roll first, then branch id. `{ lot }`: a reproducible random order. */
  tieBreak?: { lot: SeededRandom };
}

export interface SeatAllocation {
  branchId: string;
  rollSize: number;
  seats: number;
}

export interface ApportionmentTie {
  /** Branches that were exactly level for the last seat(s). */
  contenders: string[];
  /** Those of them the tie-break gave a seat. */
  awarded: string[];
  rule: 'larger-roll-then-id' | 'lot';
}

export interface ApportionmentResult {
  method: ApportionmentMethod;
  seats: number;
  minimumPerBranch: number;
  /** In the order the branches were given. */
  allocations: SeatAllocation[];
  tie: ApportionmentTie | null;
}

export const MAX_SEATS = 100_000;
export const MAX_ROLL_SIZE = 1_000_000_000;

function invalid(code: string, message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('invalid', code, message, details);
}

export function apportion(input: ApportionmentInput): ApportionmentResult {
  const { seats, branches, method } = input;
  const minimum = input.minimumPerBranch ?? 0;
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) {
    throw invalid(MembershipErrorCode.invalidSeatCount, `The number of seats must be a whole number from 1 to ${MAX_SEATS}; got ${seats}.`, { field: 'seats' });
  }
  if (!Number.isInteger(minimum) || minimum < 0) {
    throw invalid(MembershipErrorCode.invalidSeatCount, `The minimum per branch must be a whole number, 0 or more; got ${minimum}.`, { field: 'minimumPerBranch' });
  }
  if (method !== 'largest-remainder' && method !== 'sainte-lague') {
    throw invalid(MembershipErrorCode.invalidSeatCount, `Unknown apportionment method ${JSON.stringify(method)}; use largest-remainder or sainte-lague.`, { field: 'method' });
  }
  if (!Array.isArray(branches) || branches.length === 0) {
    throw invalid(MembershipErrorCode.emptyRoll, 'There are no branches to apportion seats to.', { field: 'branches' });
  }
  const seen = new Set<string>();
  for (const b of branches) {
    if (typeof b.branchId !== 'string' || b.branchId === '') throw invalid(MembershipErrorCode.invalidBranch, 'Every branch needs an id.', { field: 'branchId' });
    if (seen.has(b.branchId)) throw invalid(MembershipErrorCode.duplicateBranch, `Branch ${b.branchId} is listed twice; list each branch once.`, { branchId: b.branchId });
    seen.add(b.branchId);
    if (!Number.isInteger(b.rollSize) || b.rollSize < 0 || b.rollSize > MAX_ROLL_SIZE) {
      throw invalid(MembershipErrorCode.invalidRollSize, `The roll size of branch ${b.branchId} must be a whole number, 0 or more; got ${b.rollSize}.`, { branchId: b.branchId });
    }
  }
  if (seats < branches.length * minimum) {
    throw new DomainError(
      'unprocessable',
      MembershipErrorCode.tooFewSeatsForMinimum,
      `${seats} seats cannot give each of the ${branches.length} branches the minimum of ${minimum} (that needs ${branches.length * minimum}). Increase the number of seats or lower the minimum.`,
      { seats, branches: branches.length, minimumPerBranch: minimum },
    );
  }
  if (branches.every((b) => b.rollSize === 0)) {
    throw new DomainError('unprocessable', MembershipErrorCode.emptyRoll, 'Every roll is empty, so there is nothing to apportion seats by. Freeze the roll first.');
  }

  const rank = tieRanks(branches, input.tieBreak);
  const rule: ApportionmentTie['rule'] = input.tieBreak ? 'lot' : 'larger-roll-then-id';
  const byPriority = (a: number, b: number) => rank[a] - rank[b];
  const { counts, tie } =
    method === 'largest-remainder' ? largestRemainder(seats, branches, minimum, byPriority) : sainteLague(seats, branches, minimum, byPriority);

  return {
    method,
    seats,
    minimumPerBranch: minimum,
    allocations: branches.map((b, i) => ({ branchId: b.branchId, rollSize: b.rollSize, seats: counts[i] })),
    tie: tie ? { contenders: tie.contenders.map((i) => branches[i].branchId), awarded: tie.awarded.map((i) => branches[i].branchId), rule } : null,
  };
}

/** rank[i]: position of branch i in the tie-break order (lower wins). */
function tieRanks(branches: readonly BranchRoll[], tieBreak?: { lot: SeededRandom }): number[] {
  const idx = branches.map((_, i) => i);
  const byId = (a: number, b: number) => (branches[a].branchId < branches[b].branchId ? -1 : branches[a].branchId > branches[b].branchId ? 1 : 0);
  let order: number[];
  if (tieBreak) order = tieBreak.lot.shuffle([...idx].sort(byId));
  else order = [...idx].sort((a, b) => branches[b].rollSize - branches[a].rollSize || byId(a, b));
  const rank = new Array<number>(branches.length);
  order.forEach((branch, position) => (rank[branch] = position));
  return rank;
}

type TieIdx = { contenders: number[]; awarded: number[] } | null;

function largestRemainder(seats: number, branches: readonly BranchRoll[], minimum: number, byPriority: (a: number, b: number) => number): { counts: number[]; tie: TieIdx } {
  const n = branches.length;
  const counts = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  let left = seats;
  let free = branches.map((_, i) => i);
  if (minimum > 0) {
    for (;;) {
      const total = free.reduce((s, i) => s + branches[i].rollSize, 0);
      // quota_i = left·v_i/total < minimum  ⇔  left·v_i < minimum·total (exact in integers)
      const below = free.filter((i) => total === 0 || left * branches[i].rollSize < minimum * total);
      if (below.length === 0) break;
      for (const i of below) {
        fixed[i] = true;
        counts[i] = minimum;
        left -= minimum;
      }
      free = free.filter((i) => !fixed[i]);
      if (free.length === 0) break;
    }
  }
  if (free.length === 0 || left === 0) return { counts, tie: null };
  const total = free.reduce((s, i) => s + branches[i].rollSize, 0);
  const remainder = new Array<number>(n).fill(0);
  let given = 0;
  for (const i of free) {
    const product = left * branches[i].rollSize; // ≤ 1e5 · 1e9: exact
    counts[i] = Math.floor(product / total);
    remainder[i] = product - counts[i] * total;
    given += counts[i];
  }
  const extra = left - given;
  if (extra === 0) return { counts, tie: null };
  const order = [...free].sort((a, b) => remainder[b] - remainder[a] || byPriority(a, b));
  for (let k = 0; k < extra; k++) counts[order[k]] += 1;
  const cutoff = remainder[order[extra - 1]];
  let tie: TieIdx = null;
  if (extra < order.length && remainder[order[extra]] === cutoff) {
    const contenders = order.filter((i) => remainder[i] === cutoff);
    tie = { contenders, awarded: contenders.filter((i) => order.indexOf(i) < extra) };
  }
  return { counts, tie };
}

function sainteLague(seats: number, branches: readonly BranchRoll[], minimum: number, byPriority: (a: number, b: number) => number): { counts: number[]; tie: TieIdx } {
  const n = branches.length;
  const counts = new Array<number>(n).fill(minimum);
  let left = seats - n * minimum;
  // quotient of branch i with s seats: v / (2s + 1). Compare a/b vs c/d as a·d vs c·b (exact).
  const better = (i: number, j: number): boolean => {
    const lhs = branches[i].rollSize * (2 * counts[j] + 1);
    const rhs = branches[j].rollSize * (2 * counts[i] + 1);
    return lhs > rhs || (lhs === rhs && byPriority(i, j) < 0);
  };
  let last = -1;
  let lastDen = 1;
  while (left > 0) {
    let best = 0;
    for (let i = 1; i < n; i++) if (better(i, best)) best = i;
    last = best;
    lastDen = 2 * counts[best] + 1;
    counts[best] += 1;
    left -= 1;
  }
  if (last < 0) return { counts, tie: null };
  // The last seat was won at quotient c = v_last / lastDen. Was anyone left level with it?
  const cNum = branches[last].rollSize;
  const cDen = lastDen;
  const equalsC = (num: number, den: number) => num * cDen === cNum * den;
  const awarded: number[] = [];
  const unawarded: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = branches[i].rollSize;
    if (v === 0) continue;
    if (counts[i] > minimum && equalsC(v, 2 * (counts[i] - 1) + 1)) awarded.push(i);
    if (equalsC(v, 2 * counts[i] + 1)) unawarded.push(i);
  }
  if (unawarded.length === 0) return { counts, tie: null };
  const contenders = [...awarded, ...unawarded].sort(byPriority);
  return { counts, tie: { contenders, awarded: awarded.sort(byPriority) } };
}
