import type { Tx } from '@org/platform';
import type { Finding } from '../../domain';

/** Findings (S7): a sealed snapshot beside the columns the jobs and the report read. */
export abstract class FindingRepository {
  abstract insert(m: Tx, f: Finding): Promise<void>;
  abstract update(m: Tx, f: Finding): Promise<void>;
  abstract ofCase(m: Tx, caseId: string): Promise<Finding[]>;
  /** Decided findings whose appeal window has closed with no appeal pending. */
  abstract dueForFinality(m: Tx, now: Date, limit: number): Promise<{ findingId: string; caseId: string }[]>;
  abstract finalExpulsionsOf(m: Tx, memberId: string): Promise<{ findingId: string; caseId: string; finalAt: string }[]>;
  /** Ids, statuses, dates and sanctions only, for the transparency report. */
  abstract reportFacts(m: Tx): Promise<
    { caseId: string; status: string; decidedAt: string | null; finalAt: string | null; finalSanction: string | null; remandOf: string | null }[]
  >;
}
