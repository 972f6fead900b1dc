import type { EntityManager } from 'typeorm';
import type { CaseMessage, EvidenceSnapshot, Interview, StatementRegister } from '../../domain';

/** The investigation's records (S7, S12): statements, interviews, evidence and case messages, all sealed. */
export abstract class InvestigationRepository {
  abstract statements(m: EntityManager, caseId: string): Promise<StatementRegister>;
  abstract saveStatements(m: EntityManager, caseId: string, register: StatementRegister, at: string): Promise<void>;
  abstract interviews(m: EntityManager, caseId: string): Promise<Interview[]>;
  abstract saveInterview(m: EntityManager, i: Interview, at: string): Promise<void>;
  abstract insertEvidence(m: EntityManager, e: EvidenceSnapshot, bytes: Uint8Array): Promise<void>;
  abstract evidenceList(m: EntityManager, caseId: string): Promise<EvidenceSnapshot[]>;
  abstract evidenceContent(m: EntityManager, caseId: string, evidenceId: string): Promise<Buffer | null>;
  abstract insertMessage(m: EntityManager, msg: CaseMessage): Promise<void>;
  abstract markDisclosed(m: EntityManager, msg: CaseMessage): Promise<void>;
  abstract messages(m: EntityManager, caseId: string, opts: { withText: boolean }): Promise<CaseMessage[]>;
  abstract messageText(m: EntityManager, caseId: string, messageId: string): Promise<string | null>;
}
