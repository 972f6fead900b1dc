import { DomainError } from '@org/kernel';
import { DuesAccount } from './dues-account.entity';
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

const plan = DuesPlan.create({ id: 'std', name: 'Standard', currency: 'EUR', period: 'monthly', kind: 'sliding-scale', minimumMinor: 500, bands: [{ code: 'b', label: 'B', amountMinor: 1000 }] });

function account(): DuesAccount {
  return DuesAccount.open({ memberId: 'm1', currency: 'EUR' })
    .recordStatusChange({ from: null, to: 'active', on: '2024-01-01' })
    .setLevel(plan, { bandCode: 'b', effectiveFrom: '2024-01-01' }).account;
}

describe('DuesAccount', () => {
  it('records payments and computes standing from them', () => {
    const { account: a, events } = account().recordPayment(
      { id: 'p1', amountMinor: 3000, currency: 'EUR', paidOn: '2024-01-05', source: 'treasurer', externalRef: null, recordedBy: 't' },
      { today: '2024-01-05' },
    );
    expect(events).toEqual([{ type: 'dues.payment_recorded', memberId: 'm1', paymentId: 'p1', paidOn: '2024-01-05', source: 'treasurer' }]);
    // 30.00 pays January–March; April is overdue for 3 whole months on 31 July, 4 on 1 August
    expect(a.standingAsOf('2024-07-31').inGoodStanding).toBe(true);
    expect(a.standingAsOf('2024-08-01').inGoodStanding).toBe(false);
    expect(a.lapseDecision('2024-08-01').action).toBe('lapse');
  });

  it('the same bank row twice is refused', () => {
    const pay = { id: 'p1', amountMinor: 1000, currency: 'EUR', paidOn: '2024-01-05', source: 'bank-import' as const, externalRef: 'txn:42', recordedBy: 'system' };
    const a = account().recordPayment(pay, { today: '2024-02-01' }).account;
    const e = errorOf(() => a.recordPayment({ ...pay, id: 'p2' }, { today: '2024-02-01' }));
    expect([e.kind, e.code]).toEqual(['conflict', 'duplicate_payment']);
  });

  it('the member lowers their level with no approval; events carry no amount', () => {
    const { account: a, events } = account().setLevel(plan, { amountMinor: 500, effectiveFrom: '2024-03-01' });
    expect(events).toEqual([{ type: 'dues.level_set', memberId: 'm1', effectiveFrom: '2024-03-01' }]);
    expect(a.standingAsOf('2024-03-01').owedMinor).toBe(1000 + 1000 + 500);
    expect(errorOf(() => account().setLevel(plan, { amountMinor: 499, effectiveFrom: '2024-03-01' })).code).toBe('level_below_minimum');
    expect(errorOf(() => a.setLevel(plan, { amountMinor: 700, effectiveFrom: '2024-02-01' })).code).toBe('level_change_out_of_order');
    // same date replaces
    expect(a.setLevel(plan, { amountMinor: 700, effectiveFrom: '2024-03-01' }).account.toSnapshot().levels).toHaveLength(2);
  });

  it('refuses a plan in another currency', () => {
    const gbp = DuesPlan.create({ id: 'g', name: 'G', currency: 'GBP', period: 'monthly', kind: 'fixed', amountMinor: 100 });
    expect(errorOf(() => account().setLevel(gbp, { effectiveFrom: '2024-02-01' })).code).toBe('currency_mismatch');
  });

  it('a waiver lowers what is owed; its event carries no reason', () => {
    const { account: a, events } = account().grantWaiver({ id: 'w', from: '2024-02-01', to: '2024-04-01', treasurerOnlyReason: 'Illness', grantedBy: 't', grantedOn: '2024-01-20' });
    expect(JSON.stringify(events)).not.toContain('Illness');
    expect(a.standingAsOf('2024-04-01').owedMinor).toBe(2000);
  });

  it('mirrors status changes and refuses an inconsistent history', () => {
    const suspended = account().recordStatusChange({ from: 'active', to: 'suspended', on: '2024-02-01' });
    expect(suspended.standingAsOf('2024-02-01')).toMatchObject({ inGoodStanding: false, reason: 'suspended' });
    expect(errorOf(() => account().recordStatusChange({ from: 'lapsed', to: 'active', on: '2024-02-01' })).code).toBe('invalid_status_history');
    expect(errorOf(() => account().recordStatusChange({ from: 'active', to: 'lapsed', on: '2023-12-01' })).code).toBe('invalid_status_history');
  });

  it('round-trips through a snapshot', () => {
    const snap = account().toSnapshot();
    expect(DuesAccount.fromSnapshot(snap).toSnapshot()).toEqual(snap);
    expect(errorOf(() => DuesAccount.fromSnapshot({ ...snap, currency: 'GBP' })).code).toBe('currency_mismatch');
  });
});
