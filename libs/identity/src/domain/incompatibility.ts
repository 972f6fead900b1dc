import { DomainError } from '@org/kernel';
import type { BodyKind } from './body-kind';

/**
 * S2: the commission and the appeals committee are independent of the leadership and of each
 * other. CCom ∩ (EC ∪ CC ∪ Appeals ∪ staff) = ∅; Appeals ∩ (EC ∪ CC ∪ CCom ∪ staff) = ∅; a
 * former EC/CC member needs a cooling-off period before sitting on either.
 */
const INCOMPATIBLE: Partial<Record<BodyKind, readonly BodyKind[]>> = {
  CCOM: ['EC', 'CC', 'APPEALS', 'STAFF'],
  APPEALS: ['EC', 'CC', 'CCOM', 'STAFF'],
  EC: ['CCOM', 'APPEALS'],
  CC: ['CCOM', 'APPEALS'],
  STAFF: ['CCOM', 'APPEALS'],
};
const COOLING_OFF_FROM: readonly BodyKind[] = ['EC', 'CC'];
const NEEDS_COOLING_OFF: readonly BodyKind[] = ['CCOM', 'APPEALS'];

export interface HeldMandate {
  bodyKind: BodyKind;
  startsOn: string;
  endsOn: string | null;
}

export interface IncompatibilityCheck {
  bodyKind: BodyKind;
  startsOn: string;
  endsOn: string | null;
  held: readonly HeldMandate[];
  coolingOffMonths: number;
}

const addMonths = (isoDate: string, months: number): string => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
};

/** Half-open periods [from, to) overlap when each starts before the other ends. */
const overlaps = (aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean =>
  (aTo === null || bFrom < aTo) && (bTo === null || aFrom < bTo);

/** Throws `incompatible_mandate` when the new mandate would break S2. */
export function assertCompatible(check: IncompatibilityCheck): void {
  const clashes = INCOMPATIBLE[check.bodyKind] ?? [];
  for (const h of check.held) {
    if (clashes.includes(h.bodyKind) && overlaps(check.startsOn, check.endsOn, h.startsOn, h.endsOn)) {
      throw new DomainError(
        'conflict',
        'incompatible_mandate',
        `A member cannot hold a ${check.bodyKind} mandate while holding a ${h.bodyKind} mandate (statutes, structural separation). The other mandate must end first.`,
        { bodyKind: check.bodyKind, conflictsWith: h.bodyKind },
      );
    }
    if (NEEDS_COOLING_OFF.includes(check.bodyKind) && COOLING_OFF_FROM.includes(h.bodyKind) && h.endsOn !== null) {
      const coolUntil = addMonths(h.endsOn, check.coolingOffMonths);
      if (h.endsOn <= check.startsOn && check.startsOn < coolUntil) {
        throw new DomainError(
          'conflict',
          'cooling_off_period',
          `A former ${h.bodyKind} member may sit on the ${check.bodyKind} only from ${coolUntil} (cooling-off period of ${check.coolingOffMonths} months).`,
          { bodyKind: check.bodyKind, availableFrom: coolUntil },
        );
      }
    }
  }
}
