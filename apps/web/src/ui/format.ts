const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "2026-11-22" → "22 Nov 2026" (calendar dates are not shifted by the time zone). */
export const date = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
};
export const dateTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
};
export const money = (minor: number | null | undefined, currency: string | null | undefined): string => {
  if (minor === null || minor === undefined) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency ?? 'EUR' }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency ?? ''}`.trim();
  }
};
/** "12.50" → 1250; null when not a positive amount with at most two decimals. */
export const parseMoney = (text: string): number | null => {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
};
export const today = (): string => new Date().toISOString().slice(0, 10);
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
