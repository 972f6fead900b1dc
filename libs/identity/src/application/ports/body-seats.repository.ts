import type { Tx } from '@org/platform';
import type { BodyKind, MandateRole } from '../../domain/body-kind';
import type { SeatedMandate } from '../../domain/seat-limits';
export interface PublicMandateRow {
  id: string;
  holderName: string;
  role: MandateRole;
  startsOn: string;
  endsOn: string | null;
  sourceKind: 'election' | 'founding' | 'appointment';
  sourceRef: string;
}
export interface PublicBodyRow {
  id: string;
  kind: BodyKind;
  name: string;
  branchId: string | null;
  branchName: string | null;
  seats: number;
  mandates: PublicMandateRow[];
}
/** Seats of a body: locked while counting (seat limits), and who sits on it (the public list). */
export abstract class BodySeatsRepository {
  /**
   * Locks the body row (FOR UPDATE) and returns it with every mandate it has: two concurrent
   * creations on the same body are serialized, so both cannot take the last seat.
   */
  abstract lockBodyWithMandates(m: Tx, bodyId: string): Promise<{
    kind: BodyKind;
    name: string;
    seats: number;
    mandates: SeatedMandate[];
  } | null>;
  /** Bodies and their mandates current on `on` (holder's name only; nothing else about anyone). */
  abstract publicBodies(m: Tx, on: string, bodyId?: string): Promise<PublicBodyRow[]>;
}
