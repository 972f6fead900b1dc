import { DomainError, IsoDate, isIsoDate } from '@org/kernel';
import { checkCurrency } from './currency';
import { DuesLevel, DuesPlan } from './dues-plan.entity';
import { DuesErrorCode, invalidDate } from './dues.errors';
import { GoodStandingPolicy, LapseDecision, MembershipStatus, StandingAssessment, StatusChange } from './good-standing.policy';
import { HardshipWaiver, grantHardshipWaiver } from './hardship-waiver.value-object';
import { PaymentEntry, recordPayment } from './payment.entity';

export interface DuesAccountSnapshot {
  memberId: string;
  currency: string;
  levels: DuesLevel[];
  payments: PaymentEntry[];
  /** Treasurers only (see HardshipWaiver). */
  waivers: HardshipWaiver[];
  /** Mirrored from the membership context's status-change events. */
  statusHistory: StatusChange[];
}

/**
 * Events carry no amounts a member chose and no waiver reasons: setting or lowering one's level
 * notifies nobody, and waivers are the treasurers' business.
 */
export type DuesEvent =
  | { type: 'dues.level_set'; memberId: string; effectiveFrom: IsoDate }
  | { type: 'dues.payment_recorded'; memberId: string; paymentId: string; paidOn: IsoDate; source: PaymentEntry['source'] }
  | { type: 'dues.waiver_granted'; memberId: string; waiverId: string };

const STATUSES: readonly MembershipStatus[] = ['applicant', 'active', 'lapsed', 'suspended', 'expelled', 'resigned', 'declined'];

/** One member's dues: chosen levels, the payments ledger, hardship waivers and status history. */
export class DuesAccount {
  private constructor(private readonly s: Readonly<DuesAccountSnapshot>) {}

  static open(input: { memberId: string; currency: string }): DuesAccount {
    return DuesAccount.fromSnapshot({ memberId: input.memberId, currency: input.currency, levels: [], payments: [], waivers: [], statusHistory: [] });
  }

  static fromSnapshot(s: DuesAccountSnapshot): DuesAccount {
    if (!s.memberId) throw new DomainError('invalid', DuesErrorCode.invalidPayment, 'A dues account needs its member.', { field: 'memberId' });
    checkCurrency(s.currency);
    let prevLevel: DuesLevel | null = null;
    for (const l of s.levels) {
      if (l.currency !== s.currency) throw currencyMismatch(s.currency, l.currency);
      if (!isIsoDate(l.effectiveFrom)) throw invalidDate('effectiveFrom', l.effectiveFrom);
      if (prevLevel && l.effectiveFrom <= prevLevel.effectiveFrom) throw levelOutOfOrder(prevLevel.effectiveFrom);
      prevLevel = l;
    }
    for (const p of s.payments) if (p.currency !== s.currency) throw currencyMismatch(s.currency, p.currency);
    checkStatusHistory(s.statusHistory);
    return new DuesAccount({
      memberId: s.memberId,
      currency: s.currency,
      levels: s.levels.map((l) => ({ ...l })),
      payments: s.payments.map((p) => ({ ...p })),
      waivers: s.waivers.map((w) => ({ ...w })),
      statusHistory: s.statusHistory.map((e) => ({ ...e })),
    });
  }

  get memberId(): string {
    return this.s.memberId;
  }
  get currency(): string {
    return this.s.currency;
  }

  /**
   * The member sets (or lowers) their level from `effectiveFrom`: no approval, no notice.
   * Refused only below the plan minimum. A change on the same date as the last one replaces it;
   * a change dated before the last one is refused (history is not rewritten).
   */
  setLevel(plan: DuesPlan, choice: { amountMinor?: number | null; bandCode?: string | null; effectiveFrom: IsoDate }): { account: DuesAccount; level: DuesLevel; events: DuesEvent[] } {
    if (plan.currency !== this.s.currency) throw currencyMismatch(this.s.currency, plan.currency);
    const level = plan.levelFor(choice);
    const last = this.s.levels[this.s.levels.length - 1];
    if (last && level.effectiveFrom < last.effectiveFrom) throw levelOutOfOrder(last.effectiveFrom);
    const levels = last && last.effectiveFrom === level.effectiveFrom ? [...this.s.levels.slice(0, -1), level] : [...this.s.levels, level];
    return {
      account: new DuesAccount({ ...this.s, levels }),
      level,
      events: [{ type: 'dues.level_set', memberId: this.s.memberId, effectiveFrom: level.effectiveFrom }],
    };
  }

