/**
 * Calendar dates as ISO strings `YYYY-MM-DD`, and instants as ISO-8601 date-times.
 *
 * A calendar date has no time zone: it is the organization's date (a membership period starts
 * on a date, not at an instant). Valid dates compare correctly as plain strings, so `<`, `>=`
 * and `localeCompare`-free sorting are safe once a value has passed `isIsoDate`.
 *
 * Interval convention of every context that uses these: **half-open `[from, to)`** — `from` is
 * the first day inside, `to` the first day NOT inside, `to: null` means "still open" (a hardship
 * waiver from 2024-01-01 to 2024-04-01 covers January, February and March).
 */
export type IsoDate = string;
export type IsoInstant = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** True for an ISO-8601 instant with an explicit offset, e.g. `2024-05-01T10:00:00Z`. */
export function isIsoInstant(value: unknown): value is IsoInstant {
  return typeof value === 'string' && INSTANT_RE.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Adds calendar months, clamping the day (`2024-01-31` + 1 month = `2024-02-29`). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const ny = y + Math.floor(m / 12);
  const nm = ((m % 12) + 12) % 12 + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** `to === null` is +∞. */
export function minEnd(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return minDate(a, b);
}

/**
 * Whole calendar months from `from` to `to`: the largest k with `addMonths(from, k) <= to`
 * (0 when `to` is earlier). `2024-01-01 → 2024-04-01` is 3; `→ 2024-03-31` is 2.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to <= from) return 0;
  let k = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  while (k > 0 && addMonths(from, k) > to) k--;
  return k;
}

/** `YYYY-MM-01` of the month containing `date`. */
export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the next month. */
export function nextMonthStart(date: IsoDate): IsoDate {
  return addMonths(monthStart(date), 1);
}
