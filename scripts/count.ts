/**
 * Counts a BLT ballot file and prints the result as JSON.
 *
 *   npm run count -- <file.blt> [--method scottish-stv|meek] [--seed S]
 *   node -r @swc-node/register scripts/count.ts <file.blt> [--method scottish-stv|meek] [--seed S]
 *
 * Output: { "elected": [1-based candidate numbers in order of election], "quota": "…",
 *           "stages": [ { "totals": ["…" per candidate], "elected": [...], "excluded": [...] } ] }
 * A bad file or option prints a message on stderr and exits with code 2. Ties decided by lot are
 * reported on stderr with the seed (pass --seed to fix the draw; default: a fingerprint of the ballots).
 *
 * Imports the counting code by relative path: @swc-node/register is not given the path aliases.
 */
import { readFileSync } from 'node:fs';
import { isDomainError } from '@org/kernel';
import { BLT_RECOUNTS, type BltRecount } from '../libs/elections/src/domain/ballot/election-methods';
import { parseBlt } from '../libs/elections/src/domain/counting';
import type { CountResult } from '../libs/elections/src/domain/counting';

/** The ranked methods of the election-method registry, by the names this command accepts. */
const METHODS = BLT_RECOUNTS.map((r) => r.cliName);
const USAGE = `usage: npm run count -- <file.blt> [--method ${METHODS.join('|')}] [--seed S]`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; method: BltRecount; seed?: string } {
  let file: string | undefined;
  let method: BltRecount = BLT_RECOUNTS[0];
  let seed: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const valueOf = (name: string): string => {
      const inline = arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined;
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (arg === '--method' || arg.startsWith('--method=')) {
      const m = valueOf('--method');
      const recount = BLT_RECOUNTS.find((r) => r.cliName === m);
      if (!recount) throw new UsageError(`unknown method "${m}"; use ${METHODS.join(' or ')}`);
      method = recount;
    } else if (arg === '--seed' || arg.startsWith('--seed=')) {
      seed = valueOf('--seed');
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`only one ballot file can be counted at a time (got "${file}" and "${arg}")`);
    }
  }
  if (file === undefined) throw new UsageError('no ballot file given');
  return { file, method, seed };
}

function main(): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`count: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(args.file);
  } catch (e) {
    process.stderr.write(`count: cannot read "${args.file}": ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  let result: CountResult;
  try {
    result = args.method.count(parseBlt(bytes, args.method.parseOptions), args.seed);
  } catch (e) {
    if (isDomainError(e)) {
      process.stderr.write(`count: ${args.file}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const out = {
    elected: result.elected.map((c) => c + 1),
    quota: result.quota,
    stages: result.stages.map((s) => ({ totals: s.totals, elected: s.elected.map((c) => c + 1), excluded: s.excluded.map((c) => c + 1) })),
  };
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
  for (const t of result.tieBreaks) {
    if (t.resolvedBy === 'lot') {
      process.stderr.write(`count: stage ${t.stage}: tie between ${t.tied.map((c) => c + 1).join(', ')} decided by lot (seed "${t.seed}") -> ${t.chosen + 1}\n`);
    }
  }
  return 0;
}

process.exitCode = main();
