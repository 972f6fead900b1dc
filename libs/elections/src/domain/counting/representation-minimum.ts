import type { BallotProfile } from './ballot-profile.model';
import { countInvalid } from './counting.errors';

/**
 * A representation minimum: at least `minimum` of the seats go to candidates of a named group
 * (e.g. "women: at least half of the committee"). Candidates are 0-based indices.
 */
export interface RepresentationMinimum {
  readonly group: string;
  readonly candidates: readonly number[];
  readonly minimum: number;
}

/**
 * The exclusion method for representation minimums, as the STV counters apply it: a group is
 * owed `minimum − (its members elected so far)` seats; once the seats left equal (or fall below)
 * the seats still owed to the groups, every continuing candidate outside a group still owed seats
 * is excluded, and no such candidate can be elected meanwhile. Nothing else in the count changes,
 * so a count whose unconstrained result already meets the minimums is identical to it.
 *
 * Groups must be disjoint, each minimum at most its standing candidates, and the minimums
 * together at most the seats: otherwise the count is refused with a message saying which.
 */
export class MinimumGuard {
  private readonly groupOf: Int32Array;
  private readonly electedIn: number[];

  private constructor(
    private readonly minimums: readonly RepresentationMinimum[],
    candidateCount: number,
  ) {
    this.groupOf = new Int32Array(candidateCount).fill(-1);
    minimums.forEach((m, g) => m.candidates.forEach((c) => (this.groupOf[c] = g)));
    this.electedIn = minimums.map(() => 0);
  }

  static for(profile: BallotProfile, minimums: readonly RepresentationMinimum[] | undefined): MinimumGuard | null {
    if (!minimums || minimums.length === 0) return null;
    checkMinimums(profile, minimums);
    return new MinimumGuard(minimums, profile.candidates.length);
  }

  /** Call for every candidate elected, in order. */
  elected(c: number): void {
    const g = this.groupOf[c];
    if (g >= 0) this.electedIn[g]++;
  }

  /** Seats still owed to the groups altogether. */
  owed(): number {
    let owed = 0;
    this.minimums.forEach((m, g) => (owed += Math.max(0, m.minimum - this.electedIn[g])));
    return owed;
  }

  /** Whether `c` may take one of `seatsLeft` seats without leaving too few for the groups owed. */
  mayElect(c: number, seatsLeft: number): boolean {
    if (this.owedTo(c)) return true;
    return this.owed() < seatsLeft;
  }

  /** With `seatsLeft` seats left: the continuing candidates (from `continuing`) to exclude now. */
  toExclude(continuing: readonly number[], seatsLeft: number): number[] {
    const owed = this.owed();
    if (owed === 0 || owed < seatsLeft) return [];
    return continuing.filter((c) => !this.owedTo(c));
  }

  /**
   * The continuing candidates that may be excluded: not those of a group with no more continuing
   * candidates than the seats it is still owed (all of them are needed). Never empty if
   * `continuing` is not (if every one is needed, the count fills the seats with them instead).
   */
  excludable(continuing: readonly number[]): number[] {
    const left = this.minimums.map(() => 0);
    for (const c of continuing) if (this.groupOf[c] >= 0) left[this.groupOf[c]]++;
    const out = continuing.filter((c) => {
      const g = this.groupOf[c];
      return g < 0 || left[g] > this.minimums[g].minimum - this.electedIn[g];
    });
    return out.length > 0 ? out : [...continuing];
  }

  private owedTo(c: number): boolean {
    const g = this.groupOf[c];
    return g >= 0 && this.electedIn[g] < this.minimums[g].minimum;
  }
}

export function checkMinimums(profile: BallotProfile, minimums: readonly RepresentationMinimum[]): void {
  const n = profile.candidates.length;
  const withdrawn = new Set(profile.withdrawn);
  const seen = new Map<number, string>();
  let total = 0;
  for (const m of minimums) {
    if (!Number.isInteger(m.minimum) || m.minimum < 0) throw countInvalid(`the minimum for group "${m.group}" must be a whole number of seats`);
    for (const c of m.candidates) {
      if (!Number.isInteger(c) || c < 0 || c >= n) throw countInvalid(`group "${m.group}" names candidate ${c + 1}, which does not exist (there are ${n} candidates)`);
      const other = seen.get(c);
      if (other !== undefined) throw countInvalid(`candidate ${c + 1} is in both groups "${other}" and "${m.group}": groups with minimums must not overlap`);
      seen.set(c, m.group);
    }
    const standing = m.candidates.filter((c) => !withdrawn.has(c)).length;
    if (m.minimum > standing) {
      throw countInvalid(`group "${m.group}" is owed ${m.minimum} seats but has only ${standing} candidates standing: lower the minimum or add candidates`);
    }
    total += m.minimum;
  }
  if (total > profile.seats) throw countInvalid(`the minimums add up to ${total} seats but only ${profile.seats} are to be filled`);
}

/** Whether a set of winners meets every minimum. */
export function minimumsMet(minimums: readonly RepresentationMinimum[], elected: readonly number[]): boolean {
  const won = new Set(elected);
  return minimums.every((m) => m.candidates.filter((c) => won.has(c)).length >= m.minimum);
}
