import type { CasePath, ReportedPeriod } from '../../domain';

/** A person named in a complaint: a member picked from the directory, or a described non-member. */
export interface PersonInput {
  readonly memberId?: string | null;
  /** The opaque handle the complaints directory gave this searcher for the person. */
  readonly handle?: string | null;
  readonly description?: string | null;
}

/** What a complainant files (S1, S4, S12). Text fields are sealed before anything is stored. */
export interface ComplaintInput {
  readonly respondents: readonly PersonInput[];
  readonly narrative: string;
  readonly where?: string | null;
  readonly when?: ReportedPeriod | null;
  readonly witnesses?: readonly PersonInput[];
  readonly supportPerson?: PersonInput | null;
  readonly seriousness?: { readonly violence?: boolean; readonly sexualMisconduct?: boolean; readonly threats?: boolean };
  readonly path: CasePath;
  readonly informalConsent?: boolean;
  readonly matchingOptIn?: boolean;
}

export interface FiledComplaint {
  readonly reference: string;
  readonly stage: string;
  readonly path: string;
  readonly receivedAt: string;
  readonly deadlines: { kind: string; dueAt: string }[];
}
