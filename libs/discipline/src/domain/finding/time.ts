import { DomainError } from '@org/kernel';

/**
 * Time for the findings' domain (findings, appeals, publication, matching, readmission). The same
 * two kinds as the rest of the disciplinary domain, never mixed:
 * - `Timestamp`: a full ISO-8601 date-time with a zone, normalized to UTC with milliseconds.
 * - `CalendarDate`: 'YYYY-MM-DD', for dates a person writes (a suspension's end, a consultation).
 * Nothing here reads the clock: every `now` is passed in.
 */
export type Timestamp = string;
export type CalendarDate = string;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(+y, +m - 1, +d));
  return date.getUTCFullYear() === +y && date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d;
}

/** Normalizes a timestamp (refuses date-only strings, missing zones and impossible dates). */
export function timestamp(value: unknown, field = 'timestamp'): Timestamp {
  const m = typeof value === 'string' ? TIMESTAMP_RE.exec(value) : null;
  if (m && realDate(m[1], m[2], m[3]) && +m[4] < 24 && +m[5] < 60 && (m[6] === undefined || +m[6] < 60)) {
    const ms = Date.parse(value as string);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw new DomainError(
    'invalid',
    'discipline.invalid_timestamp',
    `${field} must be a full ISO-8601 timestamp with a time zone, e.g. 2026-03-10T09:00:00Z.`,
    { field },
  );
}

/** Validates a calendar date 'YYYY-MM-DD'. */
export function calendarDate(value: unknown, field = 'date'): CalendarDate {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (m && realDate(m[1], m[2], m[3])) return value as string;
  throw new DomainError('invalid', 'discipline.invalid_date', `${field} must be a calendar date written YYYY-MM-DD.`, {
    field,
  });
}

export const millis = (ts: Timestamp): number => Date.parse(ts);
export const addHours = (ts: Timestamp, hours: number): Timestamp => new Date(millis(ts) + hours * HOUR_MS).toISOString();
export const addDays = (ts: Timestamp, days: number): Timestamp => new Date(millis(ts) + days * DAY_MS).toISOString();
export const isBefore = (a: Timestamp, b: Timestamp): boolean => millis(a) < millis(b);
/** The instant a calendar date begins (00:00 UTC). */
export const startOfDate = (date: CalendarDate): Timestamp => `${date}T00:00:00.000Z`;
/** The UTC calendar date of an instant. */
export const dateOf = (ts: Timestamp): CalendarDate => new Date(millis(ts)).toISOString().slice(0, 10);
/** Whole and fractional days from a to b. */
export const daysBetween = (a: Timestamp, b: Timestamp): number => (millis(b) - millis(a)) / DAY_MS;

/** A trimmed, non-blank text no longer than `max`, or an `invalid` error naming the field. */
export function requiredText(value: unknown, field: string, max = 10_000): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) {
    throw new DomainError('invalid', 'discipline.text_required', `${field} must be written out; it cannot be empty.`, {
      field,
    });
  }
  if (text.length > max) {
    throw new DomainError('invalid', 'discipline.text_too_long', `${field} is too long (at most ${max} characters).`, {
      field,
      max,
    });
  }
  return text;
}

/** A non-empty identifier. */
export function identifier(value: unknown, field: string): string {
  if (typeof value === 'string' && value.trim() && value.length <= 200) return value.trim();
  throw new DomainError('invalid', 'discipline.invalid_identifier', `${field} must be a non-empty identifier.`, { field });
}

/** A positive whole number setting from the statutes (e.g. a window in days). */
export function positiveSetting(value: unknown, field: string, max = 3650): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max) return value;
  throw new DomainError('invalid', 'discipline.invalid_configuration', `${field} must be a whole number from 1 to ${max}.`, {
    field,
  });
}

/** Transition result: the next state and the events it produced (events carry ids, never content). */
export interface Transition<T, E> {
  readonly next: T;
  readonly events: readonly E[];
}
