import { createHash } from 'node:crypto';
import { writeBlt, type CountResult, type MotionResult } from '../counting';
import { ELECTION_METHOD_REGISTRY, rankedProfile, type BallotContent, type CountSetup } from './election-methods';

export { rankedProfile, type CountSetup } from './election-methods';

/**
 * What is published after the count (E3): the ballots in a random order, and apart from them the
 * receipt codes sorted. Nothing joins the two — no shared field, and neither order follows the
 * other or the casting order — so a receipt proves that a ballot was counted, never which one.
 */
export interface PublishedBallots {
  readonly ballots: readonly BallotContent[];
  /** Sorted (code order). */
  readonly receipts: readonly string[];
}

/** The BLT file of a ranked election: anyone can recount it with `npm run count -- file.blt`. */
export function ballotsAsBlt(setup: CountSetup, ballots: Iterable<BallotContent>): string {
  return writeBlt(rankedProfile(setup, ballots));
}

/**
 * Counts stored ballots with the counting engine (the method's counter in the registry) — the
 * same function whether it is the returning officer's count or anyone's recount of the published list.
 */
export function countBallots(setup: CountSetup, ballots: readonly BallotContent[], seed: string): CountResult | MotionResult {
  return ELECTION_METHOD_REGISTRY[setup.method].count(setup, ballots, seed);
}

/** JSON with object keys sorted at every level: the same bytes whatever order the database returns. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The commitment to the ballot list, computed when the poll closes and before any count:
 * SHA-256 (hex) of
 *
 *     commons-ballot-list-v2\n<election id>\n
 *     then, for each ballot in publication order: <canonical JSON of the content>\n
 *     then receipts\n
 *     then, for each receipt code in sorted order: <receipt>\n
 *
 * Anyone can recompute it from the published ballots and receipt list (README, "Verifying an election").
 */
export function ballotListHash(electionId: string, published: PublishedBallots): string {
  const h = createHash('sha256');
  h.update(`commons-ballot-list-v2\n${electionId}\n`);
  for (const b of published.ballots) h.update(`${canonicalJson(b)}\n`);
  h.update('receipts\n');
  for (const r of [...published.receipts].sort()) h.update(`${r}\n`);
  return h.digest('hex');
}
