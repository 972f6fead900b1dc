/**
 * Speed of the STV counting engine (libs/elections/src/domain/counting).
 *
 *   node -r @swc-node/register bench/count-stv.bench.ts [--runs N] [--keep]
 *
 * Generates a deterministic synthetic election (1,000,000 ballots, 20 candidates, 5 seats,
 * ~3.6 preferences per ballot, ~310,000 distinct rankings) into a temporary directory, then
 * times, each `runs` times (default 3; the median is reported, the first run too):
 *   - naive:    reading the file line by line and summing first preferences (the baseline);
 *   - parse:    reading + parsing into ranking groups;
 *   - scottish: reading + parsing + Scottish STV count (target ≤ 1 s);
 *   - meek:     reading + parsing + Meek STV count (target ≤ 3 s);
 *   - wards:    reading, parsing and counting all 40 Scottish 2017 wards in one process (target ≤ 0.5 s);
 *   - process:  the recount CLI as a whole process on the same file, as a member runs it: `npm run count`
 *               (the compiled copy in dist/, target ≤ 1 s), the same without npm
 *               (`node scripts/count-from-build.js`), and in the same run the reference: Droop
 *               (`python3 -m droop`, or `droop` on the PATH) when installed, otherwise the CLI as it
 *               ran before, compiling TypeScript at start (`node -r @swc-node/register scripts/count.ts`).
 * Prints a JSON summary. The figures recorded in libs/elections/COUNTING.md come from this.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { countMeekStv, countScottishStv, parseBlt } from '../libs/elections/src/domain/counting';
import { DEFAULT_SPEC, writeSyntheticElection } from './fixtures/synthetic-election';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const keep = args.includes('--keep');

const ROOT = join(__dirname, '..');
const WARDS = join(ROOT, 'test', 'fixtures', 'stv', 'scotland-2017');

/** Runs a command as a whole process `runs` times; the winners it prints must be `elected` (when given). */
function measureProcess(name: string, command: string, commandArgs: string[], elected?: string): { first: number; median: number; min: number; cpuMedian: number | null } {
  const times: number[] = [];
  const cpu: number[] = [];
  // /usr/bin/time adds the CPU time (user + system) of the process and its children: on a
  // loaded machine the wall time mostly measures the wait for a core, the CPU time does not.
  const timed = existsSync('/usr/bin/time');
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = timed
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', command, ...commandArgs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      : spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${name} failed (${r.status}): ${r.stderr}`);
    const used = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
    if (used) cpu.push((Number(used[1]) + Number(used[2])) * 1000);
    if (elected !== undefined && (JSON.parse(r.stdout) as { elected: number[] }).elected.join() !== elected) throw new Error(`${name} elected others`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  process.stderr.write(`${name.padEnd(10)} ${times.map((t) => t.toFixed(0).padStart(6)).join(' ')} ms (cpu ${cpu.map((t) => t.toFixed(0)).join(' ')} ms)\n`);
  return { first: times[0], median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], cpuMedian: cpuSorted.length ? Math.round(cpuSorted[Math.floor(cpuSorted.length / 2)]) : null };
}

/** How to run Droop here, if it is installed. */
function droopCommand(): [string, string[]] | null {
  if (spawnSync('python3', ['-c', 'import droop'], { encoding: 'utf8' }).status === 0) return ['python3', ['-m', 'droop', 'scotland']];
  if (spawnSync('droop', ['--help'], { encoding: 'utf8' }).status === 0) return ['droop', ['scotland']];
  return null;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function measure<T>(name: string, fn: () => T, check?: (value: T) => void): { first: number; median: number; min: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const r = time(fn);
    times.push(r.ms);
    value = r.value;
    check?.(value);
  }
  const sorted = [...times].sort((a, b) => a - b);
  process.stderr.write(`${name.padEnd(10)} ${times.map((t) => t.toFixed(0).padStart(6)).join(' ')} ms\n`);
  return { first: times[0], median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], value };
}

