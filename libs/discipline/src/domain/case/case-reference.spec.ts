import { generateCaseReference, isCaseReference, normalizeCaseReference } from './case-reference';
import { addDays, calendarDateOf, dayNumber, fromDayNumber, normalizeTimestamp, toMillis, yearsBefore } from './calendar';

describe('case reference', () => {
  it('is CC-<year of receipt>-XXXX-XXXX from 40 random bits, in an alphabet without I, L, O, U', () => {
    const ref = generateCaseReference('2026-12-31T23:30:00-02:00', () => Uint8Array.from([0, 0, 0, 0, 0]));
    expect(ref).toBe('CC-2027-0000-0000'); // the year of the instant in UTC
    expect(generateCaseReference('2026-03-10T09:00:00Z', () => Uint8Array.from([255, 255, 255, 255, 255]))).toBe('CC-2026-ZZZZ-ZZZZ');
    expect(generateCaseReference('2026-03-10T09:00:00Z', () => Uint8Array.from([0x12, 0x34, 0x56, 0x78, 0x9a]))).toBe('CC-2026-28T5-CY4T');
  });

  it('uses the injected random source, so different bytes give different references', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const ref = generateCaseReference('2026-03-10T09:00:00Z', (n) => Uint8Array.from({ length: n }, (_, k) => (k === 4 ? i & 255 : k === 3 ? i >> 8 : 42)));
      expect(isCaseReference(ref)).toBe(true);
      expect(ref).not.toMatch(/[ILOU]/);
      seen.add(ref);
    }
    expect(seen.size).toBe(500);
    expect(() => generateCaseReference('2026-03-10T09:00:00Z', () => new Uint8Array(2))).toThrow(/too few bytes/);
  });

  it('accepts a reference as people type it, and nothing else', () => {
    expect(normalizeCaseReference(' cc-2026-28t5-cy4t ')).toBe('CC-2026-28T5-CY4T');
    expect(normalizeCaseReference('CC 2026 O0IL QWER'.replace(/ /g, '-'))).toBe('CC-2026-0011-QWER');
    expect(normalizeCaseReference('CC2026ABCDEFGH')).toBe('CC-2026-ABCD-EFGH');
    expect(normalizeCaseReference('CC-2026-ABCD-EFGU')).toBeNull();
    expect(normalizeCaseReference('XX-2026-ABCD-EFGH')).toBeNull();
    expect(normalizeCaseReference("CC-2026-ABCD-EFGH' OR 1=1")).toBeNull();
  });
});

describe('calendar', () => {
  it('counts days and refuses impossible dates', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-29') - dayNumber('2024-02-28')).toBe(1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(fromDayNumber(dayNumber('2031-07-15'))).toBe('2031-07-15');
    for (const bad of ['2023-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '20260101', '2026-01-32', '']) {
      expect(() => dayNumber(bad)).toThrow(/YYYY-MM-DD/);
    }
  });

  it('agrees with Date on every day over four centuries', () => {
    for (let d = dayNumber('1900-01-01'); d < dayNumber('2300-01-01'); d += 1) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(iso) !== d) throw new Error(`mismatch at ${iso}`);
    }
  });

  it('handles timestamps with zones, and goes back whole years', () => {
    expect(normalizeTimestamp('2026-03-10T10:00:00+01:00')).toBe('2026-03-10T09:00:00.000Z');
    expect(() => toMillis('2026-03-10')).toThrow(/ISO-8601/);
    expect(() => toMillis('2026-03-10T10:00:00')).toThrow(/time zone/);
    expect(addDays('2026-03-10T09:00:00Z', 7)).toBe('2026-03-17T09:00:00.000Z');
    expect(calendarDateOf('2026-03-10T23:30:00-05:00')).toBe('2026-03-11');
    expect(yearsBefore('2026-03-10', 5)).toBe('2021-03-10');
    expect(yearsBefore('2024-02-29', 5)).toBe('2019-03-01');
  });
});
