import type { Tx } from '@org/platform';
import type { AdHocAppointmentSnapshot, CaseSnapshot, InterimMeasure, PanelDrawRecord, RecusalOutcome } from '../../domain';

export interface InterimProposalRow {
  id: string;
  caseId: string;
  proposedBy: string;
  proposedAt: string;
  outcome: 'measures' | 'no_measures';
  measures: InterimMeasure[];
  reasonsRef: string;
  concurrences: string[];
}

/**
 * The records kept beside a case: recusal computations, panel draws, the duty rotation,
 * declared relationships, ad-hoc appointments, interim decisions, proposals and escalations.
 */
export abstract class CaseRecordsRepository {
  abstract insertRecusal(m: Tx, outcome: RecusalOutcome, trigger: string): Promise<void>;
  abstract recusalHistory(m: Tx, caseId: string): Promise<{ computedAt: string; trigger: string; eligible: number; conflicted: number }[]>;
  abstract insertDraw(m: Tx, d: PanelDrawRecord, at: Date): Promise<string>;
  abstract syncDecisionsAndEscalations(m: Tx, s: CaseSnapshot): Promise<void>;
  abstract lastDutyIndex(m: Tx): Promise<number | null>;
  abstract setLastDutyIndex(m: Tx, index: number, at: Date): Promise<void>;
  abstract declareRelationship(m: Tx, memberId: string, otherMemberId: string, at: Date): Promise<boolean>;
  abstract adHocAppointment(m: Tx, caseId: string): Promise<AdHocAppointmentSnapshot | null>;
  abstract saveAdHocAppointment(m: Tx, s: AdHocAppointmentSnapshot): Promise<void>;
  abstract openInterimProposal(m: Tx, caseId: string, proposalId: string): Promise<InterimProposalRow | null>;
  abstract insertInterimProposal(m: Tx, p: InterimProposalRow): Promise<void>;
  abstract updateInterimProposal(m: Tx, id: string, concurrences: string[], decisionId: string | null, at: Date | null): Promise<void>;
  abstract closeInterimProposals(m: Tx, caseId: string, at: Date): Promise<void>;
}
