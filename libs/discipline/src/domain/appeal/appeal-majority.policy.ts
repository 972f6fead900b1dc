import type { AppealOutcomeKind } from '../finding/finding-alteration.policy';
import { Sanction, sameSanction } from '../finding/sanction.value-object';
import type { Timestamp } from '../finding/time';

/**
 * One member of the appeals panel's vote (S7): the outcome they support, the new sanction when
 * that outcome is `modify_sanction` (part of the vote: two members proposing different sanctions
 * are not voting for the same decision), and their own written reasons.
 */
export interface AppealVote {
  readonly panelistId: string;
  readonly outcome: AppealOutcomeKind;
  /** The proposed new sanction for `modify_sanction`; `null` otherwise. */
  readonly sanction: Sanction | null;
  readonly reasons: string;
  readonly castAt: Timestamp;
}

/**
 * The counts of a decided appeal, computed from the recorded votes — never typed in.
 * `inFavour`: members who voted for the decision reached (same outcome, and for
 * `modify_sanction` the same sanction); `against`: members who voted for anything else;
 * `notVoted`: members of the panel who had not voted when the majority was reached.
 */
export interface AppealVoteCounts {
  readonly inFavour: number;
  readonly against: number;
  readonly notVoted: number;
}

export interface AppealMajority {
  readonly outcome: AppealOutcomeKind;
  readonly sanction: Sanction | null;
  readonly counts: AppealVoteCounts;
  /** The votes of the majority, in the order they were cast (their reasons are the decision's). */
  readonly majority: readonly AppealVote[];
}

const sameDecision = (a: AppealVote, b: AppealVote): boolean =>
  a.outcome === b.outcome && (a.outcome !== 'modify_sanction' || (a.sanction !== null && b.sanction !== null && sameSanction(a.sanction, b.sanction)));

/**
 * The appeals panel decides by the same rule as a panel's finding: a strict majority of the
 * panel's full size (`panelSize`, the members seated — not only those who have voted). Each
 * member votes for one outcome; a decision is reached as soon as strictly more than half of the
 * panel have voted for the same outcome — and, for `modify_sanction`, for the same new sanction.
 * Votes for different outcomes (or different sanctions) do not add up: with three members, one
 * vote to uphold, one to remand and one to modify the sanction reach no decision until a member
 * changes their vote. A tie (possible only on an even panel) is no majority. At most one
 * decision can hold a strict majority, so the answer never depends on the order of the votes.
 * Returns `null` while no decision has a majority.
 */
export function appealMajority(votes: readonly AppealVote[], panelSize: number): AppealMajority | null {
  if (!Number.isInteger(panelSize) || panelSize < 1) return null;
  for (const v of votes) {
    const agreeing = votes.filter((w) => sameDecision(v, w));
    if (agreeing.length * 2 > panelSize) {
      return {
        outcome: v.outcome,
        sanction: v.outcome === 'modify_sanction' ? v.sanction : null,
        counts: { inFavour: agreeing.length, against: votes.length - agreeing.length, notVoted: Math.max(0, panelSize - votes.length) },
        majority: agreeing,
      };
    }
  }
  return null;
}

/** "2–1": votes for the decision reached, then votes for anything else (an en dash, as in notices). */
export function appealVoteCountLabel(counts: { readonly inFavour: number; readonly against: number }): string {
  return `${counts.inFavour}–${counts.against}`;
}
