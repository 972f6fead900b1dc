import type { EntityManager } from 'typeorm';
import type { Restriction, RestrictionKind } from '@org/kernel';
import type { CaseSnapshot } from '../../domain';

export interface RestrictionSourceInput {
  readonly memberId: string;
  readonly kind: RestrictionKind;
  readonly since: string;
  readonly until: string | null;
  readonly separatedFrom?: readonly string[];
}

/**
 * Where restrictions come from (`discipline.restriction_sources`: interim measures and
 * sanctions) and the projection the platform reads (`restrictions.active`,
 * `restrictions.protected_transfer`), rebuilt from the sources — never written directly.
 */
export abstract class RestrictionSources {
  abstract syncInterimMeasures(m: EntityManager, s: CaseSnapshot): Promise<void>;
  abstract replaceSources(m: EntityManager, caseId: string, kind: 'interim' | 'sanction', sourceId: string, sources: readonly RestrictionSourceInput[]): Promise<void>;
  abstract refresh(m: EntityManager, memberIds: readonly string[]): Promise<void>;
  abstract restrictionsFor(m: EntityManager, memberId: string, at: Date): Promise<Restriction[]>;
  abstract hasProtectedTransferRight(m: EntityManager, memberId: string, at: Date): Promise<boolean>;
}
