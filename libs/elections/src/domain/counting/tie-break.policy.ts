import { SeededRandom } from '@org/kernel';
import type { TieBreak } from './count-result.model';

/**
 * Breaking ties as the Scottish Local Government Elections Order 2007 does (rules 49 and 51),
 * reusable by any counter that keeps per-stage totals:
 *
 * 1. Look back over the **preceding stages**, most recent first. At the first stage where the
 *    tied candidates did not all have equal votes, keep only those with the most votes (surplus
 *    order, rule 49(2)) or the fewest (exclusion, rule 51(2)(a)). If one remains, it is chosen.
 *    If several remain (three or more were tied and two are still level), keep looking further
 *    back among those that remain.
 * 2. If they were equal at every stage, decide **by lot** (rules 49(3), 51(2)(b)): a draw from
 *    the count's seeded random stream, over the remaining candidates in candidate order, so
 *    anyone can re-run it from the recorded seed.
 */
export class TieBreaker {
  private random: SeededRandom | null = null;
  readonly records: TieBreak[] = [];

  constructor(readonly seed: string) {}

  /**
   * @param tied candidates with equal current votes (2 or more), any order
   * @param history totals per stage: `history[k]` is stage k + 1; only `history[0 .. currentStage - 2]` are "preceding"
   * @param currentStage the stage (1-based) at which the tie is decided
   * @param prefer 'highest' for surplus order / election, 'lowest' for exclusion
   */
  decide(
    tied: readonly number[],
    history: readonly ArrayLike<number>[],
    currentStage: number,
    prefer: 'highest' | 'lowest',
    purpose: TieBreak['purpose'],
  ): number {
    let remaining = [...tied].sort((a, b) => a - b);
    let decidedAt: number | undefined;
    for (let k = Math.min(currentStage - 1, history.length) - 1; k >= 0 && remaining.length > 1; k--) {
      const totals = history[k];
      let best = totals[remaining[0]];
      let allEqual = true;
      for (const c of remaining) {
        const v = totals[c];
        if (v !== best) allEqual = false;
        if (prefer === 'highest' ? v > best : v < best) best = v;
      }
      if (allEqual) continue;
      remaining = remaining.filter((c) => totals[c] === best);
      decidedAt = k + 1;
    }
    if (remaining.length === 1) {
      this.records.push({ stage: currentStage, purpose, tied: [...tied].sort((a, b) => a - b), chosen: remaining[0], resolvedBy: 'earlier-stage', decidedAtStage: decidedAt });
      return remaining[0];
    }
    const chosen = remaining[this.draw(remaining.length)];
    this.records.push({ stage: currentStage, purpose, tied: [...tied].sort((a, b) => a - b), chosen, resolvedBy: 'lot', seed: this.seed });
    return chosen;
  }

  /** Decides by lot alone (no history to look at). */
  byLot(tied: readonly number[], currentStage: number, purpose: TieBreak['purpose']): number {
    const sorted = [...tied].sort((a, b) => a - b);
    const chosen = sorted[this.draw(sorted.length)];
    this.records.push({ stage: currentStage, purpose, tied: sorted, chosen, resolvedBy: 'lot', seed: this.seed });
    return chosen;
  }

  /** Decides by a fixed order (earliest in `order` wins). */
  byOrder(tied: readonly number[], order: readonly number[], currentStage: number, purpose: TieBreak['purpose']): number {
    const rank = (c: number): number => {
      const i = order.indexOf(c);
      return i < 0 ? order.length + c : i;
    };
    const sorted = [...tied].sort((a, b) => rank(a) - rank(b));
    this.records.push({ stage: currentStage, purpose, tied: [...tied].sort((a, b) => a - b), chosen: sorted[0], resolvedBy: 'tie-order' });
    return sorted[0];
  }

  private draw(n: number): number {
    this.random ??= new SeededRandom(this.seed);
    return this.random.nextInt(n);
  }
}

/**
 * The `seats` candidates with the most votes, most votes first. Candidates level on votes keep
 * candidate order among themselves when all of them are elected anyway; when only some of a level
 * group fit, the seats left are drawn by lot one at a time (each draw recorded).
 */
export function electHighest(totals: ArrayLike<number>, eligible: readonly number[], seats: number, ties: TieBreaker, stage = 1): number[] {
  const ranked = [...eligible].sort((a, b) => totals[b] - totals[a] || a - b);
  const elected: number[] = [];
  let i = 0;
  while (elected.length < seats && i < ranked.length) {
    const level = totals[ranked[i]];
    let j = i;
    while (j < ranked.length && totals[ranked[j]] === level) j++;
    const group = ranked.slice(i, j);
    const room = seats - elected.length;
    if (group.length <= room) {
      elected.push(...group);
    } else {
      const pool = [...group];
      for (let k = 0; k < room; k++) {
        const chosen = ties.byLot(pool, stage, 'election');
        elected.push(chosen);
        pool.splice(pool.indexOf(chosen), 1);
      }
    }
    i = j;
  }
  return elected;
}
