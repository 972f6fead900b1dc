import { SeededRandom } from '@org/kernel';
import { computeRecusal } from '../recusal/recusal.engine';
import { RecusalCandidate, RecusalOutcome } from '../recusal/recusal.types';
import { drawPanel, PanelDrawRecord, redrawSeat, verifyDraw } from './panel-draw';

const commissioners = ['c07', 'c03', 'c01', 'c05', 'c02', 'c06', 'c04'];

function recusal(opts: { conflicted?: string[]; alternates?: string[]; commissioners?: string[]; selfRecused?: string[] } = {}): RecusalOutcome {
  const cands: RecusalCandidate[] = [
    ...(opts.commissioners ?? commissioners).map((memberId) => ({ memberId, seat: 'commissioner' as const })),
    ...(opts.alternates ?? ['a02', 'a01']).map((memberId) => ({ memberId, seat: 'alternate' as const })),
  ];
  return computeRecusal({
    caseId: 'case-1',
    intakeDate: '2026-03-10',
    computedAt: '2026-03-10T09:00:00Z',
    parties: ['resp', 'compl'],
    witnesses: opts.conflicted ?? [], // being a witness is a conflict: a simple way to conflict people
    supportPersons: [],
    reportedEvents: [],
    candidates: cands,
    facts: { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [] },
    selfRecused: opts.selfRecused,
  });
}

describe('drawPanel', () => {
  it('shuffles the sorted eligible commissioners with the seed and takes the first three', () => {
    const record = drawPanel({ caseId: 'case-1', seed: 'seed-abcdef', recusal: recusal({ conflicted: ['c02'] }) });
    const pool = ['c01', 'c03', 'c04', 'c05', 'c06', 'c07'];
    expect(record.pool.commissioners).toEqual(pool);
    const expected = new SeededRandom('seed-abcdef').shuffle(pool).slice(0, 3);
    expect(record.drawn).toEqual(expected.map((memberId) => ({ memberId, source: 'commissioner' })));
    expect(record).toMatchObject({ kind: 'initial', seatsToFill: 3, shortfall: 0, outcome: 'complete', seed: 'seed-abcdef' });
  });

  it('never draws a conflicted commissioner, whatever the seed', () => {
    for (let i = 0; i < 200; i++) {
      const r = drawPanel({ caseId: 'case-1', seed: `seed-${i}-xxxx`, recusal: recusal({ conflicted: ['c01', 'c04', 'c07'] }) });
      expect(r.drawn.map((d) => d.memberId).filter((m) => ['c01', 'c04', 'c07'].includes(m))).toEqual([]);
    }
  });

  it('is reproducible: same seed and pool, same panel; the input order of candidates does not matter', () => {
    const a = drawPanel({ caseId: 'case-1', seed: 'seed-repeat', recusal: recusal() });
    const b = drawPanel({ caseId: 'case-1', seed: 'seed-repeat', recusal: recusal({ commissioners: [...commissioners].reverse() }) });
    expect(b).toEqual(a);
    const seeds = new Set(Array.from({ length: 30 }, (_, i) => drawPanel({ caseId: 'case-1', seed: `seed-${i}-vary`, recusal: recusal() }).drawn.map((d) => d.memberId).join()));
    expect(seeds.size).toBeGreaterThan(5); // the seed really decides
  });

  it('takes a configurable size', () => {
    const r = drawPanel({ caseId: 'case-1', seed: 'seed-size5', recusal: recusal(), size: 5 });
    expect(r.drawn).toHaveLength(5);
    expect(new Set(r.drawn.map((d) => d.memberId)).size).toBe(5);
    expect(() => drawPanel({ caseId: 'case-1', seed: 'seed-size0', recusal: recusal(), size: 0 })).toThrow(/at least 1/);
  });

  it('fills a shortfall from eligible alternates, then asks for an ad-hoc panel', () => {
    const short = drawPanel({
      caseId: 'case-1',
      seed: 'seed-short',
      recusal: recusal({ conflicted: ['c01', 'c02', 'c03', 'c04', 'c05', 'c06'] }),
    });
    expect(short.drawn[0]).toEqual({ memberId: 'c07', source: 'commissioner' });
    expect(short.drawn.slice(1).map((d) => d.source)).toEqual(['alternate', 'alternate']);
    expect(short.outcome).toBe('complete');

    const shorter = drawPanel({
      caseId: 'case-1',
      seed: 'seed-shorter',
      recusal: recusal({ conflicted: ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'a01'] }),
    });
    expect(shorter.drawn).toEqual([
      { memberId: 'c07', source: 'commissioner' },
      { memberId: 'a02', source: 'alternate' },
    ]);
    expect(shorter).toMatchObject({ shortfall: 1, outcome: 'needs_ad_hoc_panel' });
    expect(verifyDraw(shorter).matches).toBe(true);
  });

  it('refuses a missing seed and a recusal outcome for another case', () => {
    expect(() => drawPanel({ caseId: 'case-1', seed: '', recusal: recusal() })).toThrow(/seed/);
    expect(() => drawPanel({ caseId: 'case-2', seed: 'seed-other', recusal: recusal() })).toThrow(/another case/);
  });
});

