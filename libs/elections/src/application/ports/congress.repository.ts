import type { EntityManager } from 'typeorm';
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
  abstract insert(m: EntityManager, c: CongressSnapshot): Promise<void>;
  abstract load(m: EntityManager, id: string, forUpdate?: boolean): Promise<CongressSnapshot | null>;
  abstract delegates(m: EntityManager, congressId: string): Promise<DelegateRow[]>;
  abstract delegate(m: EntityManager, congressId: string, memberId: string): Promise<DelegateRow | null>;
  abstract addDelegate(m: EntityManager, d: { congressId: string; memberId: string; branchId: string; electionId: string }): Promise<void>;
  abstract setCredential(m: EntityManager, congressId: string, memberId: string, credentialHash: string): Promise<void>;
  abstract delegateByCredential(m: EntityManager, congressId: string, credentialHash: string): Promise<DelegateRow & { memberId: string } | null>;
  abstract accredit(m: EntityManager, congressId: string, memberId: string, at: Date, by: string | null): Promise<void>;
  abstract accreditedCount(m: EntityManager, congressId: string): Promise<number>;
  /** Freezes a congress ballot's electorate: the delegates accredited now. Returns its size. */
  abstract copyAccreditedToElectorate(m: EntityManager, congressId: string, electionId: string): Promise<number>;
}
