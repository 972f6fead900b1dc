import { arbitraryWindowRefused, duePeriods, latestDuePeriod, parsePeriodId, periodContaining, publicationDate } from './reporting-period';

describe('reporting periods of the transparency report', () => {
  it('names calendar periods in UTC, end exclusive', () => {
    const at = new Date('2026-05-04T09:00:00Z');
    expect(periodContaining('quarter', at)).toEqual({ id: '2026-Q2', kind: 'quarter', from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
    expect(periodContaining('month', at).id).toBe('2026-05');
    expect(periodContaining('half-year', at).id).toBe('2026-H1');
    expect(periodContaining('year', at)).toMatchObject({ id: '2026', to: '2027-01-01T00:00:00.000Z' });
  });

  it('a period is due only once it has closed and the lag has passed', () => {
    const q1 = parsePeriodId('quarter', '2026-q1');
    expect(publicationDate(q1, 14).toISOString()).toBe('2026-04-15T00:00:00.000Z');
    expect(latestDuePeriod('quarter', 14, new Date('2026-04-14T23:59:59Z')).id).toBe('2025-Q4');
    expect(latestDuePeriod('quarter', 14, new Date('2026-04-15T00:00:00Z')).id).toBe('2026-Q1');
    expect(duePeriods('quarter', 14, new Date('2026-10-20T00:00:00Z'), new Date('2026-02-01T00:00:00Z')).map((p) => p.id)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(duePeriods('quarter', 14, new Date('2026-10-20T00:00:00Z'), null).map((p) => p.id)).toEqual(['2026-Q3']);
  });

  it('refuses a period named otherwise than the organization’s periods, and any arbitrary window', () => {
    for (const bad of ['2026-03-10', '2026-Q5', '2026-H1', 'Q1', '']) expect(() => parsePeriodId('quarter', bad)).toThrow(/published per quarter; name one like 2026-Q1/);
    expect(parsePeriodId('month', '2026-07').from).toBe('2026-07-01T00:00:00.000Z');
    expect(arbitraryWindowRefused('quarter', 14).code).toBe('discipline.transparency.fixed_periods_only');
  });
});
