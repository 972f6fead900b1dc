import fc from 'fast-check';
import { dayNumber, fromDayNumber } from '../case/calendar';
import { computeRecusal } from '../recusal/recusal.engine';
import { BodyKind, BodyMandate, BranchPeriod, RecusalInput } from '../recusal/recusal.types';
import { drawPanel, redrawSeat, verifyDraw } from './panel-draw';

/**
 * Random organizations: commissioners, alternates and the case's people with random branch
 * histories, random mandates on random bodies, declared relationships and other open cases.
 * The conflicts are checked against an independent, deliberately naive oracle (string dates,
 * no indexing) so that a bug in the engine cannot hide behind itself.
 */

const BASE = dayNumber('2010-01-01');
const LAST = dayNumber('2026-12-31');
const BODIES: { id: string; kind: BodyKind }[] = [
  { id: 'ec', kind: 'EC' },
  { id: 'cc', kind: 'CC' },
  { id: 'ccom', kind: 'CCOM' },
  { id: 'appeals', kind: 'APPEALS' },
  { id: 'elections', kind: 'ELECTIONS' },
  { id: 'bc-1', kind: 'BRANCH_COMMITTEE' },
  { id: 'bc-2', kind: 'BRANCH_COMMITTEE' },
  { id: 'staff', kind: 'STAFF' },
];

interface Org {
  input: RecusalInput;
  seed: string;
  size: number;
  vacateIndex: number;
  seed2: string;
}

/**
 * Dates are either uniform over 2010–2026 or within a day of a boundary that matters (the
 * window start, the reported events' first and last days, intake), so edge cases come up often.
 */
function dateArb(anchors: number[]): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: BASE, max: LAST }) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...anchors), fc.integer({ min: -1, max: 1 })).map(([a, d]) => a + d) },
  );
}

function periodArb(anchors: number[]): fc.Arbitrary<{ from: string; to: string | null } | null> {
  const end = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 365 * 3 }).map((len) => ({ len })) },
    { weight: 2, arbitrary: dateArb(anchors).map((at) => ({ at })) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  return fc.tuple(dateArb(anchors), end).map(([from, e]) => {
    if (e === null) return { from: fromDayNumber(from), to: null };
    const to = 'len' in e ? from + e.len : e.at;
    return to > from ? { from: fromDayNumber(from), to: fromDayNumber(to) } : null;
  });
}

