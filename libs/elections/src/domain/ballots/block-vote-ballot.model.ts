import { DomainError } from '@org/kernel';

/**
 * A block-vote ballot (several seats, one vote per chosen candidate) where candidates may stand
 * on **slates**. The voter may:
 * - take a slate whole: `{ kind: 'slate', slate }`;
 * - amend a slate (panachage): strike names from it and add names from anywhere, as long as the
 *   result names no more candidates than seats: `{ kind: 'amended-slate', slate, struck, added }`;
 * - choose candidates one by one: `{ kind: 'individual', choices }`.
 * Candidates and slates are named by their keys (ids or names, as the election defines them).
 */
export type BlockVoteBallot =
  | { readonly kind: 'slate'; readonly slate: string }
  | { readonly kind: 'amended-slate'; readonly slate: string; readonly struck: readonly string[]; readonly added: readonly string[] }
  | { readonly kind: 'individual'; readonly choices: readonly string[] };

export interface Slate {
  readonly key: string;
  readonly candidates: readonly string[];
}

export interface BlockVoteSetup {
  readonly seats: number;
  /** Candidate keys, in ballot-paper order. */
  readonly candidates: readonly string[];
  readonly slates?: readonly Slate[];
}

const refused = (message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('invalid', 'ballot_refused', message, details);

/**
 * Checks a block-vote setup: seats ≥ 1, distinct candidate keys, slates with distinct keys that
 * name only known candidates, each at most once, and no more candidates than seats.
 */
export function checkBlockVoteSetup(setup: BlockVoteSetup): void {
  if (!Number.isInteger(setup.seats) || setup.seats < 1) throw new DomainError('invalid', 'count_invalid', 'the number of seats must be a whole number of at least 1');
  const known = new Set(setup.candidates);
  if (known.size !== setup.candidates.length) throw new DomainError('invalid', 'count_invalid', 'a candidate is listed twice');
  const slateKeys = new Set<string>();
  for (const slate of setup.slates ?? []) {
    if (slateKeys.has(slate.key)) throw new DomainError('invalid', 'count_invalid', `slate "${slate.key}" is defined twice`);
    slateKeys.add(slate.key);
    if (new Set(slate.candidates).size !== slate.candidates.length) throw new DomainError('invalid', 'count_invalid', `slate "${slate.key}" names a candidate twice`);
    for (const c of slate.candidates) {
      if (!known.has(c)) throw new DomainError('invalid', 'count_invalid', `slate "${slate.key}" names "${c}", who is not a candidate`);
    }
    if (slate.candidates.length > setup.seats) {
      throw new DomainError('invalid', 'count_invalid', `slate "${slate.key}" names ${slate.candidates.length} candidates for ${setup.seats} seats`);
    }
  }
}

/**
 * Resolves a ballot to the set of candidates it votes for (in the order the ballot gives them),
 * or refuses it (`DomainError('invalid', 'ballot_refused', …)`) when it names an unknown
 * candidate or slate, names a candidate twice, strikes a name that is not on the slate, or ends up
 * with more names than seats. An empty result is a blank ballot.
 */
export function resolveBlockVoteBallot(ballot: BlockVoteBallot, setup: BlockVoteSetup): string[] {
  const known = new Set(setup.candidates);
  const checkKnown = (c: string): void => {
    if (!known.has(c)) throw refused(`"${c}" is not a candidate in this election`, { candidate: c });
  };
  let chosen: string[];
  if (ballot.kind === 'individual') {
    chosen = [];
    for (const c of ballot.choices) {
      checkKnown(c);
      if (chosen.includes(c)) throw refused(`"${c}" is chosen twice`, { candidate: c });
      chosen.push(c);
    }
  } else {
    const slate = (setup.slates ?? []).find((s) => s.key === ballot.slate);
    if (!slate) throw refused(`"${ballot.slate}" is not a slate in this election`, { slate: ballot.slate });
    chosen = [...slate.candidates];
    if (ballot.kind === 'amended-slate') {
      const struck = new Set<string>();
      for (const c of ballot.struck) {
        checkKnown(c);
        if (!slate.candidates.includes(c)) throw refused(`"${c}" is struck but is not on slate "${slate.key}"`, { candidate: c });
        if (struck.has(c)) throw refused(`"${c}" is struck twice`, { candidate: c });
        struck.add(c);
      }
      chosen = chosen.filter((c) => !struck.has(c));
      for (const c of ballot.added) {
        checkKnown(c);
        if (chosen.includes(c)) throw refused(`"${c}" is added but is already chosen`, { candidate: c });
        chosen.push(c);
      }
    }
  }
  if (chosen.length > setup.seats) {
    throw refused(`the ballot names ${chosen.length} candidates but there are only ${setup.seats} seats: remove ${chosen.length - setup.seats}`, {
      named: chosen.length,
      seats: setup.seats,
    });
  }
  return chosen;
}
