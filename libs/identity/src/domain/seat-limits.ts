import { DomainError } from '@org/kernel';
import type { BodyKind, MandateRole } from './body-kind';

/**
 * Seat limits and back-dating: how many people a body can seat at once, and which routes may
 * record a mandate that started in the past. Kept apart from the S2 incompatibility rules
 * (`incompatibility.ts`): these are about the body, those about the person.
 */

/** Alternates stand in for an absent member; they do not occupy one of the body's seats. */
export const SEAT_FREE_ROLES: readonly MandateRole[] = ['alternate'];

/** Roles one person at a time holds in a body, whatever its size (one chair, one secretary…). */
export const SINGLE_HOLDER_ROLES: readonly MandateRole[] = ['chair', 'secretary', 'treasurer', 'membership-secretary'];

/** Routes that may record a mandate that started before today: the founding act and an election's certification. */
export const BACKDATING_SOURCES = ['founding', 'election'] as const;

export interface SeatedMandate {
  role: MandateRole;
  startsOn: string;
  endsOn: string | null;
}

export interface SeatCheck {
  body: { kind: BodyKind; name: string; seats: number };
  role: MandateRole;
  startsOn: string;
  endsOn: string | null;
  /** Every mandate of the body (past, current, future); the check keeps those that overlap. */
  existing: readonly SeatedMandate[];
}

/** Half-open periods [from, to) overlap when each starts before the other ends. */
const overlaps = (aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean =>
  (aTo === null || bFrom < aTo) && (bTo === null || aFrom < bTo);

/**
 * The most mandates held at the same time during [from, to), among `periods` (a sweep over
 * start and end dates; an end date is exclusive, so a term ending on the day the next starts
 * does not overlap it).
 */
export function peakConcurrency(periods: readonly { startsOn: string; endsOn: string | null }[], from: string, to: string | null): number {
  const events: [string, number][] = [];
  for (const p of periods) {
    if (!overlaps(p.startsOn, p.endsOn, from, to)) continue;
    events.push([p.startsOn < from ? from : p.startsOn, 1]);
    if (p.endsOn !== null && (to === null || p.endsOn < to)) events.push([p.endsOn, -1]);
  }
  // Ends before starts on the same date: a term ending on D and one starting on D never overlap.
  events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  let now = 0;
  let peak = 0;
  for (const [, d] of events) {
    now += d;
    peak = Math.max(peak, now);
  }
  return peak;
}

/**
 * Throws when the new mandate would seat more people at once than the body has seats
 * (`seats_full`; a one-seat office: `office_already_held`), or give a single-holder role
 * (chair, secretary, treasurer) a second concurrent holder (`role_already_held`).
 */
export function assertSeatAvailable(c: SeatCheck): void {
  const period = `${c.startsOn}${c.endsOn ? ` to ${c.endsOn}` : ' onwards'}`;
  if (SINGLE_HOLDER_ROLES.includes(c.role)) {
    const sameRole = c.existing.filter((x) => x.role === c.role);
    if (peakConcurrency(sameRole, c.startsOn, c.endsOn) > 0) {
      throw new DomainError(
        'conflict',
        'role_already_held',
        `${c.body.name} already has a ${c.role} for part of ${period}. One person holds that role at a time: end the current mandate first, or start the new one when it ends.`,
        { role: c.role },
      );
    }
  }
  if (SEAT_FREE_ROLES.includes(c.role)) return;
  const seated = c.existing.filter((x) => !SEAT_FREE_ROLES.includes(x.role));
  if (peakConcurrency(seated, c.startsOn, c.endsOn) >= c.body.seats) {
    if (c.body.seats === 1) {
      throw new DomainError(
        'conflict',
        'office_already_held',
        `${c.body.name} is a one-seat office and already has a holder for part of ${period}. End the current holder's mandate first, or start the new one when it ends.`,
      );
    }
    throw new DomainError(
      'conflict',
      'seats_full',
      `All ${c.body.seats} seats of ${c.body.name} are taken for part of ${period}. A mandate must end before another begins (alternates do not take a seat).`,
      { seats: c.body.seats },
    );
  }
}

/**
 * A mandate that starts before today is a record of the past: only the founding act (mandates
 * as elected at the last congress) and an election's certification may write one. Every other
 * route (an appointment) takes effect today or later.
 */
export function assertNotBackdated(x: { startsOn: string; today: string; sourceKind: string }): void {
  if (x.startsOn < x.today && !(BACKDATING_SOURCES as readonly string[]).includes(x.sourceKind)) {
    throw new DomainError(
      'invalid',
      'backdated_mandate',
      `startsOn ${x.startsOn} is before today (${x.today}). An appointment takes effect today or later; mandates that started in the past come only from the founding file (npm run org:init) or an election's certification.`,
      { field: 'startsOn', today: x.today },
    );
  }
}
