import { DomainError } from '@org/kernel';

/**
 * Time as the disciplinary domain sees it. Two kinds, never mixed:
 * - `CalendarDate` ('YYYY-MM-DD'): membership periods, mandates, the reported events. Periods are
 *   half-open [from, to): `to` is the first day no longer covered, `null` means "still running".
 * - `Timestamp` (full ISO-8601 with a zone): events, decisions and deadlines. The domain never
 *   reads the clock: every `now` is passed in.
 */
export type CalendarDate = string;
export type Timestamp = string;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function invalid(code: string, message: string, value: unknown): DomainError {
  return new DomainError('invalid', code, message, { value });
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Two or four ASCII digits at `at`, or -1. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Days since 1970-01-01 (proleptic Gregorian); refuses anything that is not a real calendar
 * date. Plain arithmetic, no regex and no Date objects: the recusal engine calls this for every
 * period it looks at.
 */
export function dayNumber(date: CalendarDate): number {
  if (typeof date === 'string' && date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    let y = digits(date, 0, 4);
    const mo = digits(date, 5, 2);
    const d = digits(date, 8, 2);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1])) {
      // Days from civil date (H. Hinnant's algorithm).
      if (mo <= 2) y -= 1;
      const era = Math.floor(y / 400);
      const yoe = y - era * 400;
      const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      return era * 146097 + doe - 719468;
    }
  }
  throw invalid('discipline.invalid_date', 'A date must be a calendar date written YYYY-MM-DD.', date);
}

export function fromDayNumber(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  try {
    dayNumber(value as string);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds since the epoch; refuses anything but a full ISO timestamp with a zone. */
export function toMillis(ts: Timestamp): number {
  if (typeof ts === 'string' && TIMESTAMP_RE.test(ts)) {
    const ms = Date.parse(ts);
    if (!Number.isNaN(ms)) return ms;
  }
  throw invalid(
    'discipline.invalid_timestamp',
    'A moment in time must be a full ISO-8601 timestamp with a time zone, e.g. 2026-03-10T09:00:00Z.',
    ts,
  );
}

/** The same instant, written in UTC with milliseconds (one spelling per instant). */
export function normalizeTimestamp(ts: Timestamp): Timestamp {
  return new Date(toMillis(ts)).toISOString();
}

export function addHours(ts: Timestamp, hours: number): Timestamp {
  return new Date(toMillis(ts) + hours * HOUR_MS).toISOString();
}

export function addDays(ts: Timestamp, days: number): Timestamp {
  return new Date(toMillis(ts) + days * DAY_MS).toISOString();
}

export function isBefore(a: Timestamp, b: Timestamp): boolean {
  return toMillis(a) < toMillis(b);
}

export function laterOf(a: Timestamp, b: Timestamp): Timestamp {
  return toMillis(a) >= toMillis(b) ? a : b;
}

/** The UTC calendar date of an instant. */
export function calendarDateOf(ts: Timestamp): CalendarDate {
  return new Date(toMillis(ts)).toISOString().slice(0, 10);
}

/**
 * The same calendar day `years` earlier. 29 February maps to 1 March when the target year has
 * no leap day (Date.UTC's roll-over), which only ever makes a window one day shorter.
 */
export function yearsBefore(date: CalendarDate, years: number): CalendarDate {
  dayNumber(date);
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}
