import { DomainError } from '@org/kernel';
import { DuesPlan } from './dues-plan.entity';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const sliding = DuesPlan.create({
  id: 'sliding',
  name: 'Sliding scale',
  currency: 'EUR',
  period: 'monthly',
  kind: 'sliding-scale',
  minimumMinor: 200,
  bands: [
    { code: 'low', label: 'Under 15k', amountMinor: 300 },
    { code: 'high', label: 'Over 40k', amountMinor: 2500 },
  ],
});
const fixed = DuesPlan.create({ id: 'fixed', name: 'Standard', currency: 'GBP', period: 'annual', kind: 'fixed', amountMinor: 6000 });

describe('DuesPlan', () => {
  it('a member may choose any level at or above the minimum, by band or by amount, with no approval', () => {
    expect(sliding.levelFor({ bandCode: 'high', effectiveFrom: '2024-01-01' })).toEqual({
      planId: 'sliding',
      currency: 'EUR',
      period: 'monthly',
      amountMinor: 2500,
      bandCode: 'high',
      effectiveFrom: '2024-01-01',
    });
    // lowering below the band's suggestion is the member's right
    expect(sliding.levelFor({ bandCode: 'high', amountMinor: 200, effectiveFrom: '2024-02-01' }).amountMinor).toBe(200);
    expect(sliding.levelFor({ effectiveFrom: '2024-02-01' }).amountMinor).toBe(200);
    expect(fixed.levelFor({ effectiveFrom: '2024-01-01' })).toMatchObject({ amountMinor: 6000, period: 'annual', currency: 'GBP' });
    expect(fixed.levelFor({ amountMinor: 9000, effectiveFrom: '2024-01-01' }).amountMinor).toBe(9000);
  });

  it('refuses a level below the plan minimum, saying what the minimum is', () => {
    const e = errorOf(() => sliding.levelFor({ amountMinor: 199, effectiveFrom: '2024-01-01' }));
    expect([e.kind, e.code]).toEqual(['unprocessable', 'level_below_minimum']);
    expect(e.message).toContain('2.00 EUR per month');
    expect(errorOf(() => fixed.levelFor({ amountMinor: 5999, effectiveFrom: '2024-01-01' })).message).toContain('60.00 GBP per year');
  });

  it('refuses unknown bands, negative or fractional amounts and bad dates', () => {
    expect(errorOf(() => sliding.levelFor({ bandCode: 'mid', effectiveFrom: '2024-01-01' })).code).toBe('unknown_income_band');
    expect(errorOf(() => fixed.levelFor({ bandCode: 'low', effectiveFrom: '2024-01-01' })).code).toBe('unknown_income_band');
    expect(errorOf(() => sliding.levelFor({ amountMinor: -500, effectiveFrom: '2024-01-01' })).code).toBe('invalid_amount');
    expect(errorOf(() => sliding.levelFor({ amountMinor: 250.5, effectiveFrom: '2024-01-01' })).code).toBe('invalid_amount');
    expect(errorOf(() => sliding.levelFor({ effectiveFrom: '01/02/2024' })).code).toBe('invalid_date');
  });

  it('validates the plan itself', () => {
    const base = { id: 'p', name: 'P', currency: 'EUR', period: 'monthly' as const };
    expect(errorOf(() => DuesPlan.create({ ...base, currency: 'EURO', kind: 'fixed', amountMinor: 100 })).code).toBe('unknown_currency');
    expect(errorOf(() => DuesPlan.create({ ...base, currency: 'eur', kind: 'fixed', amountMinor: 100 })).code).toBe('unknown_currency');
    expect(errorOf(() => DuesPlan.create({ ...base, kind: 'fixed', amountMinor: 0 })).code).toBe('invalid_amount');
    expect(errorOf(() => DuesPlan.create({ ...base, kind: 'sliding-scale', minimumMinor: 100, bands: [] })).code).toBe('invalid_plan');
    expect(
      errorOf(() => DuesPlan.create({ ...base, kind: 'sliding-scale', minimumMinor: 100, bands: [{ code: 'a', label: 'A', amountMinor: 50 }] })).code,
    ).toBe('invalid_plan');
    expect(errorOf(() => DuesPlan.create({ ...base, period: 'weekly' as never, kind: 'fixed', amountMinor: 100 })).code).toBe('invalid_plan');
  });
});
