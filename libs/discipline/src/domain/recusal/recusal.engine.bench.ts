/**
 * Micro-benchmark of the recusal engine for one case: 15 commissioners and 3 alternates, four
 * people on the case, ten years of branch history each (a transfer a year across 40 branches),
 * mandates, a declared relationship and 20 other open cases — the facts a repository returns
 * after pre-filtering 100k members to the people concerned.
 *
 * Run directly (`node -r @swc-node/register libs/discipline/src/domain/recusal/recusal.engine.bench.ts`)
 * it prints JSON figures; the spec runs it that way, because Jest's VM context slows
 * allocation-heavy code several times over and would measure Jest, not the engine.
 */
import { computeRecusal } from './recusal.engine';
import { BodyMandate, BranchPeriod, RecusalInput } from './recusal.types';

export function benchmarkInput(): RecusalInput {
  const parties = ['compl', 'resp'];
  const people = [...parties, 'witn', 'support'];
  const candidates = [
    ...Array.from({ length: 15 }, (_, i) => ({ memberId: `c${String(i).padStart(2, '0')}`, seat: 'commissioner' as const })),
    ...Array.from({ length: 3 }, (_, i) => ({ memberId: `a${i}`, seat: 'alternate' as const })),
  ];
  const branchHistory: BranchPeriod[] = [];
  const mandates: BodyMandate[] = [];
  for (const memberId of [...people, ...candidates.map((c) => c.memberId)]) {
    const h = [...memberId].reduce((acc, ch) => acc * 31 + ch.charCodeAt(0), 7);
    for (let y = 2016; y < 2026; y++) {
      branchHistory.push({
        memberId,
        branchId: `b${(h + y * 13) % 40}`,
        from: `${y}-01-15`,
        to: y === 2025 ? null : `${y + 1}-01-15`,
      });
    }
    mandates.push({ memberId, bodyId: `bc-${h % 5}`, bodyKind: 'BRANCH_COMMITTEE', from: '2019-01-01', to: '2021-01-01' });
    mandates.push({ memberId, bodyId: 'ec', bodyKind: 'EC', from: '2014-01-01', to: '2015-06-01' });
  }
  return {
    caseId: 'bench-case',
    intakeDate: '2026-03-10',
    computedAt: '2026-03-10T09:00:00Z',
    parties,
    witnesses: ['witn'],
    supportPersons: ['support'],
    reportedEvents: [{ from: '2026-02-01', to: '2026-02-03' }],
    candidates,
    facts: {
      branchHistory,
      mandates,
      relationships: [{ a: 'c03', b: 'resp' }],
      otherOpenCases: Array.from({ length: 20 }, (_, i) => ({
        caseId: `other-${i}`,
        parties: [`c${String(i % 15).padStart(2, '0')}`, i % 2 ? 'resp' : 'x'],
      })),
    },
  };
}

export function runBenchmark(runs = 2000): { runs: number; meanMs: number; p50Ms: number; p99Ms: number } {
  const input = benchmarkInput();
  for (let i = 0; i < 300; i++) computeRecusal(input);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    computeRecusal(input);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const meanMs = times.reduce((a, b) => a + b, 0) / runs;
  return { runs, meanMs, p50Ms: times[Math.floor(runs / 2)], p99Ms: times[Math.floor(runs * 0.99)] };
}

if (require.main === module) {
  process.stdout.write(JSON.stringify(runBenchmark()) + '\n');
}
