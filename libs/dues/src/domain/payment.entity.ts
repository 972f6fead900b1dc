import { DomainError, IsoDate, isIsoDate } from '@org/kernel';
import { checkCurrency } from './currency';
import { DuesErrorCode, invalidDate } from './dues.errors';
import { checkAmountMinor } from './money.value-object';

export type PaymentSource = 'treasurer' | 'bank-import';

/** One ledger entry. The ledger is append-only: a payment is never edited or deleted here. */
export interface PaymentEntry {
  id: string;
  memberId: string;
  amountMinor: number;
  currency: string;
  paidOn: IsoDate;
  source: PaymentSource;
  /**
   * Treasurer: an optional receipt number. Bank import: the row's idempotency key (required), so
   * importing the same row twice is refused.
   */
  externalRef: string | null;
  /** Who recorded it (the treasurer's actor id, or `system` for an import). */
  recordedBy: string;
}

/**
 * Validates a payment before it enters the ledger: a positive whole number of minor units, a
 * known currency that matches the member's plan, a date that is not after `today`.
 */
export function recordPayment(input: PaymentEntry, context: { today: IsoDate; planCurrency: string }): PaymentEntry {
  if (!input.id) throw new DomainError('invalid', DuesErrorCode.invalidPayment, 'A payment needs an id.', { field: 'id' });
  if (!input.memberId) throw new DomainError('invalid', DuesErrorCode.invalidPayment, 'Say which member paid.', { field: 'memberId' });
  checkAmountMinor(input.amountMinor, 'amountMinor');
  checkCurrency(input.currency);
  if (input.currency !== context.planCurrency) {
    throw new DomainError(
      'invalid',
      DuesErrorCode.currencyMismatch,
      `This member's dues are in ${context.planCurrency}, but the payment is in ${input.currency}. Record it in ${context.planCurrency} (convert it first).`,
      { field: 'currency' },
    );
  }
  if (!isIsoDate(input.paidOn)) throw invalidDate('paidOn', input.paidOn);
  if (!isIsoDate(context.today)) throw invalidDate('today', context.today);
  if (input.paidOn > context.today) {
    throw new DomainError('invalid', DuesErrorCode.paymentDateInFuture, `The payment date ${input.paidOn} is in the future (today is ${context.today}). Use the date the money was paid.`, {
      field: 'paidOn',
    });
  }
  if (input.source !== 'treasurer' && input.source !== 'bank-import') {
    throw new DomainError('invalid', DuesErrorCode.invalidPayment, 'A payment is recorded by a treasurer or imported from the bank.', { field: 'source' });
  }
  const externalRef = input.externalRef === null || input.externalRef === undefined ? null : String(input.externalRef).trim() || null;
  if (input.source === 'bank-import' && externalRef === null) {
    throw new DomainError('invalid', DuesErrorCode.invalidPayment, 'An imported payment needs its bank reference key.', { field: 'externalRef' });
  }
  if (externalRef !== null && externalRef.length > 200) {
    throw new DomainError('invalid', DuesErrorCode.invalidPayment, 'The reference must be at most 200 characters.', { field: 'externalRef' });
  }
  return { ...input, externalRef };
}
