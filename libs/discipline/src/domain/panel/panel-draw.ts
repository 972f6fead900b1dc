import { SeededRandom } from '@org/kernel';
import { CaseErrorCode, caseError } from '../case/case.errors';
import { CaseId, MemberId } from '../case/identifiers';
import { eligibleFor } from '../recusal/recusal.engine';
import { RecusalOutcome } from '../recusal/recusal.types';

export const DEFAULT_PANEL_SIZE = 3;

export type DrawnSeatSource = 'commissioner' | 'alternate';

export interface DrawnSeat {
  readonly memberId: MemberId;
  readonly source: DrawnSeatSource;
}

/**
 * Everything needed to re-run a draw and get the same panel (S3): the seed, and the sorted
 * pools that were shuffled — eligible commissioners, then eligible elected alternates — after
 * removing the seats that stay and every person ever removed from this case's panel.
 *
 * The procedure: `rng = SeededRandom(seed)`; `rng.shuffle(pool.commissioners)`, take the first
 * `seatsToFill`; if short, continue with the same `rng`: `rng.shuffle(pool.alternates)`, take
 * what is still missing. Whatever is still missing after that is `shortfall`: the Appeals
 * Committee fills those seats with an ad-hoc appointment (`outcome: 'needs_ad_hoc_panel'`).
 */
export interface PanelDrawRecord {
  readonly kind: 'initial' | 'redraw';
  readonly caseId: CaseId;
  readonly seed: string;
  readonly seatsToFill: number;
  /** `computedAt` of the recusal outcome the pools came from. */
  readonly recusalComputedAt: string;
  readonly pool: { readonly commissioners: readonly MemberId[]; readonly alternates: readonly MemberId[] };
  /** Seats that stay as they are (a redraw replaces one seat only). */
  readonly keptSeats: readonly MemberId[];
  /** People removed from this case's panel before; never drawn again. */
  readonly excluded: readonly MemberId[];
  /** The panelist whose seat this redraw fills (null for the initial draw). */
  readonly vacated: MemberId | null;
  readonly drawn: readonly DrawnSeat[];
  readonly shortfall: number;
  readonly outcome: 'complete' | 'needs_ad_hoc_panel';
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function validSeed(seed: string): void {
  if (typeof seed !== 'string' || seed.length < 8) {
    throw caseError('invalid', CaseErrorCode.InvalidConfiguration, 'A draw needs a recorded random seed of at least 8 characters.');
  }
}

function run(seed: string, pool: PanelDrawRecord['pool'], seatsToFill: number): DrawnSeat[] {
  const rng = new SeededRandom(seed);
  const drawn: DrawnSeat[] = rng
    .shuffle(pool.commissioners)
    .slice(0, seatsToFill)
    .map((memberId) => ({ memberId, source: 'commissioner' as const }));
  if (drawn.length < seatsToFill) {
    for (const memberId of rng.shuffle(pool.alternates).slice(0, seatsToFill - drawn.length)) {
      drawn.push({ memberId, source: 'alternate' });
    }
  }
  return drawn;
}

function build(
  kind: PanelDrawRecord['kind'],
  caseId: CaseId,
  seed: string,
  seatsToFill: number,
  recusal: RecusalOutcome,
  keptSeats: readonly MemberId[],
  excluded: readonly MemberId[],
  vacated: MemberId | null,
): PanelDrawRecord {
  validSeed(seed);
  if (recusal.caseId !== caseId) {
    throw caseError('conflict', CaseErrorCode.RecusalStale, 'The recusal outcome given is for another case.');
  }
  const skip = new Set([...keptSeats, ...excluded]);
  const pool = {
    commissioners: eligibleFor(recusal, 'commissioner').filter((m) => !skip.has(m)).sort(byId),
    alternates: eligibleFor(recusal, 'alternate').filter((m) => !skip.has(m)).sort(byId),
  };
  const drawn = run(seed, pool, seatsToFill);
  const shortfall = seatsToFill - drawn.length;
  return {
    kind,
    caseId,
    seed,
    seatsToFill,
    recusalComputedAt: recusal.computedAt,
    pool,
    keptSeats: [...keptSeats].sort(byId),
    excluded: [...new Set(excluded)].sort(byId),
    vacated,
    drawn,
    shortfall,
    outcome: shortfall === 0 ? 'complete' : 'needs_ad_hoc_panel',
  };
}

/**
 * The initial panel: `size` seats (default 3) drawn from the commissioners the recusal outcome
 * clears, then from cleared alternates; anyone not assessed is not eligible (fail closed).
 */
export function drawPanel(input: {
  caseId: CaseId;
  seed: string;
  recusal: RecusalOutcome;
  size?: number;
}): PanelDrawRecord {
  const size = input.size ?? DEFAULT_PANEL_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw caseError('invalid', CaseErrorCode.InvalidConfiguration, 'The panel size must be a whole number of at least 1.', {
      size,
    });
  }
  return build('initial', input.caseId, input.seed, size, input.recusal, [], [], null);
}