const orgArb: fc.Arbitrary<Org> = fc
  .record({
    nCommissioners: fc.integer({ min: 1, max: 15 }),
    nAlternates: fc.integer({ min: 0, max: 4 }),
    nRespondents: fc.integer({ min: 1, max: 2 }),
    nWitnesses: fc.integer({ min: 0, max: 2 }),
    hasSupport: fc.boolean(),
    nBranches: fc.integer({ min: 2, max: 15 }),
    intakeOffset: fc.integer({ min: 365 * 8, max: 365 * 16 }),
    events: fc.array(fc.tuple(fc.integer({ min: 0, max: 365 * 6 }), fc.integer({ min: 0, max: 60 })), { maxLength: 2 }),
    extraCommissionerIsParty: fc.boolean(),
  })
  .chain((shape) => {
    const commissioners = Array.from({ length: shape.nCommissioners }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const alternates = Array.from({ length: shape.nAlternates }, (_, i) => `a${i}`);
    const respondents = Array.from({ length: shape.nRespondents }, (_, i) => `r${i}`);
    const witnesses = Array.from({ length: shape.nWitnesses }, (_, i) => `w${i}`);
    const parties = ['compl', ...respondents];
    const supportPersons = shape.hasSupport ? ['sup'] : [];
    const people = [...commissioners, ...alternates, ...parties, ...witnesses, ...supportPersons];
    const person = fc.constantFrom(...people);
    const intakeDay = Math.min(BASE + shape.intakeOffset, LAST);
    const intake = fromDayNumber(intakeDay);
    const events = shape.events.map(([ago, len]) => ({ from: intakeDay - ago, last: Math.min(intakeDay - ago + len, intakeDay) }));
    const anchors = [
      dayNumber(`${Number(intake.slice(0, 4)) - 5}${intake.slice(4)}`.replace('-02-29', '-03-01')),
      intakeDay,
      ...events.flatMap((e) => [e.from, e.last + 1]),
    ];
    const history = (memberId: string) =>
      fc
        .array(fc.tuple(periodArb(anchors), fc.integer({ min: 0, max: shape.nBranches - 1 })), { minLength: 1, maxLength: 4 })
        .map((ps) =>
          ps.flatMap(([p, b]): BranchPeriod[] => (p ? [{ memberId, branchId: `b${b}`, ...p }] : [])),
        );
    return fc.record({
      shape: fc.constant(shape),
      intake: fc.constant(intake),
      events: fc.constant(events),
      commissioners: fc.constant(commissioners),
      alternates: fc.constant(alternates),
      parties: fc.constant(parties),
      witnesses: fc.constant(witnesses),
      supportPersons: fc.constant(supportPersons),
      branchHistory: fc.tuple(...people.map(history)).map((hs) => hs.flat()),
      mandates: fc
        .tuple(
          ...people.map((memberId) =>
            fc.array(fc.record({ body: fc.constantFrom(...BODIES), period: periodArb(anchors) }), { maxLength: 2 }).map((ms) =>
              ms.flatMap((m): BodyMandate[] =>
                m.period ? [{ memberId, bodyId: m.body.id, bodyKind: m.body.kind, ...m.period }] : [],
              ),
            ),
          ),
        )
        .map((ms) => ms.flat()),
      relationships: fc.array(fc.tuple(person, person), { maxLength: 3 }),
      otherOpenCases: fc.array(fc.uniqueArray(fc.oneof(person, fc.constant('outsider')), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
      seed: fc.string({ minLength: 8, maxLength: 24 }),
      seed2: fc.string({ minLength: 8, maxLength: 24 }),
      size: fc.integer({ min: 1, max: 5 }),
      vacateIndex: fc.nat(),
    });
  })
  .map((g) => {
    const candidates = [
      ...g.commissioners.map((memberId) => ({ memberId, seat: 'commissioner' as const })),
      ...g.alternates.map((memberId) => ({ memberId, seat: 'alternate' as const })),
      // sometimes a respondent is also a commissioner (a complaint against a commissioner)
      ...(g.shape.extraCommissionerIsParty ? [{ memberId: 'r0', seat: 'commissioner' as const }] : []),
    ];
    const input: RecusalInput = {
      caseId: 'case-prop',
      intakeDate: g.intake,
      computedAt: `${g.intake}T12:00:00.000Z`,
      parties: g.parties,
      witnesses: g.witnesses,
      supportPersons: g.supportPersons,
      reportedEvents: g.events.map((e) => ({ from: fromDayNumber(e.from), to: fromDayNumber(e.last) })),
      candidates,
      facts: {
        branchHistory: g.branchHistory,
        mandates: g.mandates,
        relationships: g.relationships.map(([a, b]) => ({ a, b })),
        otherOpenCases: g.otherOpenCases.map((parties, i) => ({ caseId: `other-${i}`, parties })),
      },
    };
    return { input, seed: g.seed.padEnd(8, '#'), seed2: `${g.seed2.padEnd(8, '#')}-redraw`, size: g.size, vacateIndex: g.vacateIndex };
  });

/** The naive oracle: is this person conflicted for this case? String dates throughout. */
function oracleConflicted(input: RecusalInput, who: string): boolean {
  const { parties, witnesses, supportPersons, facts } = input;
  if (parties.includes(who) || witnesses.includes(who) || supportPersons.includes(who)) return true;
  const [y, m, d] = input.intakeDate.split('-');
  const windowStart = `${String(Number(y) - 5).padStart(4, '0')}-${m}-${d}`;
  const END = '9999-12-31';
  const sharedInWindow = (a: { from: string; to: string | null }, b: { from: string; to: string | null }) => {
    const lo = a.from > b.from ? a.from : b.from;
    const hi = (a.to ?? END) < (b.to ?? END) ? (a.to ?? END) : (b.to ?? END);
    return lo < hi && hi > windowStart;
  };
  for (const p of parties) {
    if (p === who) continue;
    for (const a of facts.branchHistory.filter((x) => x.memberId === who)) {
      for (const b of facts.branchHistory.filter((x) => x.memberId === p)) {
        if (a.branchId === b.branchId && sharedInWindow(a, b)) return true;
      }
    }
    for (const a of facts.mandates.filter((x) => x.memberId === who && x.bodyKind !== 'CCOM')) {
      for (const b of facts.mandates.filter((x) => x.memberId === p)) {
        if (a.bodyId === b.bodyId && sharedInWindow(a, b)) return true;
      }
    }
    if (facts.relationships.some((r) => (r.a === who && r.b === p) || (r.b === who && r.a === p))) return true;
  }
  const events = input.reportedEvents.length
    ? input.reportedEvents.map((e) => ({ from: e.from, to: e.to ?? e.from }))
    : [{ from: windowStart, to: input.intakeDate }];
  for (const mandate of facts.mandates) {
    if (mandate.memberId !== who || (mandate.bodyKind !== 'EC' && mandate.bodyKind !== 'CC')) continue;
    if (events.some((e) => mandate.from <= e.to && (mandate.to === null || mandate.to > e.from))) return true;
  }
  for (const oc of facts.otherOpenCases) {
    const involved = [...oc.parties, ...(oc.witnesses ?? [])];
    if (involved.includes(who) && involved.some((x) => x !== who && parties.includes(x))) return true;
  }
  return false;
}

describe('panel draw over random organizations (property)', () => {
  it('the engine agrees with the naive oracle on every candidate (and the organizations are varied)', () => {
    const seen = { eligible: 0, conflicted: 0, drawsWithAlternates: 0, drawsShort: 0 };
    fc.assert(
      fc.property(orgArb, ({ input, seed, size }) => {
        const outcome = computeRecusal(input);
        const draw = drawPanel({ caseId: input.caseId, seed, recusal: outcome, size });
        if (draw.drawn.some((d) => d.source === 'alternate')) seen.drawsWithAlternates++;
        if (draw.shortfall > 0) seen.drawsShort++;
        for (const a of outcome.assessments) {
          seen[a.eligible ? 'eligible' : 'conflicted']++;
          expect({ memberId: a.memberId, conflicted: !a.eligible }).toEqual({
            memberId: a.memberId,
            conflicted: oracleConflicted(input, a.memberId),
          });
        }
      }),
      { numRuns: 300 },
    );
    // A generator where everyone (or no one) is conflicted would prove nothing.
    const total = seen.eligible + seen.conflicted;
    if (process.env.PROPERTY_STATS) console.log(seen);
    expect(seen.eligible / total).toBeGreaterThan(0.2);
    expect(seen.conflicted / total).toBeGreaterThan(0.2);
    expect(seen.drawsWithAlternates).toBeGreaterThan(5);
    expect(seen.drawsShort).toBeGreaterThan(5);
  });

  it('no drawn panelist ever has a conflict, and the draw is identical when re-run with the recorded seed', () => {
    fc.assert(
      fc.property(orgArb, ({ input, seed, size }) => {
        const recusal = computeRecusal(input);
        const record = drawPanel({ caseId: input.caseId, seed, recusal, size });
        const drawn = record.drawn.map((d) => d.memberId);
        for (const m of drawn) expect(oracleConflicted(input, m)).toBe(false);
        expect(new Set(drawn).size).toBe(drawn.length);
        expect(drawn.length + record.shortfall).toBe(size);
        // Alternates only when the commissioners ran out.
        if (record.drawn.some((d) => d.source === 'alternate')) {
          expect(record.drawn.filter((d) => d.source === 'commissioner')).toHaveLength(record.pool.commissioners.length);
        }
        // Re-run: from the recorded record alone, and from scratch with the same seed.
        const replay = JSON.parse(JSON.stringify(record));
        expect(verifyDraw(replay)).toMatchObject({ matches: true, expected: record.drawn });
        expect(drawPanel({ caseId: input.caseId, seed: record.seed, recusal: computeRecusal(input), size })).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });

  it('a redraw never seats a conflicted person nor the one removed, and keeps the other seats', () => {
    fc.assert(
      fc.property(orgArb, ({ input, seed, seed2, size, vacateIndex }) => {
        const recusal = computeRecusal(input);
        const first = drawPanel({ caseId: input.caseId, seed, recusal, size });
        const seats = first.drawn.map((d) => d.memberId);
        fc.pre(seats.length > 0);
        const vacated = seats[vacateIndex % seats.length];
        const remaining = seats.filter((m) => m !== vacated);
        const again = redrawSeat({
          caseId: input.caseId,
          seed: seed2,
          recusal,
          vacated,
          remainingSeats: remaining,
          previouslyRemoved: [],
          previousSeeds: [seed],
        });
        expect(again.keptSeats).toEqual([...remaining].sort());
        for (const d of again.drawn) {
          expect(d.memberId).not.toBe(vacated);
          expect(remaining).not.toContain(d.memberId);
          expect(oracleConflicted(input, d.memberId)).toBe(false);
        }
        expect(verifyDraw(again).matches).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
