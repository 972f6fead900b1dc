import type { Tx } from '@org/platform';
import type { CongressSnapshot } from '../../domain';

export interface DelegateRow {
  memberId: string;
  branchId: string;
  electionId: string;
  hasCredential: boolean;
  accreditedAt: string | null;
}

/** Congresses and their delegates (`elections.congresses`, `elections.delegates`). */
export abstract class CongressRepository {
  abstract insert(m: Tx, c: CongressSnapshot): Promise<void>;
  abstract load(m: Tx, id: string, forUpdate?: boolean): Promise<CongressSnapshot | null>;
  abstract delegates(m: Tx, congressId: string): Promise<DelegateRow[]>;
  abstract delegate(m: Tx, congressId: string, memberId: string): Promise<DelegateRow | null>;
  abstract addDelegate(m: Tx, d: { congressId: string; memberId: string; branchId: string; electionId: string }): Promise<void>;
  abstract setCredential(m: Tx, congressId: string, memberId: string, credentialHash: string): Promise<void>;
  abstract delegateByCredential(m: Tx, congressId: string, credentialHash: string): Promise<DelegateRow & { memberId: string } | null>;
  abstract accredit(m: Tx, congressId: string, memberId: string, at: Date, by: string | null): Promise<void>;
  abstract accreditedCount(m: Tx, congressId: string): Promise<number>;
  /** Freezes a congress ballot's electorate: the delegates accredited now. Returns its size. */
  abstract copyAccreditedToElectorate(m: Tx, congressId: string, electionId: string): Promise<number>;
}
