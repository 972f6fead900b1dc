import { assertNotBackdated, assertSeatAvailable, peakConcurrency } from './seat-limits';

const office = { kind: 'NATIONAL_OFFICE' as const, name: 'National Treasurer', seats: 1 };
const commission = { kind: 'CCOM' as const, name: 'Control Commission', seats: 3 };

describe('seat limits', () => {
  it('a one-seat office refuses a second concurrent holder, and accepts one after the first term ends', () => {
    const existing = [{ role: 'member' as const, startsOn: '2025-01-01', endsOn: '2027-01-01' }];
    expect(() => assertSeatAvailable({ body: office, role: 'member', startsOn: '2026-12-01', endsOn: null, existing })).toThrow(expect.objectContaining({ code: 'office_already_held' }));
    expect(() => assertSeatAvailable({ body: office, role: 'member', startsOn: '2024-01-01', endsOn: '2025-01-02', existing })).toThrow(expect.objectContaining({ code: 'office_already_held' }));
    expect(() => assertSeatAvailable({ body: office, role: 'member', startsOn: '2027-01-01', endsOn: null, existing })).not.toThrow();
    expect(() => assertSeatAvailable({ body: office, role: 'member', startsOn: '2024-01-01', endsOn: '2025-01-01', existing })).not.toThrow();
  });

  it('a body takes no more concurrent mandates than it has seats; alternates take no seat', () => {
    const existing = [
      { role: 'member' as const, startsOn: '2025-01-01', endsOn: null },
      { role: 'member' as const, startsOn: '2025-01-01', endsOn: null },
      { role: 'alternate' as const, startsOn: '2025-01-01', endsOn: null },
    ];
    expect(() => assertSeatAvailable({ body: commission, role: 'member', startsOn: '2026-01-01', endsOn: null, existing })).not.toThrow();
    const full = [...existing, { role: 'member' as const, startsOn: '2025-06-01', endsOn: null }];
    expect(() => assertSeatAvailable({ body: commission, role: 'member', startsOn: '2026-01-01', endsOn: null, existing: full })).toThrow(expect.objectContaining({ code: 'seats_full' }));
    expect(() => assertSeatAvailable({ body: commission, role: 'alternate', startsOn: '2026-01-01', endsOn: null, existing: full })).not.toThrow();
  });

  it('counts the peak of overlapping mandates, not every mandate the period touches', () => {
    // Two one-year terms in sequence occupy one seat, not two.
    const existing = [
      { role: 'member' as const, startsOn: '2024-01-01', endsOn: '2025-01-01' },
      { role: 'member' as const, startsOn: '2025-01-01', endsOn: '2026-01-01' },
    ];
    expect(peakConcurrency(existing, '2023-01-01', null)).toBe(1);
    expect(() => assertSeatAvailable({ body: { ...commission, seats: 2 }, role: 'member', startsOn: '2023-01-01', endsOn: null, existing })).not.toThrow();
    expect(() => assertSeatAvailable({ body: { ...office }, role: 'member', startsOn: '2023-01-01', endsOn: null, existing })).toThrow(expect.objectContaining({ code: 'office_already_held' }));
  });

  it('one chair, one secretary, one treasurer at a time, whatever the size of the body', () => {
    const committee = { kind: 'BRANCH_COMMITTEE' as const, name: 'Riverside branch committee', seats: 7 };
    const existing = [{ role: 'secretary' as const, startsOn: '2025-01-01', endsOn: null }];
    expect(() => assertSeatAvailable({ body: committee, role: 'secretary', startsOn: '2026-01-01', endsOn: null, existing })).toThrow(expect.objectContaining({ code: 'role_already_held' }));
    expect(() => assertSeatAvailable({ body: committee, role: 'chair', startsOn: '2026-01-01', endsOn: null, existing })).not.toThrow();
  });
});

describe('back-dated mandates', () => {
  it('only the founding act and an election certification may start a mandate before today', () => {
    expect(() => assertNotBackdated({ startsOn: '2026-01-01', today: '2026-12-07', sourceKind: 'appointment' })).toThrow(expect.objectContaining({ code: 'backdated_mandate' }));
    expect(() => assertNotBackdated({ startsOn: '2026-12-07', today: '2026-12-07', sourceKind: 'appointment' })).not.toThrow();
    expect(() => assertNotBackdated({ startsOn: '2026-01-01', today: '2026-12-07', sourceKind: 'founding' })).not.toThrow();
    expect(() => assertNotBackdated({ startsOn: '2026-01-01', today: '2026-12-07', sourceKind: 'election' })).not.toThrow();
  });
});
