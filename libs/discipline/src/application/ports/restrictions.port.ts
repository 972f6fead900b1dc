import type { Tx } from '@org/platform';
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
  abstract syncInterimMeasures(m: Tx, s: CaseSnapshot): Promise<void>;
  abstract replaceSources(m: Tx, caseId: string, kind: 'interim' | 'sanction', sourceId: string, sources: readonly RestrictionSourceInput[]): Promise<void>;
  abstract refresh(m: Tx, memberIds: readonly string[]): Promise<void>;
  abstract restrictionsFor(m: Tx, memberId: string, at: Date): Promise<Restriction[]>;
  abstract hasProtectedTransferRight(m: Tx, memberId: string, at: Date): Promise<boolean>;
}
