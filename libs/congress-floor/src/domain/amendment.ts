import { floorError, FloorErrorCode } from './floor.errors';
import { normalizeText } from './motion.entity';

export const AMENDMENT_STAGES = ['submitted', 'voting', 'carried', 'lost', 'fallen', 'withdrawn'] as const;
export type AmendmentStage = (typeof AMENDMENT_STAGES)[number];

/**
 * A line-based amendment: replace lines `fromLine`…`toLine` (1-based, inclusive) of the motion as
 * submitted with `text` (empty: delete them). An insertion before line n is `fromLine = n,
 * toLine = n - 1` (after the last line: `fromLine = lines + 1`).
 */
export interface LineChange {
  fromLine: number;
  toLine: number;
  text: string;
}

export interface AmendmentSnapshot extends LineChange {
  id: string;
  motionId: string;
  /**
   * An amendment to a pending amendment (null: an amendment to the motion). Its lines are the
   * lines of that amendment's text as moved; it is voted before that amendment, which is then
   * voted as amended. One level only: an amendment to an amendment is not itself amended.
   */
  amends: string | null;
  number: number;
  movedBy: string;
  stage: AmendmentStage;
  submittedAt: string;
}

export interface DiffLine {
  /** `same`: unchanged; `removed`: a line of the motion the amendment deletes; `added`: a line it puts in. */
  kind: 'same' | 'removed' | 'added';
  /** The line's number in the motion (null for an added line). */
  line: number | null;
  text: string;
}

export const linesOf = (text: string): string[] => (text === '' ? [] : text.split('\n'));

/** Checks a change against the motion's lines (or, `of`, an amendment's); returns it normalized. */
export function checkLineChange(motionText: string, c: LineChange, of = 'motion'): LineChange {
  const n = linesOf(motionText).length;
  const text = normalizeText(c.text);
  const ok = Number.isInteger(c.fromLine) && Number.isInteger(c.toLine) && c.fromLine >= 1 && c.fromLine <= n + 1 && c.toLine >= c.fromLine - 1 && c.toLine <= n;
  if (!ok) {
    throw floorError('invalid', FloorErrorCode.invalidAmendment, `The ${of} has ${n} lines: replace lines fromLine…toLine (1 ≤ fromLine ≤ toLine ≤ ${n}), or insert before line n with fromLine = n and toLine = n − 1.`);
  }
  const insertion = c.toLine === c.fromLine - 1;
  if (insertion && text === '') throw floorError('invalid', FloorErrorCode.invalidAmendment, 'An insertion needs the text to insert.');
  if (!insertion && text === linesOf(motionText).slice(c.fromLine - 1, c.toLine).join('\n')) {
    throw floorError('invalid', FloorErrorCode.invalidAmendment, 'This amendment changes nothing: the text is the same as the lines it replaces.');
  }
  return { fromLine: c.fromLine, toLine: c.toLine, text };
}

/** The amendment shown as a diff against the motion: its lines around the change, removed and added lines marked. */
export function diffAgainst(motionText: string, c: LineChange, context = 2): DiffLine[] {
  const lines = linesOf(motionText);
  const out: DiffLine[] = [];
  const from = Math.max(1, c.fromLine - context);
  const to = Math.min(lines.length, Math.max(c.toLine, c.fromLine - 1) + context);
  for (let i = from; i < c.fromLine; i++) out.push({ kind: 'same', line: i, text: lines[i - 1] });
  for (let i = c.fromLine; i <= c.toLine; i++) out.push({ kind: 'removed', line: i, text: lines[i - 1] });
  for (const t of linesOf(c.text)) out.push({ kind: 'added', line: null, text: t });
  for (let i = Math.max(c.toLine, c.fromLine - 1) + 1; i <= to; i++) out.push({ kind: 'same', line: i, text: lines[i - 1] });
  return out;
}

/** Whether two changes touch a common line of the motion (two insertions at the same place overlap too). */
export function overlaps(a: LineChange, b: LineChange): boolean {
  const span = (c: LineChange): [number, number] => (c.toLine < c.fromLine ? [c.fromLine - 0.5, c.fromLine - 0.5] : [c.fromLine, c.toLine]);
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 <= b1 && b0 <= a1;
}

