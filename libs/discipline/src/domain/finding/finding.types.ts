import { AppealOutcomeKind } from './finding-alteration.policy';
import { FindingStatus } from './finding-lifecycle';
import { PanelVote, Verdict, VoteCounts } from './majority.policy';
import { Sanction } from './sanction.value-object';
import { SanctionEffects } from './sanction-effects.value-object';
import { Timestamp } from './time';

/** The data of a finding: its snapshot, its events and the inputs of its commands (`Finding`). */

export interface FindingDecision {
  readonly upheld: boolean;
  readonly counts: VoteCounts;
  /** The panel's sanction (the original one, kept even when an appeal modifies it). */
  readonly sanction: Sanction;
  /** The rule of the code of conduct or statutes considered (breached, when upheld). */
  readonly rule: string;
  readonly reasons: string;
  readonly decidedAt: Timestamp;
}

export interface FindingAppealOutcome {
  readonly appealId: string;
  readonly outcome: AppealOutcomeKind;
  readonly decidedAt: Timestamp;
}

export interface FindingSnapshot {
  readonly findingId: string;
  readonly caseId: string;
  /** One finding per respondent: a case with two respondents has two findings. */
  readonly respondentId: string;
  readonly complainantIds: readonly string[];
  readonly panelistIds: readonly string[];
  /** Members of earlier panels in this case (after a remand) who may never sit on it again. */
  readonly excludedPanelistIds: readonly string[];
  /** The finding this one replaces after a remand. */
  readonly remandOf: string | null;
  readonly appealWindowDays: number;
  readonly openedAt: Timestamp;
  readonly votes: readonly PanelVote[];
  readonly decision: FindingDecision | null;
  readonly notifiedAt: Timestamp | null;
  readonly appealDeadline: Timestamp | null;
  readonly appealId: string | null;
  readonly status: FindingStatus;
  readonly finalAt: Timestamp | null;
  /** The sanction in force once final: the panel's, or the Appeals Committee's modification. */
  readonly finalSanction: Sanction | null;
  readonly appealOutcome: FindingAppealOutcome | null;
}

interface FindingEventBase {
  readonly findingId: string;
  readonly caseId: string;
  readonly at: Timestamp;
}
export type FindingEvent =
  | (FindingEventBase & { readonly type: 'discipline.finding.vote_cast'; readonly panelistId: string })
  | (FindingEventBase & { readonly type: 'discipline.finding.decided'; readonly upheld: boolean; readonly counts: VoteCounts })
  | (FindingEventBase & { readonly type: 'discipline.finding.parties_notified'; readonly appealDeadline: Timestamp })
  | (FindingEventBase & { readonly type: 'discipline.finding.appealed'; readonly appealId: string })
  | (FindingEventBase & {
      readonly type: 'discipline.finding.became_final';
      readonly via: 'appeal_window_passed' | 'appeal_upheld' | 'appeal_modified_sanction';
      readonly effects: SanctionEffects;
    })
  | (FindingEventBase & { readonly type: 'discipline.finding.set_aside'; readonly appealId: string });

export interface OpenFindingInput {
  readonly findingId: string;
  readonly caseId: string;
  readonly respondentId: string;
  readonly complainantIds: readonly string[];
  /** The seated panel (drawn by the panel engine). */
  readonly panelistIds: readonly string[];
  /** After a remand: `Appeal.remandExclusions()`; nobody listed may sit on this panel. */
  readonly excludedPanelistIds?: readonly string[];
  readonly remandOf?: string | null;
  /** Statutory appeal window in days (default 30). */
  readonly appealWindowDays?: number;
  readonly now: Timestamp;
}

export interface CastVoteInput {
  readonly panelistId: string;
  readonly verdict: Verdict;
  /** Required for an uphold vote (not `no_finding`); must be absent or `no_finding` otherwise. */
  readonly proposedSanction?: Sanction;
  readonly now: Timestamp;
}

export interface DecideInput {
  readonly rule: string;
  readonly reasons: string;
  /**
   * The final wording of the conditions (for `conditions`) or of the readmission conditions
   * (for `expulsion`) agreed by the panel; when absent, the median proposal's wording is used.
   */
  readonly sanctionWording?: string;
  readonly now: Timestamp;
}
