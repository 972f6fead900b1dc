import { DomainError, IsoDate, addDays, daysBetween, isIsoDate, maxDate, minDate, monthsBetween } from '@org/kernel';
import { DuesLevel, DuesPeriod, monthsPerPeriod } from './dues-plan.entity';
import { DuesErrorCode, invalidDate } from './dues.errors';

/** Membership statuses as the membership context publishes them. */
export type MembershipStatus = 'applicant' | 'active' | 'lapsed' | 'suspended' | 'expelled' | 'resigned' | 'declined';

/** One membership status change, mirrored from the membership context's events. */
export interface StatusChange {
  from: MembershipStatus | null;
  to: MembershipStatus;
  on: IsoDate;
}

/** Everything standing is computed from (a `DuesAccountSnapshot` fits). */
export interface DuesRecord {
  currency: string;
  levels: readonly DuesLevel[];
  payments: readonly { amountMinor: number; currency: string; paidOn: IsoDate }[];
  waivers: readonly { from: IsoDate; to: IsoDate }[];
  statusHistory: readonly StatusChange[];
}

export type StandingReason = 'in_good_standing' | 'arrears' | 'suspended' | 'expelled' | 'not_a_member';

export interface StandingAssessment {
  asOf: IsoDate;
  inGoodStanding: boolean;
  reason: StandingReason;
  /** Membership status on `asOf`. */
  status: MembershipStatus | null;
  /** Whole months the oldest unpaid dues have been overdue, not counting time under a sanction. */
  arrearsMonths: number;
  graceMonths: number;
  /** Due date of the oldest dues not fully paid (null: nothing outstanding). */
  oldestUnpaidDueOn: IsoDate | null;
  currency: string;
  /** Dues fallen due in the current membership up to `asOf`. */
  owedMinor: number;
  /** Of which covered by payments that count. */
  countedMinor: number;
  outstandingMinor: number;
  /** Money that counts but is not needed yet (pays dues falling due later). */
  prepaidMinor: number;
  /** Paid during a sanction that is still running: may count later, for dues after it ends. */
  heldMinor: number;
  /** Paid during a sanction that ended without the member returning (or while expelled and then readmitted as a new member): never counts. */
  notCountedMinor: number;
}

export interface LapseDecision {
  /** What the scheduled job should do to the member's status. */
  action: 'lapse' | 'reinstate' | 'none';
  standing: StandingAssessment;
}

const ACCRUING: readonly MembershipStatus[] = ['active', 'lapsed'];
const SANCTIONED: readonly MembershipStatus[] = ['suspended', 'expelled'];

interface Span {
  from: IsoDate;
  to: IsoDate | null;
}
interface DueMonth {
  month: IsoDate;
  due: IsoDate;
  /** In twelfths of a minor unit, so annual and quarterly levels divide exactly into months. */
  charge: number;
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

const monthTexts = new Map<number, string>();
/** `YYYY-MM-01` for a month index (cached: the same few hundred months recur for every member). */
function monthText(index: number): IsoDate {
  let t = monthTexts.get(index);
  if (t === undefined) {
    t = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
    if (monthTexts.size < 100_000) monthTexts.set(index, t);
  }
  return t;
}

/** First day of the billing period (month, calendar quarter, calendar year) containing the month. */
function periodStartText(index: number, period: DuesPeriod): IsoDate {
  if (period === 'monthly') return monthText(index);
  if (period === 'annual') return monthText(index - (index % 12));
  return monthText(index - ((index % 12) % 3));
}

/**
 * Good standing as of any date, from the member's dues levels, payments, hardship waivers and
 * membership status history. Only events dated on or before the date are read, so the answer for
 * a date never changes when later events are added.
 *
 * The rules, in order:
 * 1. **Membership.** Only the current membership counts: it starts at the last fresh start
 *    (the first record, or a new application after resigning, being declined or expelled). Dues
 *    and payments of an earlier membership do not carry over.
 * 2. **What falls due.** Dues accrue per calendar month while the member is `active` or `lapsed`
 *    (not while an applicant, suspended or expelled). A month is owed if the member accrues on
 *    at least one of its days; the month's share of the level in force on that first accruing day
 *    is 1/1, 1/3 or 1/12 of the amount for a monthly, quarterly or annual level. Dues are payable
 *    in advance: a month falls due at the start of its billing period (the month, the calendar
 *    quarter, the calendar year) — but never before the member started accruing in that run, nor
 *    before the level took effect. Months before the first recorded level are charged at the
 *    first level. A member with no level owes nothing.
 * 3. **Waivers.** A month whose first accruing day lies in a hardship waiver `[from, to)` is not owed.
 *    A waiver is an event dated by its `from`: asked about a date before it starts, it is ignored
 *    (so an annual fee already due in advance is owed until the waiver begins).
 * 4. **What counts.** A payment made while the member was `applicant`, `active` or `lapsed` counts
 *    towards any dues, past or future, oldest first. **A payment made while suspended or expelled
 *    (S9) is held**: it counts only towards dues that fall due after the sanction has ended with
 *    the member back as active or lapsed, never towards arrears from before or during it; if the
 *    sanction ends any other way (expulsion upheld, resignation, readmission as a new member) it
 *    never counts. It stays in the ledger either way (for a refund or the audit).
 * 5. **Arrears.** The oldest month not fully paid has been overdue for the whole calendar months
 *    between its due date and the date asked about, not counting days under a sanction (the
 *    clock stops during a suspension: the sanction, not the subs, decides what the member loses).
 * 6. **Standing.** A member is in good standing when active or lapsed and arrears ≤ the grace
 *    period (default 3 months). Suspended or expelled: never in good standing, whatever is paid.
 *    Applicants and former members: not in good standing.
 */
export class GoodStandingPolicy {
  readonly graceMonths: number;

