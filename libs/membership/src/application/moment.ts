import type { Clock } from '@org/platform';
import type { Moment } from '../domain';

/**
 * The organization's date and the instant, from the injected clock. The organization's calendar
 * is UTC (a time-zone setting is a later concern; see README).
 */
export const momentOf = (clock: Clock): Moment => ({ on: clock.today(), at: clock.now().toISOString() });
