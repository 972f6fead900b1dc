import type { CountResult } from './count-result.model';

/** "1234.50000" → "1234.5", "12.00000" → "12": the exact figure, without the padding zeros. */
const figure = (v: string | undefined): string => (v === undefined ? '' : v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/**
 * The stage-by-stage count as a plain-text table, for where there is no chart (the result
 * e-mail): a row per candidate with their total after each stage and how they finished, the
 * non-transferable papers and the quota, then what each stage did. Fixed-width columns, read in
 * a monospaced font; the exact figures, trailing zeros dropped.
 */
export function stageTable(result: CountResult, names: readonly string[] = result.candidates): string {
  const stages = result.stages;
  if (stages.length === 0) return '';
  const finish = new Map<number, string>();
  stages.forEach((s, k) => {
    for (const c of s.elected) finish.set(c, `elected at stage ${k + 1}`);
    for (const c of s.excluded) finish.set(c, `excluded at stage ${k + 1}`);
  });
  const header = ['Candidate', ...stages.map((_, k) => `Stage ${k + 1}`), ''];
  const rows: string[][] = names.map((name, c) => [name, ...stages.map((s) => figure(s.totals[c])), finish.get(c) ?? '']);
  if (stages.some((s) => s.nonTransferable !== undefined)) rows.push(['Non-transferable', ...stages.map((s) => figure(s.nonTransferable ?? '0')), '']);
  if (stages.some((s) => s.quota !== undefined)) rows.push(['Quota', ...stages.map((s) => figure(s.quota ?? result.quota)), '']);
  else if (result.quota !== undefined) rows.push(['Quota', ...stages.map(() => figure(result.quota)), '']);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  const table = [line(header), widths.map((w) => '-'.repeat(w)).join('  ').trimEnd(), ...rows.map(line)];
  const what = stages.map((s, k) => `Stage ${k + 1}: ${actionText(s.action, names)}`);
  return [...table, '', ...what].join('\n');
}

function actionText(a: CountResult['stages'][number]['action'], names: readonly string[]): string {
  switch (a.kind) {
    case 'first-preferences':
      return 'first preferences.';
    case 'surplus':
      return `surplus of ${names[a.candidate]} (${figure(a.surplus)}) transferred.`;
    case 'exclusion':
      return a.minimum
        ? `candidates outside the groups still owed seats excluded (representation minimums), ${figure(a.transferred)} transferred.`
        : `${names[a.candidate]} excluded, ${figure(a.transferred)} transferred.`;
    case 'meek-round':
      return a.minimum ? 'candidates outside the groups still owed seats defeated (representation minimums).' : `a round of ${a.iterations} iterations (${a.outcome}).`;
    case 'tally':
      return 'the count.';
  }
}
