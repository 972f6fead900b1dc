import type { EntityManager } from 'typeorm';
import type { MatchGroup } from '../../domain';

/** The match groups of pattern matching (S10), keyed by a respondent's keyed hash: ids, kinds and dates only. */
export abstract class MatchGroupRepository {
  abstract load(m: EntityManager, respondentHash: string): Promise<MatchGroup | null>;
  abstract save(m: EntityManager, g: MatchGroup, keyId: string, at: string): Promise<void>;
  abstract groupsOfCase(m: EntityManager, caseId: string, forUpdate?: boolean): Promise<MatchGroup[]>;
  abstract unindexedCaseIds(m: EntityManager, limit: number): Promise<string[]>;
  abstract isIndexed(m: EntityManager, caseId: string): Promise<boolean>;
  abstract markIndexed(m: EntityManager, caseId: string, at: string): Promise<boolean>;
}
