import type { Tx } from '@org/platform';
import type { BodyMandate, BranchPeriod, DeclaredRelationship, OtherOpenCase } from '../../domain';

/**
 * The facts the recusal engine reasons from (S3) that are not in the case itself: branch
 * histories (membership), body mandates (identity), declared relationships and other open cases
 * (this context). Every query is by member id, restricted to the people concerned.
 */
export abstract class RecusalFacts {
  /** Branch periods of these members that end after `since` (or are still running). */
  abstract branchHistory(m: Tx, memberIds: readonly string[], since?: string | null): Promise<BranchPeriod[]>;
  abstract mandates(m: Tx, memberIds: readonly string[]): Promise<BodyMandate[]>;
  abstract relationships(m: Tx, memberIds: readonly string[]): Promise<DeclaredRelationship[]>;
  abstract otherOpenCases(m: Tx, caseId: string, memberIds: readonly string[]): Promise<OtherOpenCase[]>;
  /** Current commissioners, alternates and Appeals Committee members, in one query. */
  abstract currentCandidates(m: Tx, on: string): Promise<{ memberId: string; kind: 'CCOM' | 'APPEALS'; role: string }[]>;
  /** Current members of a body kind (CCOM: commissioners and alternates, role 'alternate' for the latter; APPEALS). */
  abstract currentBodyMembers(m: Tx, kind: 'CCOM' | 'APPEALS', on: string): Promise<{ memberId: string; role: string }[]>;
}
