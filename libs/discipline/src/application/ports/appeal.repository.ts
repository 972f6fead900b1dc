import type { EntityManager } from 'typeorm';
import type { Appeal } from '../../domain';
import type { RecordedPanelDraw } from '../appeal/panel-drawing';

/** Appeals (S7) with the draw of their panel, and the draws of remand panels. */
export abstract class AppealRepository {
  abstract insert(m: EntityManager, a: Appeal, draw: RecordedPanelDraw | null): Promise<void>;
  abstract update(m: EntityManager, a: Appeal, draw?: RecordedPanelDraw | null): Promise<void>;
  abstract ofCase(m: EntityManager, caseId: string): Promise<Appeal[]>;
  abstract drawOf(m: EntityManager, appealId: string): Promise<RecordedPanelDraw | null>;
  abstract recordRemandPanel(m: EntityManager, findingId: string, appealId: string, draw: RecordedPanelDraw, at: string): Promise<void>;
  abstract remandDrawOf(m: EntityManager, findingId: string): Promise<RecordedPanelDraw | null>;
  /** Ids, dates and outcomes only, for the transparency report. */
  abstract reportFacts(m: EntityManager): Promise<{ caseId: string; lodgedAt: string; outcome: string | null }[]>;
}
