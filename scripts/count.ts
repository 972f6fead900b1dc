/**
 * Counts a BLT ballot file and prints the result as JSON.
 *
 *   npm run count -- <file.blt> [--method scottish-stv|meek] [--seed S]
 *                   [--withdraw N[,N…]] [--write-blt OUT.blt]
 *                   [--group "name:1,3,5,7" --minimum "name:2"]…
 *                   [--vacate N [--fill countback|next-highest] [--elected 1,2,3]]
 *
 * - `--withdraw`: candidates who withdrew after voting opened, counted as skipped on every ballot
 *   (added to any `-N` withdrawn line the file has). `--write-blt` writes the ballots with the
 *   withdrawn line (`-N …` after the header), as Droop and OpenSTV read it.
 * - `--group` / `--minimum` (repeatable, same names): representation minimums, by the exclusion
 *   method; the count stands unchanged when its winners already meet them.
 * - `--vacate N`: fills the seat of winner N by `--fill` (default countback: the ballots counted
 *   again with N withdrawn, the other winners kept elected and the --group minimums re-applied
 *   over them plus the refill; or next-highest in the original count). `--elected` gives the original winners (default: this count's).
 *
 * Output: { "elected": [1-based candidate numbers in order of election], "quota": "…",
 *           "withdrawn": [...], "stages": [ { "totals": ["…" per candidate], "elected": [...], "excluded": [...] } ],
 *           "vacancy"?: { "rule", "vacating", "filledBy", "elected", "count"? } }
 * A bad file or option prints a message on stderr and exits with code 2. Ties decided by lot are
 * reported on stderr with the seed (pass --seed to fix the draw; default: a fingerprint of the ballots).
 *
 * `npm run count` runs the compiled copy in dist/ (built by `npm run build`, or on first use by
 * scripts/count-from-build.js), so a count does not pay for compiling TypeScript.
 * Imports the counting code by relative path: the compiled script needs no path aliases.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BLT_RECOUNTS, type BltRecount } from '../libs/elections/src/domain/ballot/election-methods';
import { countback, nextHighest, parseBlt, VACANCY_RULES, withCandidatesWithdrawn, writeBlt } from '../libs/elections/src/domain/counting';
import type { CountResult, RepresentationMinimum, VacancyFilling, VacancyRule } from '../libs/elections/src/domain/counting';
import { DomainError } from '../libs/kernel/src/domain-error';

/** The ranked methods of the election-method registry, by the names this command accepts. */
const METHODS = BLT_RECOUNTS.map((r) => r.cliName);
const USAGE = `usage: npm run count -- <file.blt> [--method ${METHODS.join('|')}] [--seed S] [--withdraw N,N] [--write-blt OUT.blt] [--group "name:1,3,5" --minimum "name:2"] [--vacate N [--fill ${VACANCY_RULES.join('|')}] [--elected 1,2,3]]`;

class UsageError extends Error {}

export interface CountArgs {
  file: string;
  method: BltRecount;
  seed?: string;
  withdraw: number[];
  writeBlt?: string;
  groups: Map<string, number[]>;
  minimums: Map<string, number>;
  vacate?: number;
  fill: VacancyRule;
  elected?: number[];
}

/** "1,3,5" → [1, 3, 5] (1-based candidate numbers). */
function numbers(text: string, what: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^[1-9][0-9]*$/.test(p))) throw new UsageError(`${what} must be candidate numbers separated by commas, e.g. 1,3,5 (got "${text}")`);
  return parts.map(Number);
}