describe('redrawSeat', () => {
  const initial = drawPanel({ caseId: 'case-1', seed: 'seed-initial', recusal: recusal() });
  const seats = initial.drawn.map((d) => d.memberId);

  it('replaces only the vacated seat, never with the removed person, with a new seed', () => {
    const vacated = seats[1];
    for (let i = 0; i < 100; i++) {
      const r = redrawSeat({
        caseId: 'case-1',
        seed: `seed-redraw-${i}`,
        recusal: recusal(), // even if the removed person were cleared again, they stay out
        vacated,
        remainingSeats: seats.filter((m) => m !== vacated),
        previouslyRemoved: [],
        previousSeeds: ['seed-initial'],
      });
      expect(r.drawn).toHaveLength(1);
      expect(r.drawn[0].memberId).not.toBe(vacated);
      expect(seats).not.toContain(r.drawn[0].memberId);
      expect(r.keptSeats).toEqual(seats.filter((m) => m !== vacated).sort());
      expect(r.excluded).toEqual([vacated]);
      expect(verifyDraw(r).matches).toBe(true);
    }
  });

  it('keeps everyone removed before out as well', () => {
    const r = redrawSeat({
      caseId: 'case-1',
      seed: 'seed-again',
      recusal: recusal({ commissioners: ['c01', 'c02', 'c03', 'c04', 'c05'], alternates: [] }),
      vacated: 'c02',
      remainingSeats: ['c01', 'c03'],
      previouslyRemoved: ['c04'],
      previousSeeds: [],
    });
    expect(r.pool.commissioners).toEqual(['c05']);
    expect(r.drawn).toEqual([{ memberId: 'c05', source: 'commissioner' }]);
  });

  it('refuses a seed already used for the case, and says when only an ad-hoc appointment can fill the seat', () => {
    const base = {
      caseId: 'case-1',
      recusal: recusal({ commissioners: ['c01', 'c02', 'c03'], alternates: [] }),
      vacated: 'c02',
      remainingSeats: ['c01', 'c03'],
      previouslyRemoved: [],
      previousSeeds: ['seed-initial'],
    };
    expect(() => redrawSeat({ ...base, seed: 'seed-initial' })).toThrow(/new seed/);
    expect(redrawSeat({ ...base, seed: 'seed-fresh' })).toMatchObject({ drawn: [], shortfall: 1, outcome: 'needs_ad_hoc_panel' });
  });
});

describe('verifyDraw', () => {
  const record = drawPanel({ caseId: 'case-1', seed: 'seed-verify', recusal: recusal() });

  it('re-runs a recorded draw and confirms it', () => {
    expect(verifyDraw(record)).toEqual({ matches: true, expected: record.drawn, problems: [] });
    expect(verifyDraw(JSON.parse(JSON.stringify(record)))).toMatchObject({ matches: true });
  });

  it('detects a changed seat, seed, pool order, or a removed person slipped back into the pool', () => {
    const other = record.pool.commissioners.find((m) => !record.drawn.some((d) => d.memberId === m))!;
    const tampered: PanelDrawRecord[] = [
      { ...record, drawn: [{ memberId: other, source: 'commissioner' }, ...record.drawn.slice(1)] },
      { ...record, seed: 'seed-verify-2' },
      { ...record, pool: { ...record.pool, commissioners: [...record.pool.commissioners].reverse() } },
      { ...record, excluded: [record.drawn[0].memberId] },
      { ...record, shortfall: 1 },
    ];
    for (const t of tampered) expect(verifyDraw(t).matches).toBe(false);
  });
});
