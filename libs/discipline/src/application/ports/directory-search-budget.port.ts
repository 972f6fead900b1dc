import type { Tx } from '@org/platform';

/** What a searcher has used of the complaints directory's daily budget. */
export interface DirectoryBudgetUse {
  /** Searches since the moment asked about. */
  readonly count: number;
  /** The oldest of them (when the budget frees up again), or null when there is none. */
  readonly oldest: Date | null;
}

/**
 * The complaints directory's search budget (S1): searches counted per searcher, by a keyed
 * hash of who they are (the tag) — never the searcher themselves, never what they looked for.
 */
export abstract class DirectorySearchBudget {
  /** Holds this searcher's count for the transaction, so parallel requests cannot overrun the budget. */
  abstract lock(tx: Tx, tag: string): Promise<void>;
  abstract usedSince(tx: Tx, tag: string, since: Date): Promise<DirectoryBudgetUse>;
  /** Records one search at `at`, and forgets every search (of anyone) at or before `forgetUpTo`. */
  abstract record(tx: Tx, tag: string, at: Date, forgetUpTo: Date): Promise<void>;
}
