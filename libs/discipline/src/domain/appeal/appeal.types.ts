import { AdHocAppointmentSnapshot } from '../panel/ad-hoc-panel';
import type { Finding } from '../finding/finding.entity';
import { AppealOutcomeKind } from '../finding/finding-alteration.policy';
import { Sanction } from '../finding/sanction.value-object';
import { Timestamp } from '../finding/time';
import { AppealVote, AppealVoteCounts } from './appeal-majority.policy';
import { AppealStatus } from './appeal-lifecycle';

/** The data of an appeal: its grounds, snapshot, events and the inputs of its commands (`Appeal`). */

export type AppealGroundKind = 'procedural_error' | 'new_evidence' | 'disproportionate_sanction';
export const APPEAL_GROUND_KINDS: readonly AppealGroundKind[] = ['procedural_error', 'new_evidence', 'disproportionate_sanction'];

export interface AppealGround {
  readonly ground: AppealGroundKind;
  /** What the party says went wrong, in their own words. */
  readonly text: string;
}

export interface Appellant {
  readonly personId: string;
  readonly role: 'complainant' | 'respondent';
  readonly grounds: readonly AppealGround[];
  readonly lodgedAt: Timestamp;
}

export interface AppealDecisionRecord {
  readonly outcome: AppealOutcomeKind;
  /** The new sanction for `modify_sanction`; `null` otherwise. */
  readonly sanction: Sanction | null;
  /** The reasons of the members in the majority, in the order they voted. */
  readonly reasons: string;
  /** Computed from the recorded votes when the majority was reached (`appealMajority`). */
  readonly counts: AppealVoteCounts;
  readonly decidedAt: Timestamp;
}

export interface AppealSnapshot {
  readonly appealId: string;
  readonly findingId: string;
  readonly caseId: string;
  readonly respondentId: string;
  readonly complainantIds: readonly string[];
  /** The panel whose finding is appealed. */
  readonly firstPanelistIds: readonly string[];
  /** Members of still earlier panels of this case (after an earlier remand). */
  readonly priorExcludedIds: readonly string[];
  readonly originalUpheld: boolean;
  readonly originalSanction: Sanction;
  /** End of the statutory window (exclusive); later appellants cannot join after it. */
  readonly deadline: Timestamp;
  readonly appellants: readonly Appellant[];
  readonly status: AppealStatus;
  readonly appealsPanelIds: readonly string[];
  readonly panelSeatedAt: Timestamp | null;
  readonly decision: AppealDecisionRecord | null;
  readonly lodgedAt: Timestamp;
  /**
   * When the draw could not fill the panel (S3 shortfall): the Appeals Committee members it drew
   * appoint members for the missing seats. Absent until the first nomination.
   */
  readonly adHoc?: AdHocAppointmentSnapshot | null;
  /** The appeals panel's recorded votes, one per member (absent in appeals recorded before votes were kept). */
  readonly votes?: readonly AppealVote[];
}

interface AppealEventBase {
  readonly appealId: string;
  readonly findingId: string;
  readonly caseId: string;
  readonly at: Timestamp;
}
export type AppealEvent =
  | (AppealEventBase & { readonly type: 'discipline.appeal.lodged'; readonly appellantId: string })
  | (AppealEventBase & { readonly type: 'discipline.appeal.appellant_joined'; readonly appellantId: string })
  | (AppealEventBase & { readonly type: 'discipline.appeal.panel_seated'; readonly appealsPanelIds: readonly string[] })
  | (AppealEventBase & { readonly type: 'discipline.appeal.vote_cast'; readonly panelistId: string; readonly changed: boolean })
  | (AppealEventBase & { readonly type: 'discipline.appeal.decided'; readonly outcome: AppealOutcomeKind; readonly counts: AppealVoteCounts })
  | (AppealEventBase & { readonly type: 'discipline.appeal.ad_hoc_nomination'; readonly nomineeId: string; readonly appointed: boolean });

export interface LodgeAppealInput {
  readonly appealId: string;
  readonly finding: Finding;
  readonly appellantId: string;
  readonly grounds: readonly AppealGround[];
  readonly now: Timestamp;
}

export interface CastAppealVoteInput {
  readonly panelistId: string;
  readonly outcome: AppealOutcomeKind;
  /** Required for `modify_sanction` (part of the vote), refused otherwise. */
  readonly sanction?: Sanction;
  /** The member's own written reasons. */
  readonly reasons: string;
  readonly now: Timestamp;
}