/**
 * Replaces one seat after its holder became conflicted, stood down or lost a challenge: a new
 * seed (never one used before for this case), the other seats untouched, and the removed
 * person — like everyone removed before — excluded for good.
 */
export function redrawSeat(input: {
  caseId: CaseId;
  seed: string;
  recusal: RecusalOutcome;
  /** The panelist being replaced. */
  vacated: MemberId;
  /** The panelists who stay. */
  remainingSeats: readonly MemberId[];
  /** Everyone removed from this case's panel before (the case records them). */
  previouslyRemoved: readonly MemberId[];
  /** Seeds already used for this case. */
  previousSeeds: readonly string[];
}): PanelDrawRecord {
  if (input.previousSeeds.includes(input.seed)) {
    throw caseError('invalid', CaseErrorCode.SeedReused, 'A redraw needs a new seed; this one was already used for this case.');
  }
  if (input.remainingSeats.includes(input.vacated)) {
    throw caseError('invalid', CaseErrorCode.InvalidConfiguration, 'The panelist being replaced cannot also stay on the panel.');
  }
  return build(
    'redraw',
    input.caseId,
    input.seed,
    1,
    input.recusal,
    input.remainingSeats,
    [...input.previouslyRemoved, input.vacated],
    input.vacated,
  );
}

export interface DrawVerification {
  readonly matches: boolean;
  /** The seats the recorded seed and pools produce. */
  readonly expected: readonly DrawnSeat[];
  /** Why the record cannot be trusted, when it cannot. */
  readonly problems: readonly string[];
}

/**
 * Re-runs a recorded draw. It matches only when the record is internally sound (pools sorted,
 * without duplicates, disjoint from kept and excluded people) and the seed and pools give
 * exactly the recorded seats, shortfall and outcome.
 */
export function verifyDraw(record: PanelDrawRecord): DrawVerification {
  const problems: string[] = [];
  const isSortedUnique = (xs: readonly string[]) => xs.every((x, i) => i === 0 || xs[i - 1] < x);
  if (typeof record.seed !== 'string' || record.seed.length < 8) problems.push('seed missing or too short');
  if (!Number.isInteger(record.seatsToFill) || record.seatsToFill < 1) problems.push('seatsToFill invalid');
  if (!isSortedUnique(record.pool.commissioners)) problems.push('commissioner pool not sorted or has duplicates');
  if (!isSortedUnique(record.pool.alternates)) problems.push('alternate pool not sorted or has duplicates');
  const skip = new Set([...record.keptSeats, ...record.excluded]);
  const all = [...record.pool.commissioners, ...record.pool.alternates];
  if (all.some((m) => skip.has(m))) problems.push('pool contains a kept seat or an excluded person');
  if (new Set(all).size !== all.length) problems.push('a person is in both pools');
  if (record.kind === 'redraw' && (record.vacated === null || !record.excluded.includes(record.vacated))) {
    problems.push('redraw does not exclude the vacated panelist');
  }
  if (problems.length > 0) return { matches: false, expected: [], problems };

  const expected = run(record.seed, record.pool, record.seatsToFill);
  const shortfall = record.seatsToFill - expected.length;
  const same =
    expected.length === record.drawn.length &&
    expected.every((s, i) => s.memberId === record.drawn[i].memberId && s.source === record.drawn[i].source) &&
    record.shortfall === shortfall &&
    record.outcome === (shortfall === 0 ? 'complete' : 'needs_ad_hoc_panel');
  return { matches: same, expected, problems: same ? [] : ['the seed and pools give different seats'] };
}
