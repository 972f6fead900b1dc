import { DrawnSeatSource, PanelDrawRecord } from '../panel/panel-draw';
import { PanelChallenge } from '../recusal/panel-challenge';
import { CandidateSeat, ReportedPeriod, SelfRecusal } from '../recusal/recusal.types';
import { InterimDecision } from '../interim/interim-measures';
import { Timestamp } from './calendar';
import { CaseReference } from './case-reference';
import { CaseId, MemberId, SealedRef } from './identifiers';

/** Who filed: a member, a former member, or a non-member who verified an email address. */
export type Complainant =
  | { readonly kind: 'member'; readonly memberId: MemberId }
  | { readonly kind: 'former_member'; readonly memberId: MemberId }
  | { readonly kind: 'non_member'; readonly email: string; readonly emailVerifiedAt: Timestamp };

/** A person named in a case: a member (picked from the directory) or a described non-member. */
export type PersonRef =
  | { readonly kind: 'member'; readonly memberId: MemberId }
  | { readonly kind: 'non_member'; readonly description: SealedRef };

export type CasePath = 'record-only' | 'informal' | 'formal';

export type CaseStage =
  | 'received'
  | 'triaged'
  | 'panel_seated'
  | 'investigating'
  // the formal track continues (findings, finality, publication):
  | 'finding'
  | 'final'
  | 'published'
  // endings before any finding:
  | 'closed_record_only'
  | 'resolved_informally'
  | 'withdrawn';

export const CLOSED_STAGES: readonly CaseStage[] = ['closed_record_only', 'resolved_informally', 'withdrawn'];
/** Stages in which the case is being handled (deadlines run, parties can act). */
export const ACTIVE_STAGES: readonly CaseStage[] = ['received', 'triaged', 'panel_seated', 'investigating'];
export const FORMAL_TRACK_STAGES = ['finding', 'final', 'published'] as const;
export type FormalTrackStage = (typeof FORMAL_TRACK_STAGES)[number];

export interface SeriousnessFlags {
  readonly violence: boolean;
  readonly sexualMisconduct: boolean;
  readonly threats: boolean;
}

export const isSerious = (f: SeriousnessFlags): boolean => f.violence || f.sexualMisconduct || f.threats;

/** What the complainant files (intake, S1/S4/S12). Content fields are sealed by infrastructure. */
export interface ComplaintIntake {
  readonly complainant: Complainant;
  readonly respondents: readonly PersonRef[];
  readonly narrative: SealedRef;
  /** When it happened (inclusive dates); null when the complainant cannot date it. */
  readonly when: ReportedPeriod | null;
  readonly where: SealedRef | null;
  readonly witnesses: readonly PersonRef[];
  readonly supportPerson: PersonRef | null;
  readonly seriousness: SeriousnessFlags;
  readonly path: CasePath;
  /** Required (true) for the informal path: the complainant's explicit consent. */
  readonly informalConsent?: boolean;
  readonly matchingOptIn: boolean;
}

/**
 * Who is acting, as the application layer establishes it from the session and current mandates.
 * A non-member complainant is known only by the email address they verified.
 */
export interface CaseActor {
  readonly memberId?: MemberId;
  readonly verifiedEmail?: string;
  /** Holds a current Control Commission mandate. */
  readonly isCommissioner?: boolean;
  /** Holds a current Appeals Committee mandate. */
  readonly isAppealsCommitteeMember?: boolean;
}

export type PanelSeatSource = DrawnSeatSource | 'ad_hoc';

export interface PanelSeat {
  readonly memberId: MemberId;
  readonly source: PanelSeatSource;
  readonly seatedAt: Timestamp;
}

export type RemovalReason = 'conflict' | 'self_recusal' | 'challenge_upheld';

export interface RemovedPanelist {
  readonly memberId: MemberId;
  readonly reason: RemovalReason;
  readonly at: Timestamp;
  /** How the seat is being filled again: not yet, by a redraw, or by the Appeals Committee. */
  readonly replacement: 'pending' | 'drawn' | 'ad_hoc_requested' | 'ad_hoc';
}

export interface PanelState {
  readonly size: number | null;
  readonly seats: readonly PanelSeat[];
  readonly draws: readonly PanelDrawRecord[];
  readonly removed: readonly RemovedPanelist[];
  /** Seats the Appeals Committee has been asked to fill. */
  readonly adHocSeatsRequested: number;
}

/** The recusal outcome as the case keeps it: who is cleared, for which seat; who is not. */
export interface RecusalRecord {
  readonly computedAt: Timestamp;
  /** The case's people it was computed for (a change makes it stale). */
  readonly considered: {
    readonly parties: readonly MemberId[];
    readonly witnesses: readonly MemberId[];
    readonly supportPersons: readonly MemberId[];
  };
  readonly eligible: readonly { readonly memberId: MemberId; readonly seat: CandidateSeat }[];
  readonly conflicted: readonly MemberId[];
  /** How many candidate assessments found a conflict (for the transparency report). */
  readonly conflictCount: number;
}

export interface InformalResolution {
  readonly proposedBy: MemberId;
  readonly proposedAt: Timestamp;
  readonly terms: SealedRef;
  readonly confirmedAt: Timestamp | null;
}

export type DeadlineKind = 'triage' | 'panel_seated' | 'finding' | 'interim_measures';

export interface EscalationRecord {
  readonly deadline: DeadlineKind;
  readonly dueAt: Timestamp;
  readonly escalatedAt: Timestamp;
  readonly recipients: readonly MemberId[];
}

export type TimelineAudience = 'complainant' | 'respondent' | 'panel';

/** An entry of the case's timeline: what happened and when, never content. */
export interface TimelineEntry {
  readonly seq: number;
  readonly at: Timestamp;
  readonly kind: string;
  readonly audience: readonly TimelineAudience[];
  /** Small, content-free facts (a stage, a path, a count, a panelist id for the parties). */
  readonly data?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export interface CaseSnapshot {
  readonly id: CaseId;
  readonly reference: CaseReference;
  readonly receivedAt: Timestamp;
  /** When the deadlines' clock started: receipt, or when a closed record-only report was reopened. */
  readonly clockStartedAt: Timestamp;
  readonly complainant: Complainant;
  readonly respondents: readonly PersonRef[];
  readonly witnesses: readonly PersonRef[];
  readonly supportPerson: PersonRef | null;
  readonly narrative: SealedRef;
  readonly where: SealedRef | null;
  readonly when: ReportedPeriod | null;
  readonly seriousness: SeriousnessFlags;
  /** When the case first counted as serious (by the complainant's flags or at triage). */
  readonly seriousSince: Timestamp | null;
  readonly path: CasePath;
  readonly informalConsentAt: Timestamp | null;
  readonly matchingOptIn: boolean;
  readonly stage: CaseStage;
  readonly stageHistory: readonly { readonly stage: CaseStage; readonly at: Timestamp }[];
  readonly triagedAt: Timestamp | null;
  readonly panelSeatedAt: Timestamp | null;
  readonly findingAt: Timestamp | null;
  readonly closedAt: Timestamp | null;
  readonly dutyCommissionerId: MemberId | null;
  readonly recusal: RecusalRecord | null;
  readonly selfRecusals: readonly SelfRecusal[];
  readonly panel: PanelState;
  readonly challenges: readonly PanelChallenge[];
  readonly interimDecisions: readonly InterimDecision[];
  readonly informalResolution: InformalResolution | null;
  readonly escalations: readonly EscalationRecord[];
  readonly timeline: readonly TimelineEntry[];
}
