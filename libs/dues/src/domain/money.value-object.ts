import { DomainError } from '@org/kernel';
import { checkCurrency, minorDigits } from './currency';
import { DuesErrorCode } from './dues.errors';

/** Money as an integer count of minor units (cents) and an ISO 4217 code. */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** Throws `invalid_amount` unless `amount` is a whole number of minor units ≥ `min` (default 1). */
export function checkAmountMinor(amount: unknown, field = 'amountMinor', min = 1): number {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < min) {
    const what = typeof amount === 'number' && Number.isFinite(amount) ? String(amount) : JSON.stringify(amount);
    throw new DomainError(
      'invalid',
      DuesErrorCode.invalidAmount,
      min > 0
        ? `${field} must be a positive whole number of minor units (cents), for example 1250 for 12.50; got ${what}.`
        : `${field} must be a whole number of minor units (cents), 0 or more; got ${what}.`,
      { field },
    );
  }
  return amount;
}

/** `1250, EUR` → `12.50 EUR`; `1200, JPY` → `1200 JPY`. */
export function formatMoney(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amountMinor < 0;
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const major = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return `${negative ? '-' : ''}${major} ${currency}`;
}

/**
 * Reads an amount written in major units with a dot (`12.50`, `12.5`, `12`, `-3.00`) as minor
 * units for `currency`. Refuses anything else — thousands separators, a decimal comma, more
 * decimals than the currency has — with a message saying which.
 */
export function parseMajorAmount(text: string, currency: string, field = 'amount'): number {
  const digits = minorDigits(checkCurrency(currency));
  const t = text.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) {
    throw new DomainError(
      'invalid',
      DuesErrorCode.invalidAmount,
      `${field} "${text}" is not a number. Write it with a dot for decimals and no thousands separators, for example 1234.50.`,
      { field },
    );
  }
  const fraction = m[3] ?? '';
  if (fraction.length > digits) {
    throw new DomainError('invalid', DuesErrorCode.invalidAmount, `${field} "${text}" has more decimals than ${currency} allows (${digits}).`, { field });
  }
  const minor = Number(m[2] + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) throw new DomainError('invalid', DuesErrorCode.invalidAmount, `${field} "${text}" is too large.`, { field });
  return m[1] === '-' ? -minor : minor;
}
