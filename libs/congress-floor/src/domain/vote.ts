export const ANSWERS = ['yes', 'no', 'abstain'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

/** Carried by a simple majority of the votes cast for and against (abstentions count for neither); a tie is lost. */
export const isCarried = (t: Tally): boolean => t.yes > t.no;
