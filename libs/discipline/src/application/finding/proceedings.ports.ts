import type { EntityManager } from 'typeorm';
import type { Case } from '../../domain/case/case.aggregate';
import type { CaseEvent } from '../../domain/case/case.events';
import type { CaseSnapshot } from '../../domain/case/case.types';
import type { BodyMandate, BranchPeriod, DeclaredRelationship, OtherOpenCase } from '../../domain/recusal/recusal.types';

/**
 * What part 2 (the proceedings) needs from part 1 (intake and the case life cycle), as ports.
 * Part 1 owns the case table and its store, the content encryption service, the key ring and
 * the recusal facts; `infrastructure/part2/part1.adapters.ts` binds these ports to part 1's
 * services. Every method runs in the caller's transaction (`m`), on the discipline connection.
 */

/** Who acted, for the case's own audit and timeline (never content). */
export interface ProceedingsActorRef {
  readonly id: string | null;
  readonly kind: 'member' | 'system' | 'non_member';
}

export abstract class CaseGateway {
  /** The case id for a key someone gave: a case id, or a case reference; null if none (one lookup either way). */
  abstract resolve(m: EntityManager, key: string): Promise<string | null>;
  /** The case, locked for the rest of the transaction when `forUpdate`; null if no such case. */
  abstract load(m: EntityManager, caseId: string, options?: { forUpdate?: boolean }): Promise<Case | null>;
  /** Saves the case after a part-2 transition (`advanceToStage`) with the events it produced. */
  abstract save(m: EntityManager, c: Case, events: readonly CaseEvent[], actor: ProceedingsActorRef): Promise<void>;
  /** Cases in id order after `afterId` (for the matching index and the transparency report). */
  abstract page(m: EntityManager, afterId: string | null, limit: number): Promise<CaseSnapshot[]>;
}

/** Sealing and opening of case content with the case's own data key (S11). */
export abstract class CaseContent {
  abstract seal(m: EntityManager, caseId: string, field: string, text: string): Promise<string>;
  abstract open(m: EntityManager, caseId: string, field: string, sealed: string): Promise<string>;
  abstract sealBytes(m: EntityManager, caseId: string, field: string, bytes: Uint8Array): Promise<Buffer>;
  abstract openBytes(m: EntityManager, caseId: string, field: string, sealed: Uint8Array): Promise<Buffer>;
  /** Reads the case's key for the transaction: one statement, the same whether the case exists or not. */
  abstract prepare(m: EntityManager, caseId: string): Promise<void>;
}

/**
 * Facts the recusal engine needs that are not in the case itself: branch histories and body
 * mandates (membership, identity), declared relationships and other open cases (part 1).
 */
export abstract class RecusalFactsSource {
  abstract branchHistory(m: EntityManager, memberIds: readonly string[]): Promise<BranchPeriod[]>;
  abstract mandates(m: EntityManager, memberIds: readonly string[]): Promise<BodyMandate[]>;
  abstract relationships(m: EntityManager, memberIds: readonly string[]): Promise<DeclaredRelationship[]>;
  abstract otherOpenCases(m: EntityManager, caseId: string, memberIds: readonly string[]): Promise<OtherOpenCase[]>;
  /** Current members of a body kind (CCOM: commissioners and alternates; APPEALS). */
  abstract currentBodyMembers(m: EntityManager, kind: 'CCOM' | 'APPEALS', on: string): Promise<{ memberId: string; role: string }[]>;
}
