import { Sanction, compareSanctions } from './sanction.value-object';

export type Verdict = 'uphold' | 'not_uphold';

export interface PanelVote {
  readonly panelistId: string;
  readonly verdict: Verdict;
  /** `no_finding` for a not-uphold vote; any other sanction for an uphold vote. */
  readonly proposedSanction: Sanction;
  readonly castAt: string;
}

export interface VoteCounts {
  readonly uphold: number;
  readonly notUphold: number;
}

export interface MajorityOutcome {
  readonly upheld: boolean;
  readonly counts: VoteCounts;
  /** The vote whose proposal became the sanction (`null` when not upheld). */
  readonly sanctionFrom: PanelVote | null;
  readonly sanction: Sanction;
}

/**
 * The panel decides by majority of its seated members (every one of whom has voted):
 * - the complaint is upheld only when strictly more than half voted to uphold; a tie (possible
 *   only on an even panel) is not a majority, so it is not upheld;
 * - the sanction is the median proposal: order every proposal by severity (a not-uphold vote
 *   counts as "no finding", suspensions by end date) and take the most severe sanction that a
 *   strict majority of the panel proposed or exceeded. So no sanction is imposed that a
 *   majority did not support, and an upheld complaint always gets at least a warning.
 * Ties between equally severe proposals go to the earliest seated panelist (the order given).
 */
export function decideByMajority(votes: readonly PanelVote[]): MajorityOutcome {
  const n = votes.length;
  const uphold = votes.filter((v) => v.verdict === 'uphold').length;
  const counts = { uphold, notUphold: n - uphold };
  const upheld = n > 0 && uphold * 2 > n;
  if (!upheld) return { upheld, counts, sanctionFrom: null, sanction: { kind: 'no_finding' } };
  const ranked = votes
    .map((v, i) => ({ v, i }))
    .sort((a, b) => compareSanctions(b.v.proposedSanction, a.v.proposedSanction) || a.i - b.i);
  const chosen = ranked[Math.floor(n / 2)].v;
  return { upheld, counts, sanctionFrom: chosen, sanction: chosen.proposedSanction };
}

/** "2–1": votes to uphold, then votes not to uphold (an en dash, as printed in notices). */
export function voteCountLabel(counts: VoteCounts): string {
  return `${counts.uphold}–${counts.notUphold}`;
}
