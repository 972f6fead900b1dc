import fc from 'fast-check';
import { addDays, addMonths, daysBetween, isIsoDate, isIsoInstant, monthsBetween } from './calendar-date';

describe('calendar dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '01/02/2024', '2024-04-31', '', 20240101]) expect(isIsoDate(bad)).toBe(false);
    expect(isIsoInstant('2024-02-29T10:00:00Z')).toBe(true);
    expect(isIsoInstant('2024-02-29T10:00:00')).toBe(false);
  });

  it('adds days and months across month ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('counts whole months', () => {
    expect(monthsBetween('2024-01-01', '2024-04-01')).toBe(3);
    expect(monthsBetween('2024-01-01', '2024-03-31')).toBe(2);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2024-05-01', '2024-04-01')).toBe(0);
  });

  it('property: monthsBetween is the largest k with addMonths(from, k) <= to', () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(date, date, (a, b) => {
        const k = monthsBetween(a, b);
        if (b > a) {
          expect(addMonths(a, k) <= b).toBe(true);
          expect(addMonths(a, k + 1) > b).toBe(true);
        } else expect(k).toBe(0);
      }),
    );
  });
});
