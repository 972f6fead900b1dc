import { CalendarDate, Timestamp, dayNumber, normalizeTimestamp } from '../case/calendar';
import { CaseErrorCode, caseError } from '../case/case.errors';
import { CaseId, MemberId } from '../case/identifiers';
import { BodyKind, BodyMandate, RecusalOutcome } from '../recusal/recusal.types';

/** Seats an ad-hoc panelist may not hold at the same time (S2: CCom ∩ (EC ∪ CC ∪ Appeals ∪ staff) = ∅). */
export const AD_HOC_INCOMPATIBLE_BODIES: readonly BodyKind[] = ['EC', 'CC', 'APPEALS', 'STAFF'];

/**
 * Seats an ad-hoc member of an appeals panel may not hold (S2: Appeals ∩ (EC ∪ CC ∪ CCom ∪ staff)
 * = ∅; and the Control Commission made the finding under appeal).
 */
export const APPEALS_AD_HOC_INCOMPATIBLE_BODIES: readonly BodyKind[] = ['EC', 'CC', 'CCOM', 'APPEALS', 'STAFF'];

const BODY_LABEL: Partial<Record<BodyKind, string>> = { EC: 'EC', CC: 'CC', CCOM: 'Control Commission', APPEALS: 'Appeals Committee', STAFF: 'staff' };
const listOf = (bodies: readonly BodyKind[]) => {
  const names = bodies.map((b) => BODY_LABEL[b] ?? b);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
};

export interface AdHocNomination {
  readonly nomineeId: MemberId;
  readonly nominatedAt: Timestamp;
  /** Appeals Committee members backing the nomination (the nominator first). */
  readonly supporters: readonly MemberId[];
}

export interface AdHocAppointmentSnapshot {
  readonly caseId: CaseId;
  readonly seatsToFill: number;
  /** The Appeals Committee members (cleared by recusal for this case) who decide. */
  readonly committee: readonly MemberId[];
  readonly openedAt: Timestamp;
  readonly nominations: readonly AdHocNomination[];
  /** Appointed, in the order they reached a majority. */
  readonly appointees: readonly MemberId[];
  readonly completedAt: Timestamp | null;
  /** Seats a nominee may not hold (default `AD_HOC_INCOMPATIBLE_BODIES`). */
  readonly incompatibleBodies?: readonly BodyKind[];
}

export type AdHocEvent =
  | { readonly type: 'AdHocNomineeProposed'; readonly caseId: CaseId; readonly nomineeId: MemberId; readonly at: Timestamp }
  | { readonly type: 'AdHocNomineeSupported'; readonly caseId: CaseId; readonly nomineeId: MemberId; readonly at: Timestamp }
  | { readonly type: 'AdHocPanelistAppointed'; readonly caseId: CaseId; readonly nomineeId: MemberId; readonly at: Timestamp }
  | { readonly type: 'AdHocAppointmentCompleted'; readonly caseId: CaseId; readonly appointees: readonly MemberId[]; readonly at: Timestamp };

/** Does this member hold, on `on`, a seat an ad-hoc panelist may not hold? */
export function holdsIncompatibleMandate(
  memberId: MemberId,
  mandates: readonly BodyMandate[],
  on: CalendarDate,
  bodies: readonly BodyKind[] = AD_HOC_INCOMPATIBLE_BODIES,
): boolean {
  const day = dayNumber(on);
  return mandates.some(
    (m) =>
      m.memberId === memberId &&
      bodies.includes(m.bodyKind) &&
      dayNumber(m.from) <= day &&
      (m.to === null || day < dayNumber(m.to)),
  );
}

/**
 * When the draw falls short (no cleared commissioner or alternate left), the Appeals Committee
 * forms the rest of the panel from eligible members (S3). Committee members nominate and back
 * nominees; a nominee is appointed once a majority of the committee backs them. Every nominee
 * goes through the same recusal as commissioners (assessed as seat 'ad_hoc'), must not hold an
 * incompatible seat, and must not sit on the Appeals Committee itself (it hears the appeal).
 */
export class AdHocPanelAppointment {
  private constructor(private state: AdHocAppointmentSnapshot) {}

  static open(input: {
    caseId: CaseId;
    seatsToFill: number;
    committee: readonly MemberId[];
    at: Timestamp;
    incompatibleBodies?: readonly BodyKind[];
  }): AdHocPanelAppointment {
    if (!Number.isInteger(input.seatsToFill) || input.seatsToFill < 1) {
      throw caseError('invalid', CaseErrorCode.InvalidConfiguration, 'An ad-hoc appointment must fill at least one seat.');
    }
    const committee = [...new Set(input.committee)].sort();
    if (committee.length === 0) {
      throw caseError(
        'unprocessable',
        CaseErrorCode.AdHocNotCommitteeMember,
        'No Appeals Committee member is cleared to act on this case; the statutes\u2019 fallback applies.',
      );
    }
    return new AdHocPanelAppointment({
      caseId: input.caseId,
      seatsToFill: input.seatsToFill,
      committee,
      openedAt: normalizeTimestamp(input.at),
      nominations: [],
      appointees: [],
      completedAt: null,
      ...(input.incompatibleBodies ? { incompatibleBodies: [...input.incompatibleBodies] } : {}),
    });
  }

