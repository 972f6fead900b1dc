import { Member, memberSortKey, type BranchPeriod, type MemberSnapshot, type StatusHistoryEntry } from '../domain';

/** Rows of membership.members / status_history / branch_periods ↔ the member aggregate. */
export interface MemberRow {
  id: string;
  register_number: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: string;
  email_consent: boolean;
  email_consent_at: Date | string | null;
  application_branch_id: string | null;
}

export interface StatusHistoryRow {
  member_id: string;
  from_status: string | null;
  to_status: string;
  effective_on: string;
  changed_at: Date | string;
  changed_by: string | null;
  source: string;
  reason: string | null;
  ref: string | null;
}

export interface BranchPeriodRow {
  id: string;
  member_id: string;
  branch_id: string;
  from_date: string;
  to_date: string | null;
}

export const iso = (v: Date | string): string => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** Postgres text cannot hold U+0000: the stored sort key separates names with U+0001 instead. */
export const storedSortKey = (firstName: string, lastName: string): string => memberSortKey(firstName, lastName).replace(/\u0000/g, '\u0001');

export function toStatusEntry(h: StatusHistoryRow): StatusHistoryEntry {
  return {
    from: h.from_status as StatusHistoryEntry['from'],
    to: h.to_status as StatusHistoryEntry['to'],
    on: h.effective_on,
    at: iso(h.changed_at),
    by: h.changed_by ?? 'system',
    source: h.source as StatusHistoryEntry['source'],
    reason: h.reason,
    ref: h.ref,
  };
}

export function toPeriod(p: BranchPeriodRow): BranchPeriod {
  return { branchId: p.branch_id, from: p.from_date, to: p.to_date };
}

export function toSnapshot(r: MemberRow, history: StatusHistoryRow[], periods: BranchPeriodRow[]): MemberSnapshot {
  return {
    id: r.id,
    memberNumber: r.register_number,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    status: r.status as MemberSnapshot['status'],
    applicationBranchId: r.application_branch_id,
    emailConsent: r.email_consent_at ? { given: r.email_consent, at: iso(r.email_consent_at) } : null,
    statusHistory: history.map(toStatusEntry),
    branchHistory: periods.map(toPeriod),
  };
}

export const toMember = (r: MemberRow, history: StatusHistoryRow[], periods: BranchPeriodRow[]): Member => Member.fromSnapshot(toSnapshot(r, history, periods));

/** `changed_by` is a uuid column: actor ids that are not uuids (`system`) are stored as NULL. */
export const actorColumn = (by: string): string | null => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(by) ? by : null);