  constructor(options: { graceMonths?: number } = {}) {
    const g = options.graceMonths ?? 3;
    if (!Number.isInteger(g) || g < 0 || g > 120) {
      throw new DomainError('invalid', DuesErrorCode.invalidGracePeriod, `The grace period must be a whole number of months from 0 to 120; got ${g}.`, {
        field: 'graceMonths',
      });
    }
    this.graceMonths = g;
  }

  assess(record: DuesRecord, asOf: IsoDate): StandingAssessment {
    if (!isIsoDate(asOf)) throw invalidDate('asOf', asOf);
    const history = record.statusHistory.filter((e) => e.on <= asOf);
    const status = history.length > 0 ? history[history.length - 1].to : null;

    // 1. the current membership ("stint")
    let start = -1;
    for (let i = history.length - 1; i >= 0; i--) {
      const e = history[i];
      if (e.from === null || (e.to === 'applicant' && (e.from === 'resigned' || e.from === 'declined' || e.from === 'expelled'))) {
        start = i;
        break;
      }
    }
    const stint = start >= 0 ? history.slice(start) : [];
    const segments: Array<Span & { status: MembershipStatus }> = [];
    stint.forEach((e, k) => {
      const to = k + 1 < stint.length ? stint[k + 1].on : null;
      if (to === null || to > e.on) segments.push({ from: e.on, to, status: e.to });
    });
    const runs: Span[] = [];
    for (const s of segments) {
      if (!ACCRUING.includes(s.status)) continue;
      const last = runs[runs.length - 1];
      if (last && last.to === s.from) last.to = s.to;
      else runs.push({ from: s.from, to: s.to });
    }

    // 2–3. what has fallen due (months as integer indices y·12+m for speed)
    const levels = record.levels.filter((l) => l.effectiveFrom <= asOf);
    const waivers = record.waivers.filter((w) => w.from <= asOf);
    const months: DueMonth[] = [];
    if (runs.length > 0 && levels.length > 0) {
      let r = 0;
      let li = 0;
      const last = monthIndex(asOf) + 11;
      for (let mi = monthIndex(runs[0].from); mi <= last; mi++) {
        const m = monthText(mi);
        const mEnd = monthText(mi + 1);
        while (r < runs.length && runs[r].to !== null && runs[r].to! <= m) r++;
        if (r >= runs.length) break;
        const run = runs[r];
        if (run.from >= mEnd) continue;
        const firstDay = run.from > m ? run.from : m;
        while (li + 1 < levels.length && levels[li + 1].effectiveFrom <= firstDay) li++;
        const level = levels[li];
        if (waivers.length > 0 && waivers.some((w) => w.from <= firstDay && firstDay < w.to)) continue;
        let due = periodStartText(mi, level.period);
        if (level.effectiveFrom > due) due = level.effectiveFrom;
        if (run.from > due) due = run.from;
        if (due > asOf) continue;
        const charge = level.amountMinor * (12 / monthsPerPeriod(level.period));
        if (charge > 0) months.push({ month: m, due, charge });
      }
      months.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.month < b.month ? -1 : 1));
    }