  static fromSnapshot(s: AdHocAppointmentSnapshot): AdHocPanelAppointment {
    return new AdHocPanelAppointment(structuredClone(s) as AdHocAppointmentSnapshot);
  }

  toSnapshot(): AdHocAppointmentSnapshot {
    return structuredClone(this.state) as AdHocAppointmentSnapshot;
  }

  get appointees(): readonly MemberId[] {
    return this.state.appointees;
  }

  get isComplete(): boolean {
    return this.state.completedAt !== null;
  }

  /**
   * A committee member proposes a nominee. `recusal` must assess the nominee (seat 'ad_hoc')
   * for this case; `mandates` are the nominee's mandates.
   */
  nominate(
    by: MemberId,
    nomineeId: MemberId,
    check: { recusal: RecusalOutcome; mandates: readonly BodyMandate[] },
    at: Timestamp,
  ): AdHocEvent[] {
    this.assertOpen();
    this.assertCommitteeMember(by);
    const when = normalizeTimestamp(at);
    if (this.state.nominations.some((n) => n.nomineeId === nomineeId)) {
      return this.support(by, nomineeId, when);
    }
    const refuse = (why: string) =>
      caseError('unprocessable', CaseErrorCode.AdHocNominationRefused, `This person cannot be appointed: ${why}.`);
    if (this.state.committee.includes(nomineeId)) throw refuse('Appeals Committee members do not sit on panels');
    if (check.recusal.caseId !== this.state.caseId) throw refuse('the recusal check is for another case');
    const assessment = check.recusal.assessments.find((a) => a.memberId === nomineeId && a.seat === 'ad_hoc');
    if (!assessment) throw refuse('they have not been checked for conflicts with this case');
    if (!assessment.eligible) throw refuse('they have a conflict with this case');
    const incompatible = this.state.incompatibleBodies ?? AD_HOC_INCOMPATIBLE_BODIES;
    if (holdsIncompatibleMandate(nomineeId, check.mandates, when.slice(0, 10), incompatible)) {
      throw refuse(`they hold an ${listOf(incompatible)} position`);
    }
    this.state = {
      ...this.state,
      nominations: [...this.state.nominations, { nomineeId, nominatedAt: when, supporters: [by] }],
    };
    return [{ type: 'AdHocNomineeProposed', caseId: this.state.caseId, nomineeId, at: when }, ...this.appointIfBacked(nomineeId, when)];
  }

  /** A committee member backs an existing nomination (idempotent). */
  support(by: MemberId, nomineeId: MemberId, at: Timestamp): AdHocEvent[] {
    this.assertOpen();
    this.assertCommitteeMember(by);
    const when = normalizeTimestamp(at);
    const nomination = this.state.nominations.find((n) => n.nomineeId === nomineeId);
    if (!nomination) {
      throw caseError('unprocessable', CaseErrorCode.AdHocNominationRefused, 'Nominate this person first.');
    }
    if (nomination.supporters.includes(by)) return [];
    this.state = {
      ...this.state,
      nominations: this.state.nominations.map((n) =>
        n.nomineeId === nomineeId ? { ...n, supporters: [...n.supporters, by] } : n,
      ),
    };
    return [{ type: 'AdHocNomineeSupported', caseId: this.state.caseId, nomineeId, at: when }, ...this.appointIfBacked(nomineeId, when)];
  }

  private appointIfBacked(nomineeId: MemberId, at: Timestamp): AdHocEvent[] {
    const nomination = this.state.nominations.find((n) => n.nomineeId === nomineeId)!;
    if (this.state.appointees.includes(nomineeId)) return [];
    if (2 * nomination.supporters.length <= this.state.committee.length) return [];
    const appointees = [...this.state.appointees, nomineeId];
    const complete = appointees.length >= this.state.seatsToFill;
    this.state = { ...this.state, appointees, completedAt: complete ? at : null };
    const events: AdHocEvent[] = [{ type: 'AdHocPanelistAppointed', caseId: this.state.caseId, nomineeId, at }];
    if (complete) events.push({ type: 'AdHocAppointmentCompleted', caseId: this.state.caseId, appointees, at });
    return events;
  }

  private assertOpen(): void {
    if (this.state.completedAt) {
      throw caseError('conflict', CaseErrorCode.AdHocAppointmentClosed, 'All ad-hoc seats for this case are already filled.');
    }
  }

  private assertCommitteeMember(by: MemberId): void {
    if (!this.state.committee.includes(by)) {
      throw caseError(
        'forbidden',
        CaseErrorCode.AdHocNotCommitteeMember,
        'Only members of the Appeals Committee cleared for this case take part in an ad-hoc appointment.',
      );
    }
  }
}
