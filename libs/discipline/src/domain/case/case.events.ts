import { Timestamp } from './calendar';
import { CaseId, MemberId } from './identifiers';
import { CasePath, CaseStage, DeadlineKind, PanelSeatSource, RemovalReason } from './case.types';

/**
 * Domain events of a case. They carry ids, stages and counts — never content (no narrative,
 * reasons, names or emails), so they are safe for the outbox and the audit log. Events meant to
 * reach people say who (`recipients`); the application layer never widens that list.
 */
interface Base {
  readonly caseId: CaseId;
  readonly at: Timestamp;
}

export type CaseEvent =
  | (Base & { readonly type: 'ComplaintReceived'; readonly path: CasePath; readonly serious: boolean })
  | (Base & { readonly type: 'RecusalRecorded'; readonly eligible: number; readonly conflicted: number })
  | (Base & { readonly type: 'DutyCommissionerAssigned'; readonly commissionerId: MemberId })
  | (Base & { readonly type: 'DutyCommissionerVacated'; readonly commissionerId: MemberId; readonly reason: 'conflict' | 'self_recusal' })
  | (Base & { readonly type: 'CaseTriaged'; readonly by: MemberId; readonly serious: boolean; readonly seriousnessRaised: boolean })
  | (Base & { readonly type: 'CaseClosedRecordOnly' })
  | (Base & { readonly type: 'CaseReopened'; readonly path: CasePath })
  | (Base & { readonly type: 'PathChanged'; readonly from: CasePath; readonly to: CasePath; readonly consentRevoked: boolean })
  | (Base & {
      readonly type: 'ParticipantAdded';
      readonly role: 'respondent' | 'witness' | 'support_person';
      readonly memberId: MemberId | null;
      /** The people of the case changed: recompute recusal before anything else happens. */
      readonly recusalRecomputeRequired: true;
    })
  | (Base & { readonly type: 'PanelDrawn'; readonly drawKind: 'initial' | 'redraw'; readonly seats: readonly MemberId[]; readonly shortfall: number })
  | (Base & { readonly type: 'AdHocPanelRequested'; readonly seatsToFill: number })
  | (Base & { readonly type: 'PanelistSeated'; readonly memberId: MemberId; readonly source: PanelSeatSource })
  | (Base & { readonly type: 'PanelSeated'; readonly panel: readonly MemberId[] })
  | (Base & {
      readonly type: 'PanelSeatVacated';
      readonly memberId: MemberId;
      readonly reason: RemovalReason;
      /** Replace this seat now (redrawSeat) — the removed person is excluded for good. */
      readonly redrawRequired: true;
    })
  | (Base & { readonly type: 'PanelistChallenged'; readonly challengeId: string; readonly panelistId: MemberId; readonly deciders: readonly MemberId[] })
  | (Base & { readonly type: 'ChallengeVoteCast'; readonly challengeId: string; readonly voterId: MemberId })
  | (Base & {
      readonly type: 'ChallengeDecided';
      readonly challengeId: string;
      readonly panelistId: MemberId;
      readonly upheld: boolean;
      readonly votesToUphold: number;
      readonly votesToReject: number;
    })
  | (Base & { readonly type: 'InvestigationBegun'; readonly respondentsNotified: readonly MemberId[] })
  | (Base & { readonly type: 'InterimDecisionRecorded'; readonly decisionId: string; readonly outcome: 'measures' | 'no_measures'; readonly measureCount: number })
  | (Base & { readonly type: 'InterimMeasuresEnded'; readonly decisionId: string; /** When only some respondents' measures ended. */ readonly memberIds?: readonly string[] })
  | (Base & { readonly type: 'InformalResolutionProposed'; readonly by: MemberId })
  | (Base & { readonly type: 'CaseResolvedInformally' })
  | (Base & { readonly type: 'CaseWithdrawn'; readonly fromStage: CaseStage })
  | (Base & { readonly type: 'CaseStageAdvanced'; readonly stage: CaseStage })
  | (Base & {
      readonly type: 'DeadlineEscalated';
      readonly deadline: DeadlineKind;
      readonly dueAt: Timestamp;
      /** The whole commission cleared for this case. */
      readonly recipients: readonly MemberId[];
    });

export type CaseEventType = CaseEvent['type'];
