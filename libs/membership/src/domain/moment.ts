import { IsoDate, IsoInstant, isIsoDate, isIsoInstant } from '@org/kernel';
import { invalidDate, invalidInstant } from './membership.errors';

/**
 * When something happens: `on` is the organization's calendar date the change takes effect
 * (what standing, rolls and branch periods use), `at` the instant it was recorded (audit).
 * They are separate because the domain knows no time zone: the application derives `on` from
 * `at` in the organization's zone.
 */
export interface Moment {
  on: IsoDate;
  at: IsoInstant;
}

export function checkMoment(moment: Moment): Moment {
  if (!moment || !isIsoDate(moment.on)) throw invalidDate('on', moment?.on);
  if (!isIsoInstant(moment.at)) throw invalidInstant('at', moment?.at);
  return moment;
}