/** The baseline: what any script does first — read lines, split, add up first preferences. */
function naiveFirstPreferences(path: string): number[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const [candidates] = lines[0].split(' ').map(Number);
  const firsts = new Array<number>(candidates).fill(0);
  for (let i = 1; i < lines.length; i++) {
    const parts = lines[i].trim().split(/\s+/);
    if (parts.length === 1 && parts[0] === '0') break;
    const first = Number(parts[1]);
    if (first > 0) firsts[first - 1] += Number(parts[0]);
  }
  return firsts;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'count-stv-bench-'));
  const file = join(dir, 'synthetic-1m.blt');
  try {
    const generated = time(() => writeSyntheticElection(file, DEFAULT_SPEC));
    process.stderr.write(`generated ${file} (${(generated.value.bytes / 1e6).toFixed(1)} MB) in ${generated.ms.toFixed(0)} ms\n`);

    const naive = measure('naive', () => naiveFirstPreferences(file));
    const parse = measure('parse', () => parseBlt(readFileSync(file)));
    const profile = parse.value;
    const firsts = naive.value;
    const firstsCheck = (): void => {
      const mine = new Array<number>(profile.candidates.length).fill(0);
      for (let g = 0; g < profile.groupCount; g++) mine[profile.prefs[profile.offsets[g]]] += profile.weights[g];
      if (mine.join() !== firsts.join()) throw new Error('parser and naive baseline disagree on first preferences');
    };
    firstsCheck();

    let scottishElected = '';
    const scottish = measure(
      'scottish',
      () => countScottishStv(parseBlt(readFileSync(file))),
      (r) => {
        const e = r.elected.join();
        if (scottishElected && e !== scottishElected) throw new Error('Scottish STV result changed between runs');
        scottishElected = e;
      },
    );
    const scottishCountOnly = measure('scot-only', () => countScottishStv(profile));
    const meek = measure('meek', () => countMeekStv(parseBlt(readFileSync(file))));
    const meekCountOnly = measure('meek-only', () => countMeekStv(profile));

    const wardFiles = readdirSync(WARDS).filter((f) => f.endsWith('.blt'));
    const wards = measure(
      'wards',
      () => wardFiles.map((f) => countScottishStv(parseBlt(readFileSync(join(WARDS, f))))),
      (results) => {
        results.forEach((r, i) => {
          const expected = JSON.parse(readFileSync(join(WARDS, wardFiles[i].replace('.blt', '.expected.json')), 'utf8')) as { elected: number[] };
          const mine = r.elected.map((c) => c + 1).sort((a, b) => a - b);
          if (mine.join() !== expected.elected.join()) throw new Error(`${wardFiles[i]}: winners differ from the official result`);
        });
      },
    );

    // The whole process, as a member runs it. A first run compiles dist/scripts/count.js if stale.
    spawnSync(process.execPath, ['scripts/count-from-build.js', '--help'], { cwd: ROOT });
    const electedText = scottish.value.elected.map((c) => c + 1).join();
    const npmCount = measureProcess('npm-count', 'npm', ['run', '-s', 'count', '--', file], electedText);
    const fromBuild = measureProcess('dist-cli', process.execPath, ['scripts/count-from-build.js', file], electedText);
    const droop = droopCommand();
    const reference = droop
      ? { name: 'Droop (Scottish STV)', ...measureProcess('droop', droop[0], [...droop[1], file]) }
      : { name: 'previous CLI (TypeScript compiled at start: node -r @swc-node/register scripts/count.ts); Droop is not installed', ...measureProcess('ts-cli', process.execPath, ['-r', '@swc-node/register', 'scripts/count.ts', file], electedText) };

    const round = (x: number): number => Math.round(x * 10) / 10;
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    const summary = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverage1m: round(loadavg()[0]) },
      runs,
      election: {
        ballots: profile.ballotCount,
        candidates: profile.candidates.length,
        seats: profile.seats,
        meanPreferences: ratio(generated.value.meanPreferences, 1),
        distinctRankings: profile.groupCount,
        megabytes: round(statSync(file).size / 1e6),
      },
      medianMs: {
        naiveFirstPreferences: round(naive.median),
        readAndParse: round(parse.median),
        scottishStvIncludingRead: round(scottish.median),
        scottishStvCountOnly: round(scottishCountOnly.median),
        meekStvIncludingRead: round(meek.median),
        meekStvCountOnly: round(meekCountOnly.median),
        all40WardsIncludingRead: round(wards.median),
        wholeProcessNpmRunCount: round(npmCount.median),
        wholeProcessFromBuild: round(fromBuild.median),
        wholeProcessReference: round(reference.median),
      },
      wholeProcessReference: reference.name,
      wholeProcessCpuMs: { npmRunCount: npmCount.cpuMedian, fromBuild: fromBuild.cpuMedian, reference: reference.cpuMedian },
      firstRunMs: {
        readAndParse: round(parse.first),
        scottishStvIncludingRead: round(scottish.first),
        meekStvIncludingRead: round(meek.first),
        all40WardsIncludingRead: round(wards.first),
      },
      ratioToNaive: {
        readAndParse: ratio(parse.median, naive.median),
        scottishStvIncludingRead: ratio(scottish.median, naive.median),
        meekStvIncludingRead: ratio(meek.median, naive.median),
        wholeProcessNpmRunCountToReference: ratio(npmCount.median, reference.median),
      },
      targets: {
        parseUnder500ms: parse.median < 500,
        scottishUnder1s: scottish.median <= 1000,
        meekUnder3s: meek.median <= 3000,
        wardsUnder500ms: wards.median <= 500,
        wholeProcessNpmRunCountUnder1s: npmCount.median <= 1000,
      },
      results: {
        scottishElected: scottish.value.elected.map((c) => c + 1),
        scottishStages: scottish.value.stages.length,
        meekElected: meek.value.elected.map((c) => c + 1),
        meekIterations: meek.value.stages.reduce((n, s) => n + (s.action.kind === 'meek-round' ? s.action.iterations : 0), 0),
      },
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

main();
