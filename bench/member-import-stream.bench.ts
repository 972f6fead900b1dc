/**
 * Issue 12 (flat memory): the 100,000-row mapped member import, before and after the import
 * became streaming, measured in one run on the same machine — each size on the code before the
 * change, then on this checkout, alternately, each in a fresh process
 * (`bench/member-import-mapped.bench.ts`, mapped scenario: dry run then apply, heap and RSS sampled
 * every 50 ms, a GC before each phase).
 *
 *   git archive <commit before the change> | tar -x -C /tmp/import-before
 *   ln -s "$PWD/node_modules" /tmp/import-before/node_modules
 *   BEFORE_TREE=/tmp/import-before PG_BENCH_URL=postgres://postgres@127.0.0.1:55433/postgres \
 *     SIZES=10000,100000 node -r @swc-node/register bench/member-import-stream.bench.ts
 *
 * The bench file itself is copied into the earlier tree, so both sides run the same driver.
 * Raw results: $BENCH_JSON (default: bench/results/member-import-stream.json).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const before = process.env.BEFORE_TREE;
if (!before || !fs.existsSync(path.join(before, 'libs'))) {
  console.error('Set BEFORE_TREE to a checkout of the code before the change (see the header of this file).');
  process.exit(2);
}
const sizes = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const driver = path.resolve(__dirname, 'member-import-mapped.bench.ts');
fs.copyFileSync(driver, path.join(before, 'bench', 'member-import-mapped.bench.ts'));

function run(tree: string, rows: number): unknown {
  const out = path.join(os.tmpdir(), `member-import-stream-${path.basename(tree)}-${rows}-${process.pid}.json`);
  const r = spawnSync(process.execPath, ['--expose-gc', '-r', '@swc-node/register', path.join(tree, 'bench', 'member-import-mapped.bench.ts')], {
    cwd: tree,
    env: { ...process.env, SIZES: String(rows), SCENARIOS: 'mapped', BENCH_JSON: out },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${tree} ${rows}: exit ${r.status}`);
  const json = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out);
  return { loadAverageAtStart: json.loadAverageAtStart, loadAverageAtEnd: json.loadAverageAtEnd, ...json[`rows_${rows}`] };
}

const results: Record<string, unknown> = {
  ranAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(1)),
};
for (const rows of sizes) {
  results[`before_${rows}`] = run(before, rows);
  console.log(`[${rows}] before`, JSON.stringify(results[`before_${rows}`]));
  results[`after_${rows}`] = run(path.resolve(__dirname, '..'), rows);
  console.log(`[${rows}] after`, JSON.stringify(results[`after_${rows}`]));
}
results.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(1));
const file = process.env.BENCH_JSON ?? path.resolve(__dirname, 'results/member-import-stream.json');
fs.writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`written ${file}`);
