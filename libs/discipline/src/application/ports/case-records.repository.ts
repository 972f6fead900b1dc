import type { EntityManager } from 'typeorm';
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
  abstract insertRecusal(m: EntityManager, outcome: RecusalOutcome, trigger: string): Promise<void>;
  abstract recusalHistory(m: EntityManager, caseId: string): Promise<{ computedAt: string; trigger: string; eligible: number; conflicted: number }[]>;
  abstract insertDraw(m: EntityManager, d: PanelDrawRecord, at: Date): Promise<string>;
  abstract syncDecisionsAndEscalations(m: EntityManager, s: CaseSnapshot): Promise<void>;
  abstract lastDutyIndex(m: EntityManager): Promise<number | null>;
  abstract setLastDutyIndex(m: EntityManager, index: number, at: Date): Promise<void>;
  abstract declareRelationship(m: EntityManager, memberId: string, otherMemberId: string, at: Date): Promise<boolean>;
  abstract adHocAppointment(m: EntityManager, caseId: string): Promise<AdHocAppointmentSnapshot | null>;
  abstract saveAdHocAppointment(m: EntityManager, s: AdHocAppointmentSnapshot): Promise<void>;
  abstract openInterimProposal(m: EntityManager, caseId: string, proposalId: string): Promise<InterimProposalRow | null>;
  abstract insertInterimProposal(m: EntityManager, p: InterimProposalRow): Promise<void>;
  abstract updateInterimProposal(m: EntityManager, id: string, concurrences: string[], decisionId: string | null, at: Date | null): Promise<void>;
  abstract closeInterimProposals(m: EntityManager, caseId: string, at: Date): Promise<void>;
}
