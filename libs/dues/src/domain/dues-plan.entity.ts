import { DomainError, IsoDate, isIsoDate } from '@org/kernel';
import { checkCurrency } from './currency';
import { DuesErrorCode, invalidDate } from './dues.errors';
import { checkAmountMinor, formatMoney } from './money.value-object';

export type DuesPeriod = 'monthly' | 'quarterly' | 'annual';
export const DUES_PERIODS: readonly DuesPeriod[] = ['monthly', 'quarterly', 'annual'];

export function monthsPerPeriod(period: DuesPeriod): 1 | 3 | 12 {
  return period === 'monthly' ? 1 : period === 'quarterly' ? 3 : 12;
}

/** A self-declared income band of a sliding scale, with the level suggested for it. */
export interface IncomeBand {
  code: string;
  label: string;
  amountMinor: number;
}

export type DuesPlanSnapshot =
  | { id: string; name: string; currency: string; period: DuesPeriod; kind: 'fixed'; amountMinor: number }
  | { id: string; name: string; currency: string; period: DuesPeriod; kind: 'sliding-scale'; minimumMinor: number; bands: IncomeBand[] };

/**
 * A member's dues level from a date: the amount per period they chose. Levels are a history; the
 * one in force on a day is the last with `effectiveFrom` on or before it.
 */
export interface DuesLevel {
  planId: string;
  currency: string;
  period: DuesPeriod;
  amountMinor: number;
  /** The income band the member declared, for a sliding scale. */
  bandCode: string | null;
  effectiveFrom: IsoDate;
}

/**
 * A dues plan: a fixed amount per period (monthly by default; quarterly or annual), or a sliding
 * scale by self-declared income band with a minimum. A member may set or lower their level at any
 * time, with no approval step and no notice to officers; only a level below the plan's minimum is
 * refused. On a fixed plan the minimum is the fixed amount (paying more is allowed).
 */
export class DuesPlan {
  private constructor(private readonly s: Readonly<DuesPlanSnapshot>) {}

  static create(input: DuesPlanSnapshot): DuesPlan {
    const bad = (message: string, field: string) => new DomainError('invalid', DuesErrorCode.invalidPlan, message, { field });
    if (!input.id) throw bad('A dues plan needs an id.', 'id');
    const name = (input.name ?? '').trim();
    if (name === '' || name.length > 120) throw bad('A dues plan needs a name of at most 120 characters.', 'name');
    checkCurrency(input.currency);
    const period = input.period ?? 'monthly';
    if (!DUES_PERIODS.includes(period)) throw bad(`The period must be monthly, quarterly or annual; got ${JSON.stringify(input.period)}.`, 'period');
    if (input.kind === 'fixed') {
      checkAmountMinor(input.amountMinor, 'amountMinor');
      return new DuesPlan({ ...input, name, period });
    }
    if (input.kind !== 'sliding-scale') throw bad('A dues plan is either fixed or sliding-scale.', 'kind');
    checkAmountMinor(input.minimumMinor, 'minimumMinor', 0);
    if (!Array.isArray(input.bands) || input.bands.length === 0) throw bad('A sliding scale needs at least one income band.', 'bands');
    const codes = new Set<string>();
    const bands = input.bands.map((b, i) => {
      const code = (b.code ?? '').trim();
      if (code === '') throw bad(`Income band ${i + 1} needs a code.`, `bands[${i}].code`);
      if (codes.has(code)) throw bad(`Income band code ${code} is used twice.`, `bands[${i}].code`);
      codes.add(code);
      checkAmountMinor(b.amountMinor, `bands[${i}].amountMinor`, 0);
      if (b.amountMinor < input.minimumMinor) {
        throw bad(`Income band ${code} suggests ${formatMoney(b.amountMinor, input.currency)}, below the plan minimum of ${formatMoney(input.minimumMinor, input.currency)}.`, `bands[${i}].amountMinor`);
      }
      return { code, label: (b.label ?? '').trim() || code, amountMinor: b.amountMinor };
    });
    return new DuesPlan({ ...input, name, period, bands });
  }

  get id(): string {
    return this.s.id;
  }
  get currency(): string {
    return this.s.currency;
  }
  get period(): DuesPeriod {
    return this.s.period;
  }
  get minimumMinor(): number {
    return this.s.kind === 'fixed' ? this.s.amountMinor : this.s.minimumMinor;
  }

  /**
   * The level a member chooses, from `effectiveFrom`. With no amount: the fixed amount, or the
   * declared band's suggestion (the plan minimum if no band either). Below the minimum: refused.
   */
  levelFor(choice: { amountMinor?: number | null; bandCode?: string | null; effectiveFrom: IsoDate }): DuesLevel {
    if (!isIsoDate(choice.effectiveFrom)) throw invalidDate('effectiveFrom', choice.effectiveFrom);
    let bandCode: string | null = null;
    let suggested = this.minimumMinor;
    if (choice.bandCode !== null && choice.bandCode !== undefined && choice.bandCode !== '') {
      if (this.s.kind !== 'sliding-scale') {
        throw new DomainError('invalid', DuesErrorCode.unknownIncomeBand, 'This plan has a fixed amount and no income bands; leave the band out.', { field: 'bandCode' });
      }
      const band = this.s.bands.find((b) => b.code === choice.bandCode);
      if (!band) {
        throw new DomainError(
          'invalid',
          DuesErrorCode.unknownIncomeBand,
          `Income band ${JSON.stringify(choice.bandCode)} is not part of this plan; choose one of ${this.s.bands.map((b) => b.code).join(', ')}.`,
          { field: 'bandCode' },
        );
      }
      bandCode = band.code;
      suggested = band.amountMinor;
    }
    const amountMinor = choice.amountMinor === null || choice.amountMinor === undefined ? suggested : checkAmountMinor(choice.amountMinor, 'amountMinor', 0);
    if (amountMinor < this.minimumMinor) {
      throw new DomainError(
        'unprocessable',
        DuesErrorCode.levelBelowMinimum,
        `The lowest level this plan allows is ${formatMoney(this.minimumMinor, this.s.currency)} per ${this.periodNoun()}; choose that or more. If you cannot pay it, ask your treasurer about a hardship waiver.`,
        { field: 'amountMinor', minimumMinor: this.minimumMinor },
      );
    }
    return { planId: this.s.id, currency: this.s.currency, period: this.s.period, amountMinor, bandCode, effectiveFrom: choice.effectiveFrom };
  }

  toSnapshot(): DuesPlanSnapshot {
    return this.s.kind === 'fixed' ? { ...this.s } : { ...this.s, bands: this.s.bands.map((b) => ({ ...b })) };
  }

  private periodNoun(): string {
    return this.s.period === 'monthly' ? 'month' : this.s.period === 'quarterly' ? 'quarter' : 'year';
  }
}
