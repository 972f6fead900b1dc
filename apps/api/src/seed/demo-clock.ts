import { Clock } from '@org/platform';

/**
 * The clock of a platform that may seed its demo organization: the system time, except while the
 * seed replays a case that began weeks ago (a finding whose appeal window has passed, an outcome
 * notice already published) — the seed moves it back for those steps and returns it to the
 * present before the platform listens. Outside the seed it is exactly the system clock.
 */
export class DemoClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Makes `now()` answer `at` (then running on); `null` returns to the present. */
  travelTo(at: Date | null): void {
    this.offsetMs = at === null ? 0 : at.getTime() - Date.now();
  }
}
