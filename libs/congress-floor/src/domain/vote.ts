export const ANSWERS = ['yes', 'no', 'abstain'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/** Carried by a simple majority of the votes cast for and against (abstentions count for neither); a tie is lost. */
export const isCarried = (t: Tally): boolean => t.yes > t.no;

/**
 * A card's weight in a card vote. Accreditation (elections) gives one mandate per delegate, and
 * apportionment already gave each branch delegates in proportion to its members: so each
 * delegate's card carries one mandate, and a delegation's (branch's) card is the sum of its
 * delegates' cards. One home for the weight, should the standing orders ever weigh cards otherwise.
 */
export const cardWeight = (_delegate: { memberId: string; delegation: string }): number => 1;

export interface Card {
  memberId: string;
  delegation: string;
  weight: number;
  answer: Answer;
}

/** Each delegation's cards summed (weights), in delegation order: published with a card vote's result. */
export function byDelegation(cards: readonly Card[]): ({ delegation: string; cards: number } & Tally)[] {
  const out = new Map<string, { delegation: string; cards: number } & Tally>();
  for (const c of cards) {
    const d = out.get(c.delegation) ?? { delegation: c.delegation, cards: 0, yes: 0, no: 0, abstain: 0 };
    d.cards += 1;
    d[c.answer] += c.weight;
    out.set(c.delegation, d);
  }
  return [...out.values()].sort((a, b) => a.delegation.localeCompare(b.delegation));
}
