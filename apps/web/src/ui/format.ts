/**
 * The one place the web app writes dates, times and amounts: in the organization's time zone and
 * language (`GET /organization`, loaded once at start by `loadOrganization`), never the browser's.
 * Screens never call `toLocaleString`, `Intl.DateTimeFormat` or show an ISO string themselves
 * (`test/e2e/web/organization-dates.e2e.spec.ts` fails if one does).
 */
import { api } from '../api/client';

export interface OrganizationSettings {
  name: string | null;
  timeZone: string;
  locale: string;
  currency: string | null;
}

/** The server's own defaults without a founding act (UTC, en-GB), until the answer is in. */
let organization: OrganizationSettings = { name: null, timeZone: 'UTC', locale: 'en-GB', currency: null };
let formats = formatsFor(organization);

function formatsFor(o: OrganizationSettings) {
  return {
    day: new Intl.DateTimeFormat(o.locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
    dayInZone: new Intl.DateTimeFormat(o.locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: o.timeZone }),
    moment: new Intl.DateTimeFormat(o.locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: o.timeZone, timeZoneName: 'short' }),
    parts: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: o.timeZone }),
  };
}

/** Uses these settings from now on; a zone or language this browser does not know is ignored. */
export function applyOrganizationSettings(o: OrganizationSettings): void {
  try {
    formats = formatsFor(o);
    organization = o;
  } catch {
    formats = formatsFor(organization);
  }
}

/** The organization's settings as loaded (its name and time zone, for a hint next to a time field). */
export const organizationSettings = (): OrganizationSettings => organization;

let loading: Promise<void> | null = null;
let loaded = false;
/** Whether the organization's settings are in (or given up on). */
export const organizationLoaded = (): boolean => loaded;
/**
 * Reads `GET /organization` once (started before the first screen, alongside the session's own
 * calls); without an answer within `waitMs` the defaults stay.
 */
export function loadOrganization(waitMs = 5000): Promise<void> {
  loading ??= (async () => {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs));
    try {
      const o = await Promise.race([api.get('/organization'), timeout]);
      if (o) applyOrganizationSettings(o);
    } catch {
      /* the defaults stay: the server is unreachable or older */
    } finally {
      loaded = true;
    }
  })();
  return loading;
}

/** A calendar day ("2026-11-22", "22 Nov 2026", not shifted); a moment: its day in the organization's zone. */
export const date = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  if (iso.length === 10) {
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : formats.day.format(d);
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formats.dayInZone.format(d);
};

/** A moment in the organization's zone and language, with the zone's name: "22 Nov 2026, 14:00 GMT+13". */
export const dateTime = (iso: string | Date | null | undefined): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : formats.moment.format(d);
};

/** The wall-clock fields of a moment in the organization's zone. */
function wallClock(d: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p = Object.fromEntries(formats.parts.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour) % 24, mi: Number(p.minute), s: Number(p.second) };
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Today's date in the organization's zone, "YYYY-MM-DD". */
export const today = (): string => dayOf(new Date());
/** The date `days` from today in the organization's zone, "YYYY-MM-DD". */
export const daysFromToday = (days: number): string => {
  const [y, m, d] = today().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
/** The day a moment falls on in the organization's zone, "YYYY-MM-DD". */
export const dayOf = (d: Date): string => {
  const w = wallClock(d);
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}`;
};

/** A moment as a `datetime-local` field's value in the organization's zone ("2026-11-22T14:00"). */
export const zonedInput = (d: Date): string => {
  const w = wallClock(d);
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
};
/** A `datetime-local` field's value, read as the organization's wall clock, as an ISO moment; null if not a date-time. */
export const instantFromZonedInput = (local: string): string | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const offsetAt = (t: number) => {
    const w = wallClock(new Date(t));
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - t;
  };
  // Twice, so that a moment near a change of summer time takes the offset it falls in.
  let t = asUtc - offsetAt(asUtc);
  t = asUtc - offsetAt(t);
  return new Date(t).toISOString();
};

export const money = (minor: number | null | undefined, currency: string | null | undefined): string => {
  if (minor === null || minor === undefined) return '—';
  const code = currency ?? organization.currency ?? 'EUR';
  try {
    return new Intl.NumberFormat(organization.locale, { style: 'currency', currency: code }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${code}`.trim();
  }
};
/** "12.50" → 1250; null when not a positive amount with at most two decimals. */
export const parseMoney = (text: string): number | null => {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
};
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
export const daysUntil = (iso: string): number => Math.ceil((new Date(iso).getTime() - Date.now()) / 86_400_000);
const statusWords: Record<string, string> = {
  applicant: 'Applicant',
  active: 'Active',
  lapsed: 'Lapsed',
  suspended: 'Suspended',
  expelled: 'Expelled',
  resigned: 'Resigned',
  declined: 'Declined',
};
export const status = (s: string | null | undefined): string => (s ? statusWords[s] ?? s : '—');
