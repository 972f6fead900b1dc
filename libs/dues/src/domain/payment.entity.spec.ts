import { DomainError } from '@org/kernel';
import { PaymentEntry, recordPayment } from './payment.entity';
import { formatMoney, parseMajorAmount } from './money.value-object';
import { CURRENCY_CODES, isCurrencyCode } from './currency';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const base: PaymentEntry = {
  id: 'pay-1',
  memberId: 'm1',
  amountMinor: 1250,
  currency: 'EUR',
  paidOn: '2024-03-01',
  source: 'treasurer',
  externalRef: ' R-17 ',
  recordedBy: 'treasurer-1',
};
const context = { today: '2024-03-10', planCurrency: 'EUR' };

describe('payments ledger entry', () => {
  it('accepts a valid payment and trims its reference', () => {
    expect(recordPayment(base, context)).toEqual({ ...base, externalRef: 'R-17' });
  });

  it('refuses negative, zero, fractional or non-numeric amounts', () => {
    for (const amountMinor of [-100, 0, 12.5, Number.NaN, '1250' as unknown as number]) {
      const e = errorOf(() => recordPayment({ ...base, amountMinor }, context));
      expect([e.kind, e.code]).toEqual(['invalid', 'invalid_amount']);
    }
  });

  it('refuses an unknown currency, and one that is not the plan currency', () => {
    expect(errorOf(() => recordPayment({ ...base, currency: 'XYZ' }, context)).code).toBe('unknown_currency');
    const e = errorOf(() => recordPayment({ ...base, currency: 'GBP' }, context));
    expect(e.code).toBe('currency_mismatch');
    expect(e.message).toContain('EUR');
  });

  it('refuses a payment date in the future or not a date', () => {
    const e = errorOf(() => recordPayment({ ...base, paidOn: '2024-03-11' }, context));
    expect([e.code, (e.details as { field: string }).field]).toEqual(['payment_date_in_future', 'paidOn']);
    expect(recordPayment({ ...base, paidOn: '2024-03-10' }, context).paidOn).toBe('2024-03-10');
    expect(errorOf(() => recordPayment({ ...base, paidOn: '2024-13-01' }, context)).code).toBe('invalid_date');
  });

  it('an imported payment must carry its bank key', () => {
    expect(errorOf(() => recordPayment({ ...base, source: 'bank-import', externalRef: null }, context)).code).toBe('invalid_payment');
  });
});

describe('money', () => {
  it('reads major-unit amounts exactly, per currency', () => {
    expect(parseMajorAmount('12.50', 'EUR')).toBe(1250);
    expect(parseMajorAmount('12.5', 'EUR')).toBe(1250);
    expect(parseMajorAmount('12', 'EUR')).toBe(1200);
    expect(parseMajorAmount('0.10', 'EUR')).toBe(10);
    expect(parseMajorAmount('-3.00', 'EUR')).toBe(-300);
    expect(parseMajorAmount('1200', 'JPY')).toBe(1200);
    expect(parseMajorAmount('1.234', 'KWD')).toBe(1234);
    for (const bad of ['12,50', '1,234.50', 'abc', '', '1e3', '12.', '.5']) expect(errorOf(() => parseMajorAmount(bad, 'EUR')).code).toBe('invalid_amount');
    expect(errorOf(() => parseMajorAmount('12.505', 'EUR')).message).toContain('more decimals');
    expect(errorOf(() => parseMajorAmount('12.5', 'JPY')).code).toBe('invalid_amount');
  });

  it('formats minor units for people', () => {
    expect(formatMoney(1250, 'EUR')).toBe('12.50 EUR');
    expect(formatMoney(5, 'EUR')).toBe('0.05 EUR');
    expect(formatMoney(1200, 'JPY')).toBe('1200 JPY');
  });

  it('knows the circulating ISO 4217 currencies and not made-up or withdrawn ones', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    for (const c of ['EUR', 'GBP', 'USD', 'JPY', 'CHF', 'ZAR', 'INR', 'BRL']) expect(isCurrencyCode(c)).toBe(true);
    for (const c of ['EURO', 'eur', 'XXX', 'HRK', 'BTC', '']) expect(isCurrencyCode(c)).toBe(false);
  });
});