/**
 * The motion as amended: the carried amendments applied to the motion as submitted. Carried
 * amendments never overlap (when one is carried, those overlapping it fall), so they are applied
 * from the bottom up and each one's line numbers stay those of the motion as submitted.
 */
export function applyCarried(motionText: string, carried: readonly LineChange[]): string {
  const lines = linesOf(motionText);
  const sorted = [...carried].sort((a, b) => b.fromLine - a.fromLine || b.toLine - a.toLine);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (overlaps(sorted[i], sorted[j])) throw new Error('carried amendments overlap: one of them should have fallen');
    }
  }
  for (const c of sorted) lines.splice(c.fromLine - 1, Math.max(0, c.toLine - c.fromLine + 1), ...linesOf(c.text));
  return lines.join('\n');
}

/** What happens to the other amendments still waiting when `carried` is carried: those overlapping it fall. */
export function fallingWith(carried: LineChange, waiting: readonly AmendmentSnapshot[]): string[] {
  return waiting.filter((w) => w.stage === 'submitted' && overlaps(carried, w)).map((w) => w.id);
}

// ── amendments to amendments ─────────────────────────────────────────────────────────────

/**
 * An amendment to `parent`: only to an amendment to the motion (one level), while it waits for
 * its vote; the change names lines of the parent's text as moved.
 */
export function checkAmendmentToAmendment(parent: AmendmentSnapshot, c: LineChange): LineChange {
  if (parent.amends !== null) {
    throw floorError('invalid', FloorErrorCode.invalidAmendment, `Amendment ${parent.number} is itself an amendment to an amendment: it is not amended in turn. Amend the amendment it amends, or the motion.`);
  }
  if (parent.stage !== 'submitted') {
    throw floorError('conflict', FloorErrorCode.amendmentWrongStage, `Amendment ${parent.number} is ${parent.stage}: only an amendment waiting for its vote is amended.`, { stage: parent.stage });
  }
  return checkLineChange(parent.text, c, `text of amendment ${parent.number}`);
}

/** Amendments to `amendmentId` still waiting for their vote: it is put to the vote only after them. */
export const waitingAmendmentsTo = (amendmentId: string, all: readonly AmendmentSnapshot[]): AmendmentSnapshot[] =>
  all.filter((x) => x.amends === amendmentId && (x.stage === 'submitted' || x.stage === 'voting'));

/** The amendment as amended: its text with its carried amendments applied (line numbers of its text as moved). */
export function asAmended(a: AmendmentSnapshot, all: readonly AmendmentSnapshot[]): LineChange {
  const carried = all.filter((x) => x.amends === a.id && x.stage === 'carried');
  return { fromLine: a.fromLine, toLine: a.toLine, text: carried.length ? applyCarried(a.text, carried) : a.text };
}

/** The motion as amended: the carried amendments to the motion, each as amended by its own carried amendments. */
export function motionAsAmended(motionText: string, all: readonly AmendmentSnapshot[]): string {
  return applyCarried(
    motionText,
    all.filter((a) => a.amends === null && a.stage === 'carried').map((a) => asAmended(a, all)),
  );
}

/**
 * What falls when `carried` is carried: an amendment to an amendment makes its waiting siblings
 * on the same lines (of their amendment) fall; an amendment to the motion makes the waiting
 * amendments to the motion on the same lines fall, and with them their own waiting amendments.
 */
export function fallingAfter(carried: AmendmentSnapshot, all: readonly AmendmentSnapshot[]): string[] {
  const peers = all.filter((x) => x.id !== carried.id && x.amends === carried.amends);
  const fallen = fallingWith(asAmended(carried, all), peers);
  return [...fallen, ...all.filter((x) => x.amends !== null && fallen.includes(x.amends) && x.stage === 'submitted').map((x) => x.id)];
}

/** An amendment withdrawn or ruled out takes its waiting amendments with it: they fall. */
export const fallingWithParent = (amendmentId: string, all: readonly AmendmentSnapshot[]): string[] =>
  all.filter((x) => x.amends === amendmentId && x.stage === 'submitted').map((x) => x.id);
