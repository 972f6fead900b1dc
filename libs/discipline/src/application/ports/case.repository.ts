import type { Tx } from '@org/platform';
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
  abstract findByKey(m: Tx, key: string, forUpdate?: boolean): Promise<CaseRow | null>;
  /** The case, locked for the rest of the transaction when `forUpdate`; null if no such case. */
  abstract load(m: Tx, caseId: string, forUpdate?: boolean): Promise<Case | null>;
  abstract referenceExists(m: Tx, reference: string): Promise<boolean>;
  abstract insert(m: Tx, c: Case, policy: DeadlinePolicy, at: Date): Promise<void>;
  abstract update(m: Tx, c: Case, policy: DeadlinePolicy, at: Date): Promise<void>;
  abstract handledBy(m: Tx, memberId: string): Promise<CaseSnapshot[]>;
  abstract escalatedCandidates(m: Tx, memberId: string): Promise<CaseSnapshot[]>;
  abstract namingMember(m: Tx, memberId: string): Promise<CaseSnapshot[]>;
  abstract filedByEmail(m: Tx, email: string): Promise<CaseSnapshot[]>;
  abstract awaitingAdHocPanel(m: Tx): Promise<CaseSnapshot[]>;
  abstract openCaseIds(m: Tx): Promise<string[]>;
  /** Takes the deadlines job's hold on one case for this transaction, if no other run has it (false: another run is checking it). */
  abstract tryHoldForDeadlines(m: Tx, caseId: string): Promise<boolean>;
  /** Cases in id order after `afterId` (the matching index, the transparency report). */
  abstract page(m: Tx, afterId: string | null, limit: number): Promise<CaseSnapshot[]>;
  abstract refreshProtectedTransfers(m: Tx, memberIds: readonly string[]): Promise<void>;
}
