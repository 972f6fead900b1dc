import type { Tx } from '@org/platform';
import type { Branch } from '../../domain';

export abstract class BranchRepository {
  abstract load(m: Tx, id: string, options?: { lock?: boolean }): Promise<Branch | null>;
  abstract insert(m: Tx, branch: Branch): Promise<void>;
  abstract save(m: Tx, branch: Branch): Promise<void>;
  abstract codeInUse(m: Tx, code: string): Promise<boolean>;
  /** Ids of the members with an open period in the branch. */
  abstract openMemberIds(m: Tx, branchId: string): Promise<string[]>;
  /** Active branches by code (upper case), limited to `ids` when given. */
  abstract activeCodes(m: Tx, ids: readonly string[] | null): Promise<Map<string, string>>;
  abstract list(m: Tx): Promise<BranchListItem[]>;
}

export interface BranchListItem {
  id: string;
  code: string;
  name: string;
  status: string;
  foundedOn: string;
  mergedIntoBranchId: string | null;
  endedOn: string | null;
}