  /** Adds a validated payment to the ledger; the same bank row or receipt twice is refused. */
  recordPayment(input: Omit<PaymentEntry, 'memberId'>, context: { today: IsoDate }): { account: DuesAccount; payment: PaymentEntry; events: DuesEvent[] } {
    const payment = recordPayment({ ...input, memberId: this.s.memberId }, { today: context.today, planCurrency: this.s.currency });
    const clash = this.s.payments.find((p) => p.id === payment.id || (payment.externalRef !== null && p.source === payment.source && p.externalRef === payment.externalRef));
    if (clash) {
      throw new DomainError(
        'conflict',
        DuesErrorCode.duplicatePayment,
        payment.externalRef !== null && clash.externalRef === payment.externalRef
          ? `A payment with reference ${payment.externalRef} is already in the ledger (paid ${clash.paidOn}); it was not added again.`
          : 'This payment is already in the ledger.',
        { field: 'externalRef' },
      );
    }
    return {
      account: new DuesAccount({ ...this.s, payments: [...this.s.payments, payment] }),
      payment,
      events: [{ type: 'dues.payment_recorded', memberId: this.s.memberId, paymentId: payment.id, paidOn: payment.paidOn, source: payment.source }],
    };
  }

  grantWaiver(input: Omit<HardshipWaiver, 'memberId'>): { account: DuesAccount; waiver: HardshipWaiver; events: DuesEvent[] } {
    const waiver = grantHardshipWaiver({ ...input, memberId: this.s.memberId });
    return {
      account: new DuesAccount({ ...this.s, waivers: [...this.s.waivers, waiver] }),
      waiver,
      events: [{ type: 'dues.waiver_granted', memberId: this.s.memberId, waiverId: waiver.id }],
    };
  }

  /** Mirrors a membership status change (from the membership context's events). */
  recordStatusChange(change: StatusChange): DuesAccount {
    const statusHistory = [...this.s.statusHistory, { from: change.from, to: change.to, on: change.on }];
    checkStatusHistory(statusHistory);
    return new DuesAccount({ ...this.s, statusHistory });
  }

  standingAsOf(date: IsoDate, policy: GoodStandingPolicy = new GoodStandingPolicy()): StandingAssessment {
    return policy.assess(this.s, date);
  }

  lapseDecision(asOf: IsoDate, policy: GoodStandingPolicy = new GoodStandingPolicy()): LapseDecision {
    return policy.lapseDecision(this.s, asOf);
  }

  toSnapshot(): DuesAccountSnapshot {
    return {
      memberId: this.s.memberId,
      currency: this.s.currency,
      levels: this.s.levels.map((l) => ({ ...l })),
      payments: this.s.payments.map((p) => ({ ...p })),
      waivers: this.s.waivers.map((w) => ({ ...w })),
      statusHistory: this.s.statusHistory.map((e) => ({ ...e })),
    };
  }
}

function currencyMismatch(expected: string, got: string): DomainError {
  return new DomainError('invalid', DuesErrorCode.currencyMismatch, `This member's dues are in ${expected}; ${got} cannot be used here.`, { field: 'currency' });
}

function levelOutOfOrder(lastFrom: IsoDate): DomainError {
  return new DomainError('conflict', DuesErrorCode.levelChangeOutOfOrder, `The current level took effect on ${lastFrom}; a new level can take effect on that date or later.`, {
    field: 'effectiveFrom',
  });
}

function checkStatusHistory(history: readonly StatusChange[]): void {
  let prev: StatusChange | null = null;
  for (const e of history) {
    const bad = !STATUSES.includes(e.to) || (e.from !== null && !STATUSES.includes(e.from)) || !isIsoDate(e.on) || e.from !== (prev ? prev.to : null) || (prev !== null && e.on < prev.on);
    if (bad) {
      throw new DomainError(
        'invalid',
        DuesErrorCode.invalidStatusHistory,
        `The status history is inconsistent at ${JSON.stringify(e)}: each change must start from the previous status and not be dated before it.`,
      );
    }
    prev = e;
  }
}
