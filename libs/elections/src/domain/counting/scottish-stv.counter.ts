import type { BallotProfile } from './ballot-profile.model';
import { profileFingerprint } from './ballot-profile.model';
import type { CountResult, CountStage, StageAction } from './count-result.model';
import { ballotsInvalid } from './counting.errors';
import { formatUnits, mulDivFloor } from './fixed-point.arithmetic';
import { MinimumGuard, minimumsMet, type RepresentationMinimum } from './representation-minimum';
import { TieBreaker } from './tie-break.policy';

export interface ScottishStvOptions {
  /** Seed for ties left to lot (rules 49(3), 51(2)(b)). Default: a fingerprint of the ballots. */
  readonly seed?: string;
  /**
   * Representation minimums (see `representation-minimum.ts`). The count is first run without
   * them; if its winners meet every minimum, that count is the result, unchanged. Otherwise it is
   * run again by the exclusion method.
   */
  readonly minimums?: readonly RepresentationMinimum[];
}

/** One vote = 100,000 units: all values are whole numbers of 0.00001 (rule 48(3): five places). */
const UNIT = 100_000;
const PLACES = 5;

const HOPEFUL = 0;
const ELECTED = 1;
const EXCLUDED = 2;
const WITHDRAWN = 3;

/**
 * Scottish STV, as in the Scottish Local Government Elections Order 2007 (SSI 2007/42),
 * Schedule 1, rules 45–52:
 *
 * - 45: first preferences; 46: quota = floor(valid poll / (seats + 1)) + 1;
 * - 47: a candidate whose votes equal or exceed the quota is elected (checked after every stage);
 * - 48: the surplus of an elected candidate is transferred by weighted inclusive Gregory: every
 *   paper the candidate holds goes on at value floor5(value × surplus / total) — "A divided by B,
 *   to five decimal places, any remainder being ignored" — to the next continuing candidate;
 * - 49: one surplus per stage, the largest first; equal surpluses by the earlier-stage rule, then lot;
 * - 50: with no surplus to transfer, the candidate with the fewest votes is excluded and all its
 *   papers go on at their current value, in one stage;
 * - 51: equal lowest by the earlier-stage rule, then lot;
 * - 52: when the continuing candidates are as many as the vacancies left, they are elected and
 *   nothing more is transferred.
 *
 * Arithmetic is integer units of 0.00001 (a JS number stays exact below 2^53; products that might
 * not are done in BigInt), so there is no floating-point drift. The value truncated away in
 * surplus transfers is reported as `lossToFractions`; at every stage
 * Σ totals + nonTransferable + lossToFractions = valid poll, exactly.
 *
 * Work is proportional to the papers moved: ballots are handled as ranking groups (identical
 * rankings always travel together at the same value), and each candidate keeps the list of groups
 * it currently holds, so a transfer touches only the transferring candidate's papers.
 */
export function countScottishStv(profile: BallotProfile, options: ScottishStvOptions = {}): CountResult {
  const free = countWith(profile, options, null);
  const guard = MinimumGuard.for(profile, options.minimums);
  if (!guard || minimumsMet(options.minimums ?? [], free.elected)) return free;
  return countWith(profile, options, guard);
}

