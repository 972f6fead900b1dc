import { assertCompatible } from './incompatibility';

const base = { startsOn: '2026-01-01', endsOn: null, coolingOffMonths: 12 };

describe('S2 incompatibility of mandates', () => {
  it('refuses a commissioner mandate for a sitting EC member', () => {
    expect(() => assertCompatible({ ...base, bodyKind: 'CCOM', held: [{ bodyKind: 'EC', startsOn: '2025-01-01', endsOn: null }] })).toThrow(
      expect.objectContaining({ code: 'incompatible_mandate' }),
    );
  });
  it('refuses an EC mandate for a sitting commissioner', () => {
    expect(() => assertCompatible({ ...base, bodyKind: 'EC', held: [{ bodyKind: 'CCOM', startsOn: '2025-01-01', endsOn: null }] })).toThrow(
      expect.objectContaining({ code: 'incompatible_mandate' }),
    );
  });
  it('refuses appeals + commission at once', () => {
    expect(() => assertCompatible({ ...base, bodyKind: 'APPEALS', held: [{ bodyKind: 'CCOM', startsOn: '2025-01-01', endsOn: '2027-01-01' }] })).toThrow(
      expect.objectContaining({ code: 'incompatible_mandate' }),
    );
  });
  it('refuses a former CC member within the cooling-off period, accepts after it', () => {
    const held = [{ bodyKind: 'CC' as const, startsOn: '2020-01-01', endsOn: '2025-06-01' }];
    expect(() => assertCompatible({ ...base, bodyKind: 'CCOM', startsOn: '2026-05-31', held })).toThrow(expect.objectContaining({ code: 'cooling_off_period' }));
    expect(() => assertCompatible({ ...base, bodyKind: 'CCOM', startsOn: '2026-06-01', held })).not.toThrow();
  });
  it('allows compatible mandates (EC and CC together, commissioner with a branch role)', () => {
    expect(() => assertCompatible({ ...base, bodyKind: 'EC', held: [{ bodyKind: 'CC', startsOn: '2025-01-01', endsOn: null }] })).not.toThrow();
    expect(() => assertCompatible({ ...base, bodyKind: 'CCOM', held: [{ bodyKind: 'BRANCH_COMMITTEE', startsOn: '2025-01-01', endsOn: null }] })).not.toThrow();
  });
});
