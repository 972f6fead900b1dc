import { DomainError } from '@org/kernel';
import { HardshipWaiver, grantHardshipWaiver, withoutTreasurerOnlyFields } from './hardship-waiver.value-object';

const waiver: HardshipWaiver = {
  id: 'w1',
  memberId: 'm1',
  from: '2024-02-01',
  to: '2024-05-01',
  treasurerOnlyReason: 'Lost job',
  grantedBy: 'treasurer-1',
  grantedOn: '2024-01-20',
};

describe('hardship waiver', () => {
  it('covers a half-open period and needs a reason for treasurers', () => {
    expect(grantHardshipWaiver(waiver)).toEqual(waiver);
    expect(() => grantHardshipWaiver({ ...waiver, treasurerOnlyReason: ' ' })).toThrow(DomainError);
  });

  it('refuses a waiver that ends before (or when) it starts', () => {
    for (const to of ['2024-01-31', '2024-02-01']) {
      try {
        grantHardshipWaiver({ ...waiver, to });
        fail('expected an error');
      } catch (e) {
        expect((e as DomainError).code).toBe('waiver_ends_before_start');
      }
    }
  });

  it('the view for anyone but treasurers has no reason', () => {
    const view = withoutTreasurerOnlyFields(waiver);
    expect(view).not.toHaveProperty('treasurerOnlyReason');
    expect(JSON.stringify(view)).not.toContain('Lost job');
  });
});
