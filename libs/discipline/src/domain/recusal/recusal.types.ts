import { CalendarDate, Timestamp } from '../case/calendar';
import { CaseId, MemberId, SealedRef } from '../case/identifiers';

/** A half-open period [from, to) of calendar dates; `to: null` = still running. */
export interface Period {
  readonly from: CalendarDate;
  readonly to: CalendarDate | null;
}

/** One stretch of a member's branch history. */
export interface BranchPeriod extends Period {
  readonly memberId: MemberId;
  readonly branchId: string;
}

export type BodyKind = 'EC' | 'CC' | 'CCOM' | 'APPEALS' | 'ELECTIONS' | 'BRANCH_COMMITTEE' | 'STAFF';

/** Member X held a seat on body B during the period (staff employment counts as a body). */
export interface BodyMandate extends Period {
  readonly memberId: MemberId;
  readonly bodyId: string;
  readonly bodyKind: BodyKind;
}

/** A declared relationship or conflict between two members; symmetric, never expires. */
export interface DeclaredRelationship {
  readonly a: MemberId;
  readonly b: MemberId;
}

/** Another open case, by the members involved in it (no content). */
export interface OtherOpenCase {
  readonly caseId: CaseId;
  /** Complainants and respondents who are members. */
  readonly parties: readonly MemberId[];
  /** Witnesses who are members (counted as involved, see the engine). */
  readonly witnesses?: readonly MemberId[];
}

/** The reported events, inclusive calendar dates as the complainant gave them. */
export interface ReportedPeriod {
  readonly from: CalendarDate;
  /** Last day of the events (inclusive); `null`/absent = a single day. */
  readonly to?: CalendarDate | null;
}

/** What a candidate would sit as: drawn commissioner, elected alternate, ad-hoc appointee, appeals member. */
export type CandidateSeat = 'commissioner' | 'alternate' | 'ad_hoc' | 'appeals_member';

export interface RecusalCandidate {
  readonly memberId: MemberId;
  readonly seat: CandidateSeat;
}

/** Facts the engine reasons from, pre-filtered by the caller to the people concerned. */
export interface RecusalFacts {
  readonly branchHistory: readonly BranchPeriod[];
  readonly mandates: readonly BodyMandate[];
  readonly relationships: readonly DeclaredRelationship[];
  readonly otherOpenCases: readonly OtherOpenCase[];
}

export interface RecusalInput {
  readonly caseId: CaseId;
  /** The day the complaint was received; the look-back window ends here going back. */
  readonly intakeDate: CalendarDate;
  /** When this assessment was made (recorded, never read from a clock). */
  readonly computedAt: Timestamp;
  /** Complainants and respondents who are (or were) members. */
  readonly parties: readonly MemberId[];
  readonly witnesses: readonly MemberId[];
  readonly supportPersons: readonly MemberId[];
  /** Dates of the reported events; empty = unknown (see `computeRecusal`). */
  readonly reportedEvents: readonly ReportedPeriod[];
  readonly candidates: readonly RecusalCandidate[];
  readonly facts: RecusalFacts;
  /** Members who stood down from this case (self-recusal); never eligible again for it. */
  readonly selfRecused?: readonly MemberId[];
  /** Members removed from this case's panel by an upheld challenge; never eligible again. */
  readonly challengeUpheld?: readonly MemberId[];
  /** Look-back window in years for shared branches and bodies (statutes; default 5). */
  readonly lookBackYears?: number;
  /**
   * The body whose shared membership is no conflict because every candidate sits on it:
   * 'CCOM' for panels (default), 'APPEALS' when the appeals committee is recused.
   */
  readonly ownBodyKind?: BodyKind;
}

export type ConflictReason =
  | 'party_or_witness'
  | 'shared_branch'
  | 'shared_body'
  | 'declared_relationship'
  | 'held_ec_cc_during_events'
  | 'party_in_other_open_case_with_a_party'
  | 'self_recused'
  | 'challenge_upheld';

export type Conflict =
  | { readonly reason: 'party_or_witness'; readonly role: 'party' | 'witness' | 'support_person' }
  | {
      readonly reason: 'shared_branch';
      readonly withMemberId: MemberId;
      readonly branchId: string;
      readonly overlap: Period;
    }
  | {
      readonly reason: 'shared_body';
      readonly withMemberId: MemberId;
      readonly bodyId: string;
      readonly bodyKind: BodyKind;
      readonly overlap: Period;
    }
  | { readonly reason: 'declared_relationship'; readonly withMemberId: MemberId }
  | { readonly reason: 'held_ec_cc_during_events'; readonly bodyId: string; readonly bodyKind: 'EC' | 'CC' }
  | {
      readonly reason: 'party_in_other_open_case_with_a_party';
      readonly otherCaseId: CaseId;
      readonly withMemberId: MemberId;
    }
  | { readonly reason: 'self_recused' }
  | { readonly reason: 'challenge_upheld' };

export interface RecusalAssessment {
  readonly memberId: MemberId;
  readonly seat: CandidateSeat;
  readonly eligible: boolean;
  readonly conflicts: readonly Conflict[];
}

/** The engine's answer: plain data, to be recorded with the case. */
export interface RecusalOutcome {
  readonly caseId: CaseId;
  readonly computedAt: Timestamp;
  readonly intakeDate: CalendarDate;
  readonly lookBackYears: number;
  readonly windowStart: CalendarDate;
  /** The case's people this was computed for, sorted — lets the case spot a stale outcome. */
  readonly considered: {
    readonly parties: readonly MemberId[];
    readonly witnesses: readonly MemberId[];
    readonly supportPersons: readonly MemberId[];
  };
  /** One per candidate, sorted by member id. */
  readonly assessments: readonly RecusalAssessment[];
}

/** A commissioner standing down from a case, with a reason the domain does not read. */
export interface SelfRecusal {
  readonly memberId: MemberId;
  readonly role: 'duty_commissioner' | 'panelist';
  readonly reason: SealedRef;
  readonly at: Timestamp;
}