function countWith(profile: BallotProfile, options: ScottishStvOptions, guard: MinimumGuard | null): CountResult {
  if (profile.hasEqualRankings) {
    throw ballotsInvalid('Scottish STV has no rule for equal rankings: each preference must name exactly one candidate');
  }
  const n = profile.candidates.length;
  const seats = profile.seats;
  const seed = options.seed ?? profileFingerprint(profile);
  const ties = new TieBreaker(seed);
  const { prefs, offsets, weights, groupCount } = profile;

  const status = new Uint8Array(n);
  for (const w of profile.withdrawn) status[w] = WITHDRAWN;
  const votes = new Float64Array(n);
  const pendingSurplus = new Uint8Array(n);

  const validPoll = profile.ballotCount;
  const quotaVotes = Math.floor(validPoll / (seats + 1)) + 1;
  const quota = quotaVotes * UNIT;

  // Rule 45: first stage.
  const position = new Uint32Array(groupCount);
  const value = new Int32Array(groupCount);
  const papers: number[][] = Array.from({ length: n }, () => []);
  for (let g = 0; g < groupCount; g++) {
    const start = offsets[g];
    position[g] = start;
    value[g] = UNIT;
    const c = prefs[start];
    votes[c] += weights[g] * UNIT;
    papers[c].push(g);
  }

  let hopefulCount = 0;
  for (let c = 0; c < n; c++) if (status[c] === HOPEFUL) hopefulCount++;
  let seatsLeft = Math.min(seats, hopefulCount);

  const elected: number[] = [];
  const stages: CountStage[] = [];
  const history: Float64Array[] = [];
  let nonTransferable = 0;
  let lossToFractions = 0;

  const hopefuls = (): number[] => {
    const out: number[] = [];
    for (let c = 0; c < n; c++) if (status[c] === HOPEFUL) out.push(c);
    return out;
  };

  /** Elects, in order of votes, every hopeful at or above the quota (rule 47). */
  const electByQuota = (stageNumber: number, into: number[]): void => {
    const reached = hopefuls().filter((c) => votes[c] >= quota);
    orderByVotes(reached, stageNumber);
    for (const c of reached) {
      if (seatsLeft === 0) break;
      if (guard && !guard.mayElect(c, seatsLeft)) continue;
      guard?.elected(c);
      status[c] = ELECTED;
      pendingSurplus[c] = votes[c] > quota ? 1 : 0;
      elected.push(c);
      into.push(c);
      hopefulCount--;
      seatsLeft--;
    }
  };

  /** Highest votes first; equal votes by the earlier-stage rule (order only, no lot needed). */
  const orderByVotes = (list: number[], stageNumber: number): void => {
    list.sort((a, b) => {
      if (votes[b] !== votes[a]) return votes[b] - votes[a];
      for (let k = Math.min(stageNumber - 1, history.length) - 1; k >= 0; k--) {
        if (history[k][a] !== history[k][b]) return history[k][b] - history[k][a];
      }
      return a - b;
    });
  };

  /** Rule 52, and the end of the count when every seat is filled. */
  const finished = (into: number[]): boolean => {
    if (seatsLeft === 0) return true;
    // A minimum binds: the outsiders are excluded at the next stage before anyone else is elected.
    if (guard && guard.toExclude(hopefuls(), seatsLeft).length > 0) return false;
    if (hopefulCount <= seatsLeft) {
      const rest = hopefuls();
      orderByVotes(rest, stages.length + 1);
      for (const c of rest) {
        guard?.elected(c);
        status[c] = ELECTED;
        elected.push(c);
        into.push(c);
        hopefulCount--;
        seatsLeft--;
      }
      return true;
    }
    return false;
  };

  /** Moves group g past its current candidate to the next continuing one, at `newValue`. */
  const passOn = (g: number, newValue: number): number => {
    const end = offsets[g + 1];
    let p = position[g] + 1;
    while (p < end && status[prefs[p]] !== HOPEFUL) p++;
    value[g] = newValue;
    const amount = weights[g] * newValue;
    if (p === end) {
      position[g] = end;
      nonTransferable += amount;
      return 0;
    }
    position[g] = p;
    const to = prefs[p];
    votes[to] += amount;
    papers[to].push(g);
    return amount;
  };

  const record = (action: StageAction, electedNow: number[], excludedNow: number[]): void => {
    history.push(Float64Array.from(votes));
    stages.push({
      totals: Array.from(votes, (v) => formatUnits(v, PLACES)),
      nonTransferable: formatUnits(nonTransferable, PLACES),
      lossToFractions: formatUnits(lossToFractions, PLACES),
      elected: electedNow,
      excluded: excludedNow,
      action,
    });
  };

  // Stage 1.
  {
    const electedNow: number[] = [];
    electByQuota(1, electedNow);
    const done = finished(electedNow);
    record({ kind: 'first-preferences' }, electedNow, []);
    if (done) return result();
  }

  for (;;) {
    const stageNumber = stages.length + 1;
    const electedNow: number[] = [];
    const excludedNow: number[] = [];
    let action: StageAction;

    const pending: number[] = [];
    for (let c = 0; c < n; c++) if (status[c] === ELECTED && pendingSurplus[c]) pending.push(c);
    const outsiders = guard ? guard.toExclude(hopefuls(), seatsLeft) : [];

    if (outsiders.length > 0) {
      // The exclusion method: the seats left are all owed to groups, so every continuing
      // candidate outside them is excluded together, their papers transferred at current value.
      orderByVotes(outsiders, stageNumber);
      outsiders.reverse();
      let carried = 0;
      const held: number[] = [];
      for (const c of outsiders) {
        status[c] = EXCLUDED;
        hopefulCount--;
        excludedNow.push(c);
        carried += votes[c];
        votes[c] = 0;
        for (const g of papers[c]) held.push(g);
        papers[c] = [];
      }
      for (const g of held) passOn(g, value[g]);
      action = { kind: 'exclusion', candidate: outsiders[0], transferred: formatUnits(carried, PLACES), minimum: true };
    } else if (pending.length > 0) {
      // Rules 48 and 49: the largest surplus, one per stage.
      let top = pending[0];
      for (const c of pending) if (votes[c] > votes[top]) top = c;
      const level = pending.filter((c) => votes[c] === votes[top]);
      const from = level.length > 1 ? ties.decide(level, history, stageNumber, 'highest', 'surplus-order') : top;

      const total = votes[from];
      const surplus = total - quota;
      const newValueOf = new Map<number, number>();
      let moved = 0;
      const held = papers[from];
      papers[from] = [];
      const ntBefore = nonTransferable;
      for (const g of held) {
        const w = value[g];
        let nv = newValueOf.get(w);
        if (nv === undefined) {
          nv = mulDivFloor(w, surplus, total);
          newValueOf.set(w, nv);
        }
        moved += passOn(g, nv);
      }
      votes[from] = quota;
      pendingSurplus[from] = 0;
      lossToFractions += surplus - moved - (nonTransferable - ntBefore);
      action = { kind: 'surplus', candidate: from, surplus: formatUnits(surplus, PLACES), total: formatUnits(total, PLACES) };
    } else {
      // Rules 50 and 51: exclude the lowest.
      const all = hopefuls();
      // Never exclude a candidate a minimum still needs (as many left in the group as it is owed).
      const open = guard ? guard.excludable(all) : all;
      let low = open[0];
      for (const c of open) if (votes[c] < votes[low]) low = c;
      const level = open.filter((c) => votes[c] === votes[low]);
      const out = level.length > 1 ? ties.decide(level, history, stageNumber, 'lowest', 'exclusion') : low;

      status[out] = EXCLUDED;
      hopefulCount--;
      excludedNow.push(out);
      const held = papers[out];
      papers[out] = [];
      const carried = votes[out];
      votes[out] = 0;
      for (const g of held) passOn(g, value[g]);
      action = { kind: 'exclusion', candidate: out, transferred: formatUnits(carried, PLACES) };
    }

    electByQuota(stageNumber, electedNow);
    const done = finished(electedNow);
    record(action, electedNow, excludedNow);
    if (done) return result();
  }

  function result(): CountResult {
    return {
      method: 'scottish-stv',
      candidates: profile.candidates,
      seats,
      validPoll: String(validPoll),
      quota: formatUnits(quota, PLACES),
      elected,
      stages,
      tieBreaks: ties.records,
      seed,
    };
  }
}
