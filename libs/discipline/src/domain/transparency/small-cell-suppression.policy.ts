import { DomainError } from '@org/kernel';

/**
 * Small-cell suppression for the transparency report (S8, S6). See README.md in this folder for
 * the reasoning; in short:
 *
 * 1. Primary suppression: a count from 1 to threshold−1 is shown as "<threshold" ("<3"),
 *    never as the number. Zero is shown.
 * 2. Complementary suppression, in fixed steps: when a table has a "<3" cell, its smallest shown
 *    non-zero cell is withheld as well, once. Then we check, from only what a reader sees (shown
 *    cells, the total, "<3" cells in [1, t−1], the withheld cell in [t, smallest shown]), that
 *    every hidden cell could still take at least two values.
 * 3. When that check fails, or the population itself is below the threshold, the whole family
 *    of tables over that population is withheld: every cell, zeros included, and the total.
 * Steps are never repeated "until it looks safe": a step taken only for some values would
 * itself reveal something about them (the tests check this by exhaustive enumeration).
 */
export type CellKind = 'shown' | 'small' | 'withheld';

export type ReportCell =
  | { readonly kind: 'count'; readonly value: number; readonly display: string }
  | { readonly kind: 'small'; readonly display: string }
  | { readonly kind: 'withheld'; readonly display: 'withheld' };

export const DEFAULT_SUPPRESSION_THRESHOLD = 3;

export function suppressionThreshold(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 3 && value <= 1000) return value;
  throw new DomainError(
    'invalid',
    'discipline.transparency.invalid_threshold',
    'The small-cell threshold must be a whole number of at least 3 (with 2, "<2" would simply mean 1).',
  );
}

export function cell(kind: CellKind, value: number, threshold: number): ReportCell {
  switch (kind) {
    case 'shown':
      return { kind: 'count', value, display: String(value) };
    case 'small':
      return { kind: 'small', display: `<${threshold}` };
    case 'withheld':
      return { kind: 'withheld', display: 'withheld' };
  }
}

/** A single count with no table around it: only primary suppression applies. */
export function singleCount(value: number, threshold: number): ReportCell {
  return cell(value >= 1 && value < threshold ? 'small' : 'shown', value, threshold);
}

/**
 * Whether no hidden cell of a table can be worked out exactly by a reader who sees the display
 * (shown cells, which cells are "<t" and which "withheld", the table's total) and knows how
 * `protectTable` works: a "<t" cell lies in [1, t−1]; the one "withheld" cell in [t, m], where m
 * is the smallest shown non-zero cell (m−1 when a shown cell of value m comes before it, since
 * ties are broken by position). Every hidden cell must keep at least two possible values.
 */
export function hiddenCellsAreAmbiguous(values: readonly number[], kinds: readonly CellKind[], threshold: number): boolean {
  let remainder = values.reduce((a, b) => a + b, 0);
  let smallest = Infinity;
  let smallestFirstIndex = -1;
  kinds.forEach((k, i) => {
    if (k !== 'shown') return;
    remainder -= values[i];
    if (values[i] > 0 && values[i] < smallest) {
      smallest = values[i];
      smallestFirstIndex = i;
    }
  });
  const hidden: { lo: number; hi: number }[] = [];
  kinds.forEach((k, i) => {
    if (k === 'small') hidden.push({ lo: 1, hi: threshold - 1 });
    if (k === 'withheld') hidden.push({ lo: threshold, hi: smallestFirstIndex !== -1 && smallestFirstIndex < i ? smallest - 1 : smallest });
  });
  if (hidden.length === 0) return true;
  for (let i = 0; i < hidden.length; i++) {
    let othersLo = 0;
    let othersHi = 0;
    for (let j = 0; j < hidden.length; j++) {
      if (j === i) continue;
      othersLo += hidden[j].lo;
      othersHi += hidden[j].hi;
    }
    const lo = Math.max(hidden[i].lo, remainder - othersHi);
    const hi = Math.min(hidden[i].hi, remainder - othersLo);
    if (!(hi > lo)) return false;
  }
  return true;
}

/**
 * Suppression of one table whose total is published. The steps are fixed in advance, never
 * repeated until something "looks safe": a step taken only for some values would itself tell a
 * reader something about those values.
 * 1. Counts from 1 to t−1 become "<t".
 * 2. If there is any, the smallest shown non-zero cell (first by position on ties) is withheld.
 * 3. If a hidden cell could still be worked out (see `hiddenCellsAreAmbiguous`), the table
 *    cannot be published with its total: `null`, and `protectFamily` withholds the whole family.
 */
export function protectTable(values: readonly number[], threshold: number): CellKind[] | null {
  const kinds: CellKind[] = values.map((v) => (v >= 1 && v < threshold ? 'small' : 'shown'));
  if (!kinds.includes('small')) return kinds;
  let pick = -1;
  kinds.forEach((k, i) => {
    if (k === 'shown' && values[i] > 0 && (pick === -1 || values[i] < values[pick])) pick = i;
  });
  if (pick !== -1) kinds[pick] = 'withheld';
  return hiddenCellsAreAmbiguous(values, kinds, threshold) ? kinds : null;
}

export interface ProtectedFamily {
  readonly total: ReportCell;
  readonly tables: readonly (readonly ReportCell[])[];
  /** True when every cell of the family (and possibly the total) had to be withheld. */
  readonly masked: boolean;
}

/**
 * Protects a family of tables that each break down the same population (so each adds up to the
 * same total, and the tables are linked only through it). The total is published, and each
 * table protected on its own (`protectTable`), unless the total is itself small or some table
 * cannot be protected: then the whole family is withheld — every cell, zeros included, and the
 * total ("<t" or "withheld") — since any one table published in full would give the total back.
 */
export function protectFamily(total: number, tables: readonly (readonly number[])[], threshold: number): ProtectedFamily {
  for (const t of tables) {
    if (t.reduce((a, b) => a + b, 0) !== total) throw new Error('A table of the family does not add up to the family total.');
  }
  const kinds = tables.map((t) => protectTable(t, threshold));
  const small = total >= 1 && total < threshold;
  if (small || kinds.some((k) => k === null)) {
    return {
      total: cell(small ? 'small' : 'withheld', total, threshold),
      tables: tables.map((t) => t.map(() => cell('withheld', 0, threshold))),
      masked: true,
    };
  }
  return {
    total: cell('shown', total, threshold),
    tables: tables.map((t, ti) => t.map((v, i) => cell((kinds[ti] as CellKind[])[i], v, threshold))),
    masked: false,
  };
}
