import type { CountResult } from './count-result.model';

/**
 * The reference for withdrawals and countbacks (Droop and OpenSTV are not installed where the specs
 * run): what withdrawal means — the ballot file with the candidate deleted from every ballot and
 * from the candidate list, the others renumbered — built by plain text editing, not by the parser.
 */

/** The BLT text with `-k` on the line after the header. */
export function withWithdrawnLine(text: string, k: number): string {
  const nl = text.indexOf('\n');
  return `${text.slice(0, nl)}\n-${k}${text.slice(nl)}`;
}

/** The BLT text with candidate k (1-based) deleted from every ballot and from the names. */
export function withCandidateRemoved(text: string, k: number): string {
  const lines = text.split('\n');
  const [n, seats] = lines[0].trim().split(/\s+/).map(Number);
  const out = [`${n - 1} ${seats}`];
  let i = 1;
  for (; i < lines.length; i++) {
    const words = lines[i].trim().split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) continue;
    if (words.length === 1 && words[0] === '0') break;
    const [weight, ...prefs] = words.map(Number);
    const kept = prefs.filter((p) => p !== 0 && p !== k).map((p) => (p > k ? p - 1 : p));
    if (kept.length > 0) out.push(`${weight} ${kept.join(' ')} 0`);
  }
  out.push('0');
  let name = 0;
  for (i++; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line.startsWith('"')) continue;
    name++;
    if (name !== k) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** Compares a count with candidate k withdrawn against the count of the file without k. */
export function expectSameAsRemoval(withdrawn: CountResult, removed: CountResult, k: number): void {
  const back = (c: number): number => (c >= k - 1 ? c + 1 : c);
  expect(withdrawn.elected).toEqual(removed.elected.map(back));
  expect(withdrawn.elected).not.toContain(k - 1);
  expect(withdrawn.quota).toBe(removed.quota);
  expect(withdrawn.validPoll).toBe(removed.validPoll);
  expect(withdrawn.stages).toHaveLength(removed.stages.length);
  withdrawn.stages.forEach((stage, s) => {
    expect(Number(stage.totals[k - 1])).toBe(0);
    expect(stage.totals.filter((_, c) => c !== k - 1)).toEqual(removed.stages[s].totals);
    expect(stage.nonTransferable).toBe(removed.stages[s].nonTransferable);
    expect(stage.excluded).toEqual(removed.stages[s].excluded.map(back));
  });
}

