import type { Tx } from '@org/platform';
import type { CaseMessage, EvidenceSnapshot, Interview, StatementRegister } from '../../domain';

/** The investigation's records (S7, S12): statements, interviews, evidence and case messages, all sealed. */
export abstract class InvestigationRepository {
  abstract statements(m: Tx, caseId: string): Promise<StatementRegister>;
  abstract saveStatements(m: Tx, caseId: string, register: StatementRegister, at: string): Promise<void>;
  abstract interviews(m: Tx, caseId: string): Promise<Interview[]>;
  abstract saveInterview(m: Tx, i: Interview, at: string): Promise<void>;
  abstract insertEvidence(m: Tx, e: EvidenceSnapshot, bytes: Uint8Array): Promise<void>;
  abstract evidenceList(m: Tx, caseId: string): Promise<EvidenceSnapshot[]>;
  abstract evidenceContent(m: Tx, caseId: string, evidenceId: string): Promise<Buffer | null>;
  abstract insertMessage(m: Tx, msg: CaseMessage): Promise<void>;
  abstract markDisclosed(m: Tx, msg: CaseMessage): Promise<void>;
  abstract messages(m: Tx, caseId: string, opts: { withText: boolean }): Promise<CaseMessage[]>;
  abstract messageText(m: Tx, caseId: string, messageId: string): Promise<string | null>;
}
