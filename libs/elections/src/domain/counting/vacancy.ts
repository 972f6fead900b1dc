import type { BallotProfile } from './ballot-profile.model';
import type { CountResult } from './count-result.model';
import { countInvalid } from './counting.errors';
import { RankingGroupsBuilder } from './ranking-groups.builder';
import type { RepresentationMinimum } from './representation-minimum';

/** How a seat left by a winner is filled (the organization's rule). */
export const VACANCY_RULES = ['countback', 'next-highest'] as const;
export type VacancyRule = (typeof VACANCY_RULES)[number];

export interface VacancyFilling {
  readonly rule: VacancyRule;
  /** The winner who cannot take the seat or leaves it (0-based). */
  readonly vacating: number;
  /** Who takes the seat (0-based), or null when nobody is left to take it. */
  readonly filledBy: number | null;
  /** The winners after the filling, in the original order, `filledBy` in the vacating winner's place. */
  readonly elected: number[];
  /** Countback: the recount on the original ballots (the vacating winner withdrawn). */
  readonly count: CountResult | null;
}

/** The same ballots with more candidates withdrawn (removed from every ranking). */
export function withCandidatesWithdrawn(profile: BallotProfile, more: readonly number[]): BallotProfile {
  const n = profile.candidates.length;
  const withdrawn = new Uint8Array(n);
  for (const c of [...profile.withdrawn, ...more]) {
    if (!Number.isInteger(c) || c < 0 || c >= n) throw countInvalid(`candidate ${c + 1} does not exist (there are ${n} candidates)`);
    withdrawn[c] = 1;
  }
  const ties = profile.tiedWithNext;
  const builder = new RankingGroupsBuilder(profile.hasEqualRankings, n);
  const scratch = new Uint16Array(n);
  const tieScratch = new Uint8Array(n);
  let blank = profile.blankBallots;
  for (let g = 0; g < profile.groupCount; g++) {
    let len = 0;
    for (let i = profile.offsets[g]; i < profile.offsets[g + 1]; i++) {
      const c = profile.prefs[i];
      const tied = ties ? ties[i] : 0;
      if (withdrawn[c]) {
        // The tie with the dropped candidate continues (or not) as the dropped one's did.
        if (len > 0 && tieScratch[len - 1] === 1) tieScratch[len - 1] = tied;
        continue;
      }
      scratch[len] = c;
      tieScratch[len] = tied;
      len++;
    }
    if (len > 0) tieScratch[len - 1] = 0;
    if (len === 0) blank += profile.weights[g];
    else builder.add(scratch, len, profile.weights[g], ties ? tieScratch : undefined);
  }
  const list: number[] = [];
  for (let c = 0; c < n; c++) if (withdrawn[c]) list.push(c);
  return builder.build({ title: profile.title, candidates: profile.candidates, seats: profile.seats, withdrawn: list, blankBallots: blank, tieOrder: profile.tieOrder });
}

/**
 * Countback on the original ballots: the count is run again with the vacating winner withdrawn
 * (skipped on every ballot) and the other winners kept elected — they form a group owed all their
 * seats, so the exclusion method (`representation-minimum.ts`) keeps them in if the plain recount
 * would not. The election's own representation minimums apply again, counted over the kept
 * winners plus the refill (`countbackMinimums`). The one seat left goes to whoever the recount
 * elects besides them.
 */
export function countback(
  profile: BallotProfile,
  originalElected: readonly number[],
  vacating: number,
  count: (profile: BallotProfile, minimums: readonly RepresentationMinimum[]) => CountResult,
  minimums: readonly RepresentationMinimum[] = [],
): VacancyFilling {
  assertWinner(originalElected, vacating);
  const kept = originalElected.filter((c) => c !== vacating);
  const without = withCandidatesWithdrawn(profile, [vacating]);
  const recount = count(without, countbackMinimums(without, kept, minimums));
  const newcomers = recount.elected.filter((c) => !kept.includes(c));
  const filledBy = newcomers.length > 0 ? newcomers[0] : null;
  return { rule: 'countback', vacating, filledBy, elected: replaced(originalElected, vacating, filledBy), count: recount };
}

/**
 * The minimums of a countback (groups disjoint, as the counters require): the kept winners, owed
 * all their seats; then each of the election's groups, among its candidates not kept and still
 * standing, owed what its kept winners leave owed — so the election's minimum is met over the kept
 * winners plus the refill. A group with no candidate left standing to owe a seat to is owed none
 * (the seat is then filled without it), and the groups together are never owed more than the
 * seats the kept winners leave.
 */
export function countbackMinimums(profile: BallotProfile, kept: readonly number[], minimums: readonly RepresentationMinimum[]): RepresentationMinimum[] {
  const keptSet = new Set(kept);
  const out = new Set(profile.withdrawn);
  let room = profile.seats - kept.length;
  const owedNow: RepresentationMinimum[] = [];
  for (const m of minimums) {
    const keptIn = m.candidates.filter((c) => keptSet.has(c)).length;
    const standing = m.candidates.filter((c) => !keptSet.has(c) && !out.has(c));
    const owed = Math.min(Math.max(0, m.minimum - keptIn), standing.length, Math.max(0, room));
    if (owed === 0) continue;
    room -= owed;
    owedNow.push({ group: m.group, candidates: standing, minimum: owed });
  }
  return kept.length > 0 ? [{ group: 'kept elected', candidates: [...kept], minimum: kept.length }, ...owedNow] : owedNow;
}

/**
 * Next-highest: the seat goes to the candidate who came next in the original count — among those
 * not elected, first any still continuing when the seats were filled (highest final total first),
 * then the excluded, the last excluded first (equal stage: the higher total before exclusion).
 */
export function nextHighest(result: CountResult, vacating: number, withdrawn: readonly number[] = []): VacancyFilling {
  assertWinner(result.elected, vacating);
  const order = runnersUp(result, withdrawn);
  const filledBy = order.length > 0 ? order[0] : null;
  return { rule: 'next-highest', vacating, filledBy, elected: replaced(result.elected, vacating, filledBy), count: null };
}

/** Candidates not elected and not withdrawn, from the next-highest down. */
export function runnersUp(result: CountResult, withdrawn: readonly number[] = []): number[] {
  const elected = new Set(result.elected);
  const out = new Set(withdrawn);
  const excludedAt = new Map<number, number>();
  result.stages.forEach((s, k) => s.excluded.forEach((c) => excludedAt.set(c, k)));
  const value = (k: number, c: number): number => Number(result.stages[k].totals[c]);
  const continuing = result.candidates
    .map((_, c) => c)
    .filter((c) => !elected.has(c) && !excludedAt.has(c) && !out.has(c))
    .sort((a, b) => value(result.stages.length - 1, b) - value(result.stages.length - 1, a) || a - b);
  const excluded = [...excludedAt.keys()]
    .filter((c) => !elected.has(c) && !out.has(c))
    .sort((a, b) => {
      const ka = excludedAt.get(a) as number;
      const kb = excludedAt.get(b) as number;
      if (ka !== kb) return kb - ka;
      const before = Math.max(0, ka - 1);
      return value(before, b) - value(before, a) || a - b;
    });
  return [...continuing, ...excluded];
}

function assertWinner(elected: readonly number[], vacating: number): void {
  if (!elected.includes(vacating)) throw countInvalid(`candidate ${vacating + 1} was not elected, so there is no seat of theirs to fill`);
}

function replaced(elected: readonly number[], vacating: number, by: number | null): number[] {
  return elected.flatMap((c) => (c !== vacating ? [c] : by === null ? [] : [by]));
}
