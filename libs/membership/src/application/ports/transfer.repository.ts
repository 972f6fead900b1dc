import type { Tx } from '@org/platform';
import type { Transfer, TransferSnapshot } from '../../domain';

export abstract class TransferRepository {
  abstract load(m: Tx, id: string): Promise<Transfer | null>;
  abstract insert(m: Tx, transfer: Transfer): Promise<void>;
  abstract save(m: Tx, transfer: Transfer): Promise<void>;
  abstract pendingFor(m: Tx, memberId: string): Promise<Transfer | null>;
  abstract ofMember(m: Tx, memberId: string): Promise<TransferSnapshot[]>;
  /** Pending requests addressed to these branches (the receiving secretaries' queue). */
  abstract incoming(m: Tx, branchIds: readonly string[] | null): Promise<IncomingTransfer[]>;
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
