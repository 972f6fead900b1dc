import fc from 'fast-check';
import { SANCTION_KINDS } from '../finding/sanction.value-object';
import { ReportCell } from './small-cell-suppression.policy';
import {
  APPEAL_RESULTS,
  CHALLENGE_RESULTS,
  COMPLAINT_PATHS,
  RECUSAL_KINDS,
  REPORT_STAGES,
  TransparencyCaseFacts,
  TransparencyReport,
  buildTransparencyReport,
} from './transparency-report.read-model';

const PERIOD = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
const day = (n: number) => new Date(Date.parse(PERIOD.from) + n * 86_400_000).toISOString();

/** Every cell-like object of the report (anything with a `display`). */
function cells(value: unknown): { kind: string; value?: number; display: string }[] {
  if (!value || typeof value !== 'object') return [];
  if ('display' in (value as object)) return [value as { kind: string; value?: number; display: string }];
  return Object.values(value as object).flatMap(cells);
}

const caseArb: fc.Arbitrary<TransparencyCaseFacts> = fc.record({
  receivedAt: fc.integer({ min: -60, max: 420 }).map(day),
  path: fc.constantFrom(...COMPLAINT_PATHS),
  stage: fc.constantFrom(...REPORT_STAGES),
  findingDecidedAt: fc.option(fc.integer({ min: 0, max: 400 }).map(day), { nil: null }),
  finalAt: fc.option(fc.integer({ min: 0, max: 400 }).map(day), { nil: null }),
  finalSanction: fc.option(fc.constantFrom(...SANCTION_KINDS), { nil: null }),
  missedDeadlines: fc.array(fc.record({ dueAt: fc.integer({ min: -30, max: 400 }).map(day) }), { maxLength: 2 }),
  recusals: fc.array(fc.record({ at: fc.integer({ min: 0, max: 364 }).map(day), kind: fc.constantFrom(...RECUSAL_KINDS) }), { maxLength: 3 }),
  challenges: fc.array(fc.record({ at: fc.integer({ min: 0, max: 364 }).map(day), result: fc.constantFrom(...CHALLENGE_RESULTS) }), { maxLength: 2 }),
  appeals: fc.array(fc.record({ lodgedAt: fc.integer({ min: 0, max: 364 }).map(day), result: fc.constantFrom(...APPEAL_RESULTS) }), { maxLength: 1 }),
});

describe('transparency report', () => {
  it('never shows a count between 1 and threshold−1, anywhere (property)', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 40 }), fc.integer({ min: 3, max: 6 }), (cases, threshold) => {
        const report = buildTransparencyReport(cases, PERIOD, { threshold });
        for (const c of cells(report)) {
          if (c.kind === 'days') continue; // the median is a number of days, not a count
          if (c.kind === 'count') {
            expect(c.value === 0 || (c.value as number) >= threshold).toBe(true);
            expect(c.display).toBe(String(c.value));
          } else {
            expect(c).not.toHaveProperty('value');
            expect([`<${threshold}`, 'withheld']).toContain(c.display);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts what happened in the period when the figures are large enough', () => {
    const cases: TransparencyCaseFacts[] = [
      ...Array.from({ length: 10 }, (_, i) => ({
        receivedAt: day(i),
        path: 'formal' as const,
        stage: 'published' as const,
        findingDecidedAt: day(i + 20 + i),
        finalAt: day(i + 60),
        finalSanction: (i < 5 ? 'warning' : 'suspension') as 'warning' | 'suspension',
        recusals: [{ at: day(i + 5), kind: 'automatic' as const }],
      })),
      ...Array.from({ length: 4 }, (_, i) => ({ receivedAt: day(100 + i), path: 'record_only' as const, stage: 'closed_record_only' as const })),
      ...Array.from({ length: 3 }, (_, i) => ({ receivedAt: day(200 + i), path: 'informal' as const, stage: 'resolved_informally' as const })),
      { receivedAt: day(-10), path: 'formal', stage: 'investigating', missedDeadlines: [{ dueAt: day(5) }] }, // received before the period
    ];
    const r: TransparencyReport = buildTransparencyReport(cases, PERIOD);
    expect(r.complaintsReceived.total).toEqual({ kind: 'count', value: 17, display: '17' });
    expect(r.complaintsReceived.byPath.formal.display).toBe('10');
    expect(r.complaintsReceived.byPath.record_only.display).toBe('4');
    expect(r.complaintsReceived.byPath.informal.display).toBe('3');
    expect(r.complaintsReceived.byStage.published.display).toBe('10');
    expect(r.complaintsReceived.byStage.withdrawn.display).toBe('0');
    expect(r.outcomes.by.warning.display).toBe('5');
    expect(r.outcomes.by.suspension.display).toBe('5');
    expect(r.recusals.by.automatic.display).toBe('10');
    // days to finding: 20, 21, …, 29 → median 24.5
    expect(r.medianDaysToFinding).toEqual({ kind: 'days', value: 24.5, display: '24.5' });
    expect(r.overdueCases).toEqual({ kind: 'small', display: '<3' });
  });

  it('protects a small category from being worked out from the total', () => {
    const cases: TransparencyCaseFacts[] = [
      ...Array.from({ length: 40 }, (_, i) => ({ receivedAt: day(i), path: 'formal' as const, stage: 'investigating' as const })),
      ...Array.from({ length: 5 }, (_, i) => ({ receivedAt: day(50 + i), path: 'record_only' as const, stage: 'closed_record_only' as const })),
      { receivedAt: day(80), path: 'informal', stage: 'withdrawn' },
    ];
    const r = buildTransparencyReport(cases, PERIOD);
    const shown = (c: ReportCell) => (c.kind === 'count' ? c.value : null);
    expect(shown(r.complaintsReceived.total)).toBe(46);
    expect(r.complaintsReceived.byPath.informal.display).toBe('<3');
    // 46 − 40 − 5 would give the 1 away: one more figure is withheld.
    expect([r.complaintsReceived.byPath.formal.display, r.complaintsReceived.byPath.record_only.display]).toContain('withheld');
  });

  it('withholds the median when fewer than threshold findings were decided', () => {
    const cases: TransparencyCaseFacts[] = [
      { receivedAt: day(1), path: 'formal', stage: 'decided', findingDecidedAt: day(30) },
      { receivedAt: day(2), path: 'formal', stage: 'decided', findingDecidedAt: day(45) },
    ];
    expect(buildTransparencyReport(cases, PERIOD).medianDaysToFinding).toEqual({ kind: 'withheld', display: 'withheld' });
  });

  it('carries no case ids or names: it is built from dates and categories only', () => {
    const report = buildTransparencyReport(
      [{ receivedAt: day(1), path: 'formal', stage: 'triaged', caseId: 'CASE-SECRET' } as TransparencyCaseFacts],
      PERIOD,
    );
    expect(JSON.stringify(report)).not.toContain('CASE-SECRET');
  });

  it('refuses an empty or inverted period and unknown categories', () => {
    expect(() => buildTransparencyReport([], { from: PERIOD.to, to: PERIOD.from })).toThrow(/after its start/);
    expect(() => buildTransparencyReport([{ receivedAt: day(1), path: 'secret' as never, stage: 'triaged' }], PERIOD)).toThrow(/Unknown path/);
  });
});
