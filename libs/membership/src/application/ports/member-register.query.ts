import type { Tx } from '@org/platform';
import type { BranchPeriod, MemberSearchCriteria, MemberStatus, StatusHistoryEntry } from '../../domain';
import type { MemberLocation } from '../access-scope';

export interface MemberSummary {
  id: string;
  memberNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  status: MemberStatus;
  branchId: string | null;
  branchCode: string | null;
  applicationBranchId: string | null;
  /** From the dues context's standing read model; null when never computed. */
  inGoodStanding: boolean | null;
}

export interface MemberDetail extends MemberSummary {
  address: string | null;
  emailConsent: { given: boolean; at: string } | null;
  appliedOn: string;
  joinedOn: string | null;
  statusHistory: StatusHistoryEntry[];
  branchHistory: BranchPeriod[];
  standing: { inGoodStanding: boolean; arrearsMonths: number; asOf: string | null } | null;
}

export interface SearchPage {
  items: MemberSummary[];
  nextCursor: string | null;
}

export interface RegisterAggregates {
  total: number;
  byStatus: Record<string, number>;
  byStanding: { inGoodStanding: number; notInGoodStanding: number; notComputed: number };
  byBranch: Array<{ branchId: string; code: string; name: string; total: number; byStatus: Record<string, number>; inGoodStanding: number }>;
}

export interface ExportRow {
  memberNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  branchCode: string;
  joinedOn: string;
  status: MemberStatus;
  emailConsent: boolean | null;
}

/** The register's read side: views shaped for screens and files, scoped by the caller. */
export abstract class MemberRegisterQuery {
  abstract locate(m: Tx, id: string): Promise<MemberLocation | null>;
  /** Outside any transaction: prepared statements on a connection of the pool, planned once per connection. */
  abstract detail(id: string): Promise<MemberDetail | null>;
  /** Keyset search; `criteria` is already restricted to the caller's branches. */
  abstract search(m: Tx, criteria: MemberSearchCriteria): Promise<SearchPage>;
  /** Counts by branch, status and standing; `branchIds` null = the whole organization. */
  abstract aggregates(m: Tx, branchIds: readonly string[] | null): Promise<RegisterAggregates>;
  /** Current members (active, lapsed, suspended) and applicants of these branches, streamed in pages. */
  abstract exportRows(m: Tx, branchIds: readonly string[] | null): AsyncGenerator<ExportRow[]>;
  /** Whether the member has an open period in the branch (and is active) — for hosting a meeting. */
  abstract activeMemberOfBranch(m: Tx, memberId: string, branchId: string): Promise<boolean>;
}