/** "name:value" → [name, value]. */
function named(text: string, flag: string): [string, string] {
  const at = text.lastIndexOf(':');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`${flag} takes "name:value", e.g. ${flag === '--group' ? '"women:1,3,5,7"' : '"women:2"'} (got "${text}")`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

export function parseArgs(argv: readonly string[]): CountArgs | 'help' {
  let file: string | undefined;
  const args: Omit<CountArgs, 'file'> = { method: BLT_RECOUNTS[0], withdraw: [], groups: new Map(), minimums: new Map(), fill: 'countback' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const flag = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    const value = (): string => {
      if (arg.includes('=') && arg.startsWith('--')) return arg.slice(arg.indexOf('=') + 1);
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--method': {
        const m = value();
        const recount = BLT_RECOUNTS.find((r) => r.cliName === m);
        if (!recount) throw new UsageError(`unknown method "${m}"; use ${METHODS.join(' or ')}`);
        args.method = recount;
        break;
      }
      case '--seed':
        args.seed = value();
        break;
      case '--withdraw':
        args.withdraw.push(...numbers(value(), '--withdraw'));
        break;
      case '--write-blt':
        args.writeBlt = value();
        break;
      case '--group': {
        const [name, list] = named(value(), '--group');
        if (args.groups.has(name)) throw new UsageError(`group "${name}" is given twice`);
        args.groups.set(name, numbers(list, `--group "${name}"`));
        break;
      }
      case '--minimum': {
        const [name, n] = named(value(), '--minimum');
        if (!/^[0-9]+$/.test(n)) throw new UsageError(`--minimum "${name}" must be a whole number of seats (got "${n}")`);
        args.minimums.set(name, Number(n));
        break;
      }
      case '--vacate':
        [args.vacate] = numbers(value(), '--vacate');
        break;
      case '--fill': {
        const rule = value();
        if (!(VACANCY_RULES as readonly string[]).includes(rule)) throw new UsageError(`unknown --fill "${rule}"; use ${VACANCY_RULES.join(' or ')}`);
        args.fill = rule as VacancyRule;
        break;
      }
      case '--elected':
        args.elected = numbers(value(), '--elected');
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
        if (file !== undefined) throw new UsageError(`only one ballot file can be counted at a time (got "${file}" and "${arg}")`);
        file = arg;
    }
  }
  if (file === undefined) throw new UsageError('no ballot file given');
  for (const name of args.minimums.keys()) if (!args.groups.has(name)) throw new UsageError(`--minimum "${name}" names no --group; give --group "${name}:1,3,5"`);
  for (const name of args.groups.keys()) if (!args.minimums.has(name)) throw new UsageError(`--group "${name}" has no --minimum; give --minimum "${name}:N"`);
  if ((args.fill !== 'countback' || args.elected) && args.vacate === undefined) throw new UsageError('--fill and --elected go with --vacate N');
  return { file, ...args };
}

export interface CountIo {
  readFile(path: string): Uint8Array;
  writeFile(path: string, text: string): void;
  out(text: string): void;
  err(text: string): void;
}

/** Runs the command; returns the exit code (0, or 2 for a bad file or option). */
export function runCount(argv: readonly string[], io: CountIo): number {
  let args: CountArgs | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`count: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(args.file);
  } catch (e) {
    io.err(`count: cannot read "${args.file}": ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  const a = args;
  try {
    let profile = parseBlt(bytes, a.method.parseOptions);
    if (a.withdraw.length > 0) profile = withCandidatesWithdrawn(profile, a.withdraw.map((c) => c - 1));
    if (a.writeBlt) io.writeFile(a.writeBlt, writeBlt(profile));
    const minimums: RepresentationMinimum[] = [...a.groups].map(([group, cs]) => ({ group, candidates: cs.map((c) => c - 1), minimum: a.minimums.get(group) as number }));
    const result = a.method.count(profile, a.seed, minimums);
    const out: Record<string, unknown> = {
      elected: result.elected.map((c) => c + 1),
      quota: result.quota,
      withdrawn: profile.withdrawn.map((c) => c + 1),
      stages: stagesOf(result),
    };
    const tieBreaks = [...result.tieBreaks];
    if (a.vacate !== undefined) {
      const original = a.elected ? a.elected.map((c) => c - 1) : result.elected;
      const filling: VacancyFilling =
        a.fill === 'countback' ? countback(profile, original, a.vacate - 1, (p, owed) => a.method.count(p, a.seed, owed), minimums) : nextHighest(result, a.vacate - 1, profile.withdrawn);
      out.vacancy = {
        rule: filling.rule,
        vacating: filling.vacating + 1,
        filledBy: filling.filledBy === null ? null : filling.filledBy + 1,
        elected: filling.elected.map((c) => c + 1),
        ...(filling.count ? { count: { elected: filling.count.elected.map((c) => c + 1), quota: filling.count.quota, stages: stagesOf(filling.count) } } : {}),
      };
      if (filling.count) tieBreaks.push(...filling.count.tieBreaks);
    }
    io.out(`${JSON.stringify(out, null, 1)}\n`);
    for (const t of tieBreaks) {
      if (t.resolvedBy === 'lot') io.err(`count: stage ${t.stage}: tie between ${t.tied.map((c) => c + 1).join(', ')} decided by lot (seed "${t.seed}") -> ${t.chosen + 1}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      io.err(`count: ${a.file}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function stagesOf(result: CountResult): { totals: string[]; elected: number[]; excluded: number[] }[] {
  return result.stages.map((s) => ({ totals: s.totals, elected: s.elected.map((c) => c + 1), excluded: s.excluded.map((c) => c + 1) }));
}

/** The command as a process: arguments from argv, files from disk, exit code set. */
export function main(): void {
  process.exitCode = runCount(process.argv.slice(2), {
    readFile: (path) => readFileSync(path),
    writeFile: (path, text) => writeFileSync(path, text),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}

if (require.main === module) main();
