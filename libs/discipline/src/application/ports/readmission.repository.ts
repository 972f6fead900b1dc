import type { Tx } from '@org/platform';
import type { ReadmissionDecision, ReadmissionDecisionSnapshot } from '../../domain';

/** Readmission decisions (S9), and the list of expelled members who need one. */
export abstract class ReadmissionRepository {
  abstract insert(m: Tx, caseId: string, d: ReadmissionDecision, decidedBy: string): Promise<void>;
  abstract ofMember(m: Tx, memberId: string): Promise<{ caseId: string; decision: ReadmissionDecisionSnapshot; decidedBy: string }[]>;
  abstract decisionFacts(m: Tx, memberId: string): Promise<ReadmissionDecisionSnapshot[]>;
  /** Whether the member is listed in `restrictions.readmission_required`. */
  abstract readmissionRequired(m: Tx, memberId: string): Promise<boolean>;
}
