import type { EntityManager } from 'typeorm';
import type { Branch } from '../../domain';

export abstract class BranchRepository {
  abstract load(m: EntityManager, id: string, options?: { lock?: boolean }): Promise<Branch | null>;
  abstract insert(m: EntityManager, branch: Branch): Promise<void>;
  abstract save(m: EntityManager, branch: Branch): Promise<void>;
  abstract codeInUse(m: EntityManager, code: string): Promise<boolean>;
  /** Ids of the members with an open period in the branch. */
  abstract openMemberIds(m: EntityManager, branchId: string): Promise<string[]>;
  /** Active branches by code (upper case), limited to `ids` when given. */
  abstract activeCodes(m: EntityManager, ids: readonly string[] | null): Promise<Map<string, string>>;
  abstract list(m: EntityManager): Promise<BranchListItem[]>;
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
