/**
 * Micro-benchmark of the `Case` aggregate: one case taken through its whole life, command by
 * command, as the use cases drive it — filed, recusal recorded, a duty commissioner, interim
 * measures by the duty commissioner, triage, the panel drawn and seated, a challenge upheld and
 * the seat redrawn, the investigation begun, interim measures by the panel, a participant added
 * and recusal recomputed, then finding → final → published — with a snapshot round trip at each
 * step, as the repository does (the aggregate is loaded and saved for every use case).
 *
 * Run directly (`node -r @swc-node/register libs/discipline/src/domain/case/case.aggregate.bench.ts`)
 * it prints JSON figures (Jest's VM context would measure Jest, not the aggregate).
 */
import { computeRecusal } from '../recusal/recusal.engine';
import { RecusalCandidate, RecusalOutcome } from '../recusal/recusal.types';
import { drawPanel, redrawSeat } from '../panel/panel-draw';
import { addDays, Timestamp } from './calendar';
import { Case } from './case.aggregate';
import { sealedRef } from './identifiers';

const T0: Timestamp = '2026-03-10T09:00:00.000Z';
const day = (d: number): Timestamp => addDays(T0, d);
const CANDIDATES: RecusalCandidate[] = [
  ...['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07'].map((memberId) => ({ memberId, seat: 'commissioner' as const })),
  ...['a01', 'a02'].map((memberId) => ({ memberId, seat: 'alternate' as const })),
];

function recusal(c: Case, computedAt: Timestamp): RecusalOutcome {
  const ex = c.recusalExclusions();
  return computeRecusal({
    caseId: c.id,
    intakeDate: c.state.receivedAt.slice(0, 10),
    computedAt,
    ...c.participantsForRecusal(),
    reportedEvents: c.state.when ? [c.state.when] : [],
    candidates: CANDIDATES,
    facts: { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [] },
    selfRecused: ex.selfRecused,
    challengeUpheld: ex.challengeUpheld,
  });
}

/** Loads and saves the aggregate as a use case does, around one command. */
function step(c: Case, command: (c: Case) => unknown): Case {
  const loaded = Case.fromSnapshot(c.toSnapshot());
  command(loaded);
  return loaded;
}

let n = 0;
export function lifeCycle(): { commands: number; stage: string } {
  n++;
  let commands = 0;
  const run = (c: Case, command: (c: Case) => unknown) => {
    commands++;
    return step(c, command);
  };
  let c = Case.file(
    {
      complainant: { kind: 'member', memberId: 'm-complainant' },
      respondents: [{ kind: 'member', memberId: 'm-respondent' }],
      narrative: sealedRef('sealed:narrative'),
      when: { from: '2026-02-01', to: '2026-02-03' },
      where: sealedRef('sealed:where'),
      witnesses: [{ kind: 'member', memberId: 'm-witness' }],
      supportPerson: null,
      seriousness: { violence: true, sexualMisconduct: false, threats: false },
      path: 'formal',
      matchingOptIn: false,
    },
    { id: `bench-case-${n}`, reference: 'CC-2026-7K3M-Q9XD', receivedAt: T0 },
  ).case;
  const complainant = { memberId: 'm-complainant' };
  c = run(c, (x) => x.recordRecusal(recusal(x, T0), T0));
  c = run(c, (x) => x.assignDutyCommissioner('c01', T0));
  const measure = { kind: 'no_hosting' as const, memberId: 'm-respondent', until: '2026-04-10T00:00:00.000Z' };
  c = run(c, (x) =>
    x.recordInterimDecision(
      { decisionId: 'i1', decidedBy: ['c01'], outcome: 'measures', measures: [measure], reasons: sealedRef('sealed:r1') },
      day(1),
    ),
  );
  c = run(c, (x) => x.triage('c01', { raise: { threats: true } }, day(1)));
  const initial = recusal(c, day(2));
  c = run(c, (x) => x.recordRecusal(initial, day(2)));
  c = run(c, (x) => x.recordPanelDraw(drawPanel({ caseId: x.id, seed: `seed-${n}-initial`, recusal: initial }), day(2)));
  const [p1, p2] = c.seatedPanel;
  c = run(c, (x) =>
    x.challengePanelist(complainant, { challengeId: 'ch1', panelistId: p1, grounds: sealedRef('sealed:g') }, day(3)),
  );
  c = run(c, (x) => x.voteOnChallenge(p2, 'ch1', true, day(3)));
  const again = recusal(c, day(4));
  c = run(c, (x) => x.recordRecusal(again, day(4)));
  c = run(c, (x) =>
    x.recordPanelDraw(
      redrawSeat({
        caseId: x.id,
        seed: `seed-${n}-redraw`,
        recusal: again,
        vacated: p1,
        remainingSeats: x.seatedPanel,
        previouslyRemoved: x.removedPanelists().filter((m) => m !== p1),
        previousSeeds: x.usedSeeds(),
      }),
      day(4),
    ),
  );
  c = run(c, (x) => x.beginInvestigation(x.seatedPanel[0], day(5)));
  const panel = c.seatedPanel;
  c = run(c, (x) =>
    x.recordInterimDecision(
      { decisionId: 'i2', decidedBy: panel.slice(0, 2), outcome: 'measures', measures: [measure], reasons: sealedRef('sealed:r2') },
      day(6),
    ),
  );
  c = run(c, (x) => x.addParticipant(complainant, 'witness', { kind: 'member', memberId: 'm-witness-2' }, day(7)));
  c = run(c, (x) => x.recordRecusal(recusal(x, day(7)), day(7)));
  c = run(c, (x) => x.recordEscalation('finding', day(8), panel, day(9)));
  c = run(c, (x) => x.advanceToStage('finding', day(10)));
  c = run(c, (x) => x.endInterimMeasuresOf(['m-respondent'], day(40)));
  c = run(c, (x) => x.advanceToStage('final', day(40)));
  c = run(c, (x) => x.advanceToStage('published', day(45)));
  for (const who of [complainant, { memberId: 'm-respondent' }, { memberId: panel[0] }]) c.timelineFor(who);
  return { commands, stage: c.stage };
}

export function runBenchmark(runs = 2000): {
  runs: number;
  commandsPerRun: number;
  cpuMsPerRun: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
} {
  const first = lifeCycle();
  if (first.stage !== 'published') throw new Error(`The benchmark's case ended in ${first.stage}`);
  for (let i = 0; i < 200; i++) lifeCycle();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    lifeCycle();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const meanMs = times.reduce((a, b) => a + b, 0) / runs;
  // CPU time of this process per life cycle: less sensitive than wall time to a busy machine.
  const cpuMsPerRun = (used.user + used.system) / 1000 / runs;
  return { runs, commandsPerRun: first.commands, cpuMsPerRun, meanMs, p50Ms: times[Math.floor(runs / 2)], p99Ms: times[Math.floor(runs * 0.99)] };
}

if (require.main === module) {
  process.stdout.write(JSON.stringify(runBenchmark()) + '\n');
}
