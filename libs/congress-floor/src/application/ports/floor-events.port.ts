/** What changed on a congress's floor, for the projector and the delegates' screens. Facts only: no secret answer, never who voted what in a secret vote. */
export interface FloorEvent {
  type: 'agenda' | 'motion' | 'amendment' | 'speakers' | 'vote';
  /** The record that changed. */
  id: string;
  /** For votes: the running totals (open and secret alike: totals only). */
  tally?: { yes: number; no: number; abstain: number; voted: number; electorate: number; closed: boolean; carried: boolean | null };
}

/** Publishes floor events to the screens following the congress (after the change committed). */
export abstract class FloorEvents {
  abstract publish(congressId: string, e: FloorEvent): void;
}
