import type { Tx } from '@org/platform';

/** What the database already holds (the founding act runs on an empty one only). */
export interface ExistingData {
  organization: number;
  branches: number;
  members: number;
  bodies: number;
  accounts: number;
}

/** The founding act's own rows: the organization's settings and its regions. Caller's transaction. */
export abstract class FoundingRepository {
  /**
   * Takes the founding lock (two concurrent runs: the second waits, then finds the data) and counts
   * the register's own rows (identity counts its bodies and accounts).
   */
  abstract lockAndCount(m: Tx): Promise<Pick<ExistingData, 'organization' | 'branches' | 'members'>>;
  abstract insertOrganization(m: Tx, o: { name: string; timeZone: string; locale: string; currency: string; fileSha256: string; foundedAt: Date }): Promise<void>;
  abstract insertRegion(m: Tx, r: { code: string; name: string }): Promise<string>;
  abstract setBranchRegion(m: Tx, branchId: string, regionId: string): Promise<void>;
}
