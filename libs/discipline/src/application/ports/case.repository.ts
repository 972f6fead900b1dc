import type { EntityManager } from 'typeorm';
import type { Case, CaseSnapshot, DeadlinePolicy } from '../../domain';

/** A case as stored: its snapshot and the version the next save checks. */
export interface CaseRow {
  readonly snapshot: CaseSnapshot;
  readonly version: number;
}

/**
 * The cases (`discipline.cases` and their participants): the aggregate's snapshot beside the
 * columns the lists and the deadlines job read. Every method runs in the caller's transaction.
 */
export abstract class CaseRepository {
  /** One lookup by case id or reference, whatever the key (S1: the same statement for a key never issued). */
  abstract findByKey(m: EntityManager, key: string, forUpdate?: boolean): Promise<CaseRow | null>;
  /** The case, locked for the rest of the transaction when `forUpdate`; null if no such case. */
  abstract load(m: EntityManager, caseId: string, forUpdate?: boolean): Promise<Case | null>;
  abstract referenceExists(m: EntityManager, reference: string): Promise<boolean>;
  abstract insert(m: EntityManager, c: Case, policy: DeadlinePolicy, at: Date): Promise<void>;
  abstract update(m: EntityManager, c: Case, policy: DeadlinePolicy, at: Date): Promise<void>;
  abstract handledBy(m: EntityManager, memberId: string): Promise<CaseSnapshot[]>;
  abstract escalatedCandidates(m: EntityManager, memberId: string): Promise<CaseSnapshot[]>;
  abstract namingMember(m: EntityManager, memberId: string): Promise<CaseSnapshot[]>;
  abstract filedByEmail(m: EntityManager, email: string): Promise<CaseSnapshot[]>;
  abstract awaitingAdHocPanel(m: EntityManager): Promise<CaseSnapshot[]>;
  abstract openCaseIds(m: EntityManager): Promise<string[]>;
  /** Takes the deadlines job's hold on one case for this transaction, if no other run has it (false: another run is checking it). */
  abstract tryHoldForDeadlines(m: EntityManager, caseId: string): Promise<boolean>;
  /** Cases in id order after `afterId` (the matching index, the transparency report). */
  abstract page(m: EntityManager, afterId: string | null, limit: number): Promise<CaseSnapshot[]>;
  abstract refreshProtectedTransfers(m: EntityManager, memberIds: readonly string[]): Promise<void>;
}
