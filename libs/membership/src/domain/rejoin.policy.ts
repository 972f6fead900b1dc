/**
 * S9: an expelled member rejoins only by a Control Commission readmission decision. A person
 * whose earlier membership ended in expulsion may apply again only when none of their expelled
 * records still needs that decision (the restrictions port says which do; without the
 * disciplinary context every one does). People who resigned or were declined are not concerned.
 */
export interface FormerRecord {
  memberId: string;
  status: string;
}

export function mayApplyAgain(formerRecords: readonly FormerRecord[], readmissionRequired: ReadonlySet<string>): boolean {
  return !formerRecords.some((r) => r.status === 'expelled' && readmissionRequired.has(r.memberId));
}

/** The records the restrictions port must be asked about: the expelled ones. */
export function recordsNeedingReadmissionCheck(formerRecords: readonly FormerRecord[]): string[] {
  return [...new Set(formerRecords.filter((r) => r.status === 'expelled').map((r) => r.memberId))];
}
