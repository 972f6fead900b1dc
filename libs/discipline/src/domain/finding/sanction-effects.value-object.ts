import { Sanction } from './sanction.value-object';
import { Timestamp, isBefore, millis, startOfDate } from './time';

/** Rights a final sanction removes across the platform (S9). */
export type RestrictedRight = 'voting' | 'candidacy' | 'office' | 'hosting';

export const ALL_RESTRICTED_RIGHTS: readonly RestrictedRight[] = ['voting', 'candidacy', 'office', 'hosting'];

/**
 * What a final finding means for the rest of the platform: which rights the member loses and
 * until when. It says *what*, never *why*: no case, finding, rule, complainant or reasons.
 * Other contexts (membership status, elections, identity mandates, meetings) read this value;
 * a suspension or an expulsion removes all four rights at once, in the same transaction that
 * makes the finding final. Warnings and conditions restrict nothing mechanically.
 */
export interface SanctionEffects {
  readonly memberId: string;
  /** When the effects began: the moment the finding became final. */
  readonly effectiveFrom: Timestamp;
  readonly standing: 'unaffected' | 'suspended' | 'expelled';
  /** First moment the member is no longer suspended (00:00 UTC of the suspension's end date). */
  readonly suspendedUntil: Timestamp | null;
  readonly expelled: boolean;
  /** Rights removed. Empty for no finding, warnings and conditions. */
  readonly restrictions: readonly RestrictedRight[];
  /** Restrictions end at this moment; `null` with restrictions = until a readmission decision. */
  readonly restrictedUntil: Timestamp | null;
}

export function sanctionEffects(memberId: string, s: Sanction, effectiveFrom: Timestamp): SanctionEffects {
  switch (s.kind) {
    case 'suspension': {
      const until = startOfDate(s.until);
      return {
        memberId,
        effectiveFrom,
        standing: 'suspended',
        suspendedUntil: until,
        expelled: false,
        restrictions: [...ALL_RESTRICTED_RIGHTS],
        restrictedUntil: until,
      };
    }
    case 'expulsion':
      return {
        memberId,
        effectiveFrom,
        standing: 'expelled',
        suspendedUntil: null,
        expelled: true,
        restrictions: [...ALL_RESTRICTED_RIGHTS],
        restrictedUntil: null,
      };
    default:
      return {
        memberId,
        effectiveFrom,
        standing: 'unaffected',
        suspendedUntil: null,
        expelled: false,
        restrictions: [],
        restrictedUntil: null,
      };
  }
}

/** The rights removed at `asOf` (nothing before the effects began or after a suspension ended). */
export function restrictionsActiveAt(effects: SanctionEffects, asOf: Timestamp): readonly RestrictedRight[] {
  if (effects.restrictions.length === 0 || isBefore(asOf, effects.effectiveFrom)) return [];
  if (effects.restrictedUntil !== null && millis(asOf) >= millis(effects.restrictedUntil)) return [];
  return effects.restrictions;
}
