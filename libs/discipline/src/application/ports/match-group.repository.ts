import type { Tx } from '@org/platform';
import type { MatchGroup } from '../../domain';

/** The match groups of pattern matching (S10), keyed by a respondent's keyed hash: ids, kinds and dates only. */
export abstract class MatchGroupRepository {
  abstract load(m: Tx, respondentHash: string): Promise<MatchGroup | null>;
  abstract save(m: Tx, g: MatchGroup, keyId: string, at: string): Promise<void>;
  abstract groupsOfCase(m: Tx, caseId: string, forUpdate?: boolean): Promise<MatchGroup[]>;
  abstract unindexedCaseIds(m: Tx, limit: number): Promise<string[]>;
  abstract isIndexed(m: Tx, caseId: string): Promise<boolean>;
  abstract markIndexed(m: Tx, caseId: string, at: string): Promise<boolean>;
}
