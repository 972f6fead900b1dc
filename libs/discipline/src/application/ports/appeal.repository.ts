import type { Tx } from '@org/platform';
import type { Appeal } from '../../domain';
import type { RecordedPanelDraw } from '../appeal/panel-drawing';

/** Appeals (S7) with the draw of their panel, and the draws of remand panels. */
export abstract class AppealRepository {
  abstract insert(m: Tx, a: Appeal, draw: RecordedPanelDraw | null): Promise<void>;
  abstract update(m: Tx, a: Appeal, draw?: RecordedPanelDraw | null): Promise<void>;
  abstract ofCase(m: Tx, caseId: string): Promise<Appeal[]>;
  abstract drawOf(m: Tx, appealId: string): Promise<RecordedPanelDraw | null>;
  abstract recordRemandPanel(m: Tx, findingId: string, appealId: string, draw: RecordedPanelDraw, at: string): Promise<void>;
  abstract remandDrawOf(m: Tx, findingId: string): Promise<RecordedPanelDraw | null>;
  /** Ids, dates and outcomes only, for the transparency report. */
  abstract reportFacts(m: Tx): Promise<{ caseId: string; lodgedAt: string; outcome: string | null }[]>;
}
