import type { Tx } from '@org/platform';
import type { SanctionEffects } from '../../domain';

/**
 * What a final sanction changes outside the case (S5, S9): the member's status and history,
 * restrictions, mandates, readmission. Applied in the caller's transaction, once per finding.
 */
export abstract class SanctionEffectsWriter {
  abstract apply(m: Tx, input: { effects: SanctionEffects; caseId: string; findingId: string; now: Date }): Promise<{ sanctionRef: string } | null>;
  abstract endExpulsion(m: Tx, input: { memberId: string; findingId: string; decisionId: string; now: Date }): Promise<void>;
  /** Suspensions whose end has come: status back to active; how many. */
  abstract liftEndedSuspensions(m: Tx, now: Date): Promise<number>;
}
