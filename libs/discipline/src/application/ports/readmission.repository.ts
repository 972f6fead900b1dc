import type { EntityManager } from 'typeorm';
import type { ReadmissionDecision, ReadmissionDecisionSnapshot } from '../../domain';

/** Readmission decisions (S9), and the list of expelled members who need one. */
export abstract class ReadmissionRepository {
  abstract insert(m: EntityManager, caseId: string, d: ReadmissionDecision, decidedBy: string): Promise<void>;
  abstract ofMember(m: EntityManager, memberId: string): Promise<{ caseId: string; decision: ReadmissionDecisionSnapshot; decidedBy: string }[]>;
  abstract decisionFacts(m: EntityManager, memberId: string): Promise<ReadmissionDecisionSnapshot[]>;
  /** Whether the member is listed in `restrictions.readmission_required`. */
  abstract readmissionRequired(m: EntityManager, memberId: string): Promise<boolean>;
}