    // 4. what counts
    const stintStart = stint.length > 0 ? stint[0].on : null;
    let unrestricted = 0;
    let heldT = 0;
    let notCountedT = 0;
    const restricted: Array<{ from: IsoDate; amount: number }> = [];
    if (stintStart !== null) {
      for (const p of record.payments) {
        if (p.paidOn > asOf || p.paidOn < stintStart || p.currency !== record.currency) continue;
        const amount = p.amountMinor * 12;
        const idx = lastIndexOnOrBefore(history, p.paidOn);
        const st = idx >= 0 ? history[idx].to : null;
        if (st === null || !SANCTIONED.includes(st)) {
          unrestricted += amount;
          continue;
        }
        let j = idx + 1;
        while (j < history.length && SANCTIONED.includes(history[j].to)) j++;
        if (j >= history.length) heldT += amount;
        else if (ACCRUING.includes(history[j].to)) restricted.push({ from: history[j].on, amount });
        else notCountedT += amount;
      }
    }
    restricted.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    let eligible = 0;
    let ri = 0;
    let owedT = 0;
    let countedT = 0;
    let oldestUnpaid: DueMonth | null = null;
    for (const month of months) {
      while (ri < restricted.length && restricted[ri].from <= month.due) eligible += restricted[ri++].amount;
      let need = month.charge;
      const a = Math.min(need, eligible);
      eligible -= a;
      need -= a;
      const b = Math.min(need, unrestricted);
      unrestricted -= b;
      need -= b;
      owedT += month.charge;
      countedT += month.charge - need;
      if (need > 0 && oldestUnpaid === null) oldestUnpaid = month;
    }
    while (ri < restricted.length) eligible += restricted[ri++].amount;

    // 5. arrears, with the clock stopped under a sanction
    let arrearsMonths = 0;
    if (oldestUnpaid) {
      let paused = 0;
      for (const s of segments) {
        if (ACCRUING.includes(s.status)) continue;
        const from = maxDate(s.from, oldestUnpaid.due);
        const to = s.to === null ? asOf : minDate(s.to, asOf);
        if (to > from) paused += daysBetween(from, to);
      }
      arrearsMonths = monthsBetween(addDays(oldestUnpaid.due, paused), asOf);
    }

    // 6. standing
    let reason: StandingReason;
    if (status === 'suspended' || status === 'expelled') reason = status;
    else if (status === null || !ACCRUING.includes(status)) reason = 'not_a_member';
    else reason = arrearsMonths <= this.graceMonths ? 'in_good_standing' : 'arrears';

    const owedMinor = Math.ceil(owedT / 12);
    const outstandingMinor = Math.ceil((owedT - countedT) / 12);
    return {
      asOf,
      inGoodStanding: reason === 'in_good_standing',
      reason,
      status,
      arrearsMonths,
      graceMonths: this.graceMonths,
      oldestUnpaidDueOn: oldestUnpaid?.due ?? null,
      currency: record.currency,
      owedMinor,
      countedMinor: owedMinor - outstandingMinor,
      outstandingMinor,
      prepaidMinor: Math.floor((unrestricted + eligible) / 12),
      heldMinor: Math.floor(heldT / 12),
      notCountedMinor: Math.floor(notCountedT / 12),
    };
  }

  /** For the scheduled job: active and out of standing → lapse; lapsed and back in standing → reinstate. */
  lapseDecision(record: DuesRecord, asOf: IsoDate): LapseDecision {
    const standing = this.assess(record, asOf);
    if (standing.status === 'active' && !standing.inGoodStanding) return { action: 'lapse', standing };
    if (standing.status === 'lapsed' && standing.inGoodStanding) return { action: 'reinstate', standing };
    return { action: 'none', standing };
  }
}

function lastIndexOnOrBefore(history: readonly StatusChange[], date: IsoDate): number {
  let lo = 0;
  let hi = history.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid].on <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
