/** What changed on a congress's floor, for the projector and the delegates' screens. Facts only: totals, never who voted what. */
export interface FloorEvent {
  type: 'agenda' | 'motion' | 'amendment' | 'speakers' | 'vote' | 'composite';
  /** The record that changed (for `speakers`: the agenda item). */
  id: string;
  /** For votes: the running totals (open and secret alike: totals only). */
  tally?: { yes: number; no: number; abstain: number; voted: number; electorate: number; closed: boolean; carried: boolean | null };
}

/** Publishes floor events (after the change committed) to the screens following the congress, in every API process. */
export abstract class FloorEvents {
  abstract publish(congressId: string, e: FloorEvent): void;
  /**
   * Follows a congress's floor; resolves, with the function that stops following, once changes
   * made through any API process reach the listener.
   */
  abstract follow(congressId: string, listener: (e: FloorEvent) => void): Promise<() => void>;
}
