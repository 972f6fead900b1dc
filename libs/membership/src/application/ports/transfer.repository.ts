import type { EntityManager } from 'typeorm';
import type { Transfer, TransferSnapshot } from '../../domain';

export abstract class TransferRepository {
  abstract load(m: EntityManager, id: string): Promise<Transfer | null>;
  abstract insert(m: EntityManager, transfer: Transfer): Promise<void>;
  abstract save(m: EntityManager, transfer: Transfer): Promise<void>;
  abstract pendingFor(m: EntityManager, memberId: string): Promise<Transfer | null>;
  abstract ofMember(m: EntityManager, memberId: string): Promise<TransferSnapshot[]>;
  /** Pending requests addressed to these branches (the receiving secretaries' queue). */
  abstract incoming(m: EntityManager, branchIds: readonly string[] | null): Promise<IncomingTransfer[]>;
}

/** What the receiving secretary sees: never the kind of a transfer (S13). */
export interface IncomingTransfer {
  id: string;
  memberId: string;
  memberName: string;
  fromBranchId: string;
  toBranchId: string;
  requestedOn: string;
  reason: string | null;
}
