import { InterimMeasure } from '../interim/interim-measures';
import { AdHocAppointmentSnapshot } from '../panel/ad-hoc-panel';
import { PanelDrawRecord } from '../panel/panel-draw';
import { RecusalOutcome } from '../recusal/recusal.types';
import { Timestamp } from './calendar';
import { timelineFor } from './case-access.policy';
import { CaseReference } from './case-reference';
import { CaseEvent } from './case.events';
import {
  CaseActor,
  CasePath,
  CaseSnapshot,
  CaseStage,
  ComplaintIntake,
  DeadlineKind,
  FormalTrackStage,
  PersonRef,
  SeriousnessFlags,
  TimelineEntry,
  isSerious,
} from './case.types';
import { CaseId, MemberId, SealedRef } from './identifiers';
import * as closure from './case-closure';
import * as intake from './case-intake';
import * as investigation from './case-investigation';
import * as panel from './case-panel';
import * as recusal from './case-recusal';
import * as state from './case-state';
import { CaseState } from './case-state';

/**
 * A disciplinary case, from intake to its ending (S1, S3, S4, S5, S6, S12); findings and appeals are their own entities.
 *
 * Plain data in (`file`, `fromSnapshot`), plain data out (`toSnapshot`). Each command checks
 * who acts and what the stage allows, changes the state, and returns the events it caused (the
 * application layer saves the snapshot and records the events in one transaction). Times are
 * passed in. Content (narrative, reasons, terms) is held as opaque sealed references.
 *
 * Anyone with no role in the case who tries a command gets `case_not_found`, exactly as if the
 * case did not exist; someone with a role but not this right gets a `forbidden` with a reason.
 *
 * The stages each command may be given in, and where it leads, are the life-cycle table's
 * (`case-lifecycle.ts`); the commands themselves live with their part of the life cycle:
 * `case-intake.ts`, `case-recusal.ts`, `case-panel.ts`, `case-investigation.ts`,
 * `case-closure.ts` (functions over the snapshot, sharing `case-state.ts`). This class keeps the
 * state and the public face.
 */
export class Case {
  private constructor(private s: CaseState) {}

  // ---------------------------------------------------------------- creation and persistence

  /** Intake of a complaint (S1, S4): the complainant's choices are recorded as given. */
  static file(
    complaint: ComplaintIntake,
    ctx: { id: CaseId; reference: CaseReference; receivedAt: Timestamp },
  ): { case: Case; events: CaseEvent[] } {
    const { state: s, events } = intake.fileComplaint(complaint, ctx);
    return { case: new Case(s), events };
  }

  static fromSnapshot(snapshot: CaseSnapshot): Case {
    return new Case(structuredClone(snapshot) as CaseState);
  }

  toSnapshot(): CaseSnapshot {
    return structuredClone(this.s) as CaseSnapshot;
  }

  /** Read-only view of the current state (not a copy: do not mutate). */
  get state(): CaseSnapshot {
    return this.s;
  }

  get id(): CaseId {
    return this.s.id;
  }
  get reference(): CaseReference {
    return this.s.reference;
  }
  get stage(): CaseStage {
    return this.s.stage;
  }
  get path(): CasePath {
    return this.s.path;
  }
  get serious(): boolean {
    return isSerious(this.s.seriousness);
  }
  get seatedPanel(): MemberId[] {
    return state.seatedPanel(this.s);
  }
  /** Seats still to fill on a panel whose size is set. */
  get vacantSeats(): number {
    return state.vacantSeats(this.s);
  }

  /** The case's people who are members, as the recusal engine needs them. */
  participantsForRecusal(): { parties: MemberId[]; witnesses: MemberId[]; supportPersons: MemberId[] } {
    return state.participantsForRecusal(this.s);
  }

  /** Members who stood down or lost a challenge in this case: pass them to the recusal engine. */
  recusalExclusions(): { selfRecused: MemberId[]; challengeUpheld: MemberId[] } {
    return state.recusalExclusions(this.s);
  }

  /** Respondents who are members (the only people interim measures can bind). */
  respondentMemberIds(): MemberId[] {
    return state.respondentMemberIds(this.s);
  }

  /** Whether the recorded recusal was computed for the case's current people. */
  isRecusalCurrent(): boolean {
    return state.isRecusalCurrent(this.s);
  }

  /** Every seed used for this case's draws (a redraw must use a new one). */
  usedSeeds(): string[] {
    return state.usedSeeds(this.s);
  }

  /** Everyone ever removed from this case's panel (never drawn again). */
  removedPanelists(): MemberId[] {
    return state.removedPanelists(this.s);
  }

  timelineFor(actor: CaseActor): TimelineEntry[] {
    return timelineFor(this, actor);
  }

  // ------------------------------------------------------------------ recusal (case-recusal.ts)

  /**
   * Records a recusal outcome for the case's current people. Any seated panelist or duty
   * commissioner it finds conflicted leaves at once (never shown the case again); the events
   * ask the application layer to redraw that seat or assign another duty commissioner.
   */
  recordRecusal(outcome: RecusalOutcome, at: Timestamp): CaseEvent[] {
    return recusal.recordRecusal(this.s, outcome, at);
  }

  /** The duty commissioner for triage, chosen by rotation (`nextDutyCommissioner`). */
  assignDutyCommissioner(memberId: MemberId, at: Timestamp): CaseEvent[] {
    return recusal.assignDutyCommissioner(this.s, memberId, at);
  }

  /**
   * A panelist or the duty commissioner stands down from the case, with a reason the domain
   * keeps sealed. A panelist's seat is then redrawn; the person is never drawn again.
   */
  selfRecuse(memberId: MemberId, reason: SealedRef, at: Timestamp): CaseEvent[] {
    return recusal.selfRecuse(this.s, memberId, reason, at);
  }

  // ------------------------------------------------- triage, path, people (case-intake.ts)

  /**
   * Triage by the duty commissioner: may raise the seriousness (never lower what the
   * complainant marked). A record-only report is registered and closed here.
   */
  triage(by: MemberId, input: { raise?: Partial<SeriousnessFlags> }, at: Timestamp): CaseEvent[] {
    return intake.triage(this.s, by, input, at);
  }

  /**
   * Only the complainant chooses or changes the path. Informal needs explicit consent; informal
   * → formal is always open while the case is handled. A record-only report can be reopened for
   * action by its complainant at any time; a handled case can become record-only before a panel
   * is seated (afterwards the complainant may withdraw).
   */
  changePath(actor: CaseActor, to: CasePath, options: { consent?: boolean }, at: Timestamp): CaseEvent[] {
    return intake.changePath(this.s, actor, to, options, at);
  }

  /** Revoking consent to informal resolution turns the case into a formal investigation. */
  revokeInformalConsent(actor: CaseActor, at: Timestamp): CaseEvent[] {
    return intake.revokeInformalConsent(this.s, actor, at);
  }

  /**
   * Adds a respondent, witness or the complainant's support person. Allowed to the complainant,
   * to the duty commissioner before a panel, to seated panelists, and to an informed respondent
   * (witnesses only). Always followed by a recusal recompute (the event says so).
   */
  addParticipant(
    actor: CaseActor,
    role: 'respondent' | 'witness' | 'support_person',
    person: PersonRef,
    at: Timestamp,
  ): CaseEvent[] {
    return intake.addParticipant(this.s, actor, role, person, at);
  }

  // ---------------------------------------------------------------- panel (case-panel.ts)

  /**
   * Records a panel draw — the initial one, or a redraw of a vacated seat. The record must
   * re-run to the same seats (`verifyDraw`), come from the recusal recorded for the case's
   * current people, draw from the full cleared pool (nobody left out, nobody removed before put
   * back), and use a seed never used for this case.
   */
  recordPanelDraw(record: PanelDrawRecord, at: Timestamp): CaseEvent[] {
    return panel.recordPanelDraw(this.s, record, at);
  }

  /**
   * Seats the members appointed by the Appeals Committee for the seats the draw could not fill.
   * The committee members acting must have been cleared for this case (seat 'appeals_member'),
   * the appointees too (seat 'ad_hoc'), by the recusal recorded for its current people.
   */
  seatAdHocAppointees(appointment: AdHocAppointmentSnapshot, at: Timestamp): CaseEvent[] {
    return panel.seatAdHocAppointees(this.s, appointment, at);
  }

  /** A party challenges a seated panelist, with reasons; the other panelists decide (S3). */
  challengePanelist(
    actor: CaseActor,
    input: { challengeId: string; panelistId: MemberId; grounds: SealedRef },
    at: Timestamp,
  ): CaseEvent[] {
    return panel.challengePanelist(this.s, actor, input, at);
  }

  /** One of the other panelists votes on a challenge. */
  voteOnChallenge(voter: MemberId, challengeId: string, uphold: boolean, at: Timestamp): CaseEvent[] {
    return panel.voteOnChallenge(this.s, voter, challengeId, uphold, at);
  }

  // ------------------------------------- investigation, interim measures (case-investigation.ts)

  /** The seated panel starts its work; the respondents are told of the case from now on. */
  beginInvestigation(by: MemberId, at: Timestamp): CaseEvent[] {
    return investigation.beginInvestigation(this.s, by, at);
  }

  /**
   * Records the interim-measures decision. Before a panel is seated the duty commissioner —
   * the commission's member on duty for this case — decides alone, because the 72-hour limit
   * usually falls before a panel can be seated (14 days); once the panel is seated it decides,
   * by a majority of its full size, and may revise the earlier decision. Each decision replaces
   * the previous one. Not for record-only reports: the complainant chose no action.
   */
  recordInterimDecision(
    input: {
      decisionId: string;
      decidedBy: readonly MemberId[];
      outcome: 'measures' | 'no_measures';
      measures: readonly InterimMeasure[];
      reasons: SealedRef;
    },
    at: Timestamp,
  ): CaseEvent[] {
    return investigation.recordInterimDecision(this.s, input, at);
  }

  /**
   * Ends the interim measures binding these members (S5, S9): the finding about them became
   * final, or the case ended without one pending for them (`respondentsReleasedFromInterimMeasures`).
   * Measures on other respondents stay. Part 2 calls it in the transaction that makes a finding
   * final; closing a case (withdrawal, informal resolution, record only) ends every measure.
   */
  endInterimMeasuresOf(memberIds: readonly MemberId[], at: Timestamp): CaseEvent[] {
    return investigation.endInterimMeasuresOf(this.s, memberIds, at);
  }

  // ------------------------------------------------- endings, the formal track's last stages (case-closure.ts)

  /** A seated panelist puts terms to the complainant (only on the path the complainant chose). */
  proposeInformalResolution(actor: CaseActor, terms: SealedRef, at: Timestamp): CaseEvent[] {
    return closure.proposeInformalResolution(this.s, actor, terms, at);
  }

  /** Only the complainant's confirmation resolves a case informally. */
  confirmInformalResolution(actor: CaseActor, at: Timestamp): CaseEvent[] {
    return closure.confirmInformalResolution(this.s, actor, at);
  }

  /** The complainant withdraws; the record is kept (S10 links it), interim measures end. */
  withdraw(actor: CaseActor, at: Timestamp): CaseEvent[] {
    return closure.withdraw(this.s, actor, at);
  }

  /**
   * Hook for the findings, finality and publication: moves the formal track forward in order
   * investigating → finding → final → published. Part 2's domain decides when; this only keeps
   * the stage, its history and the deadlines consistent.
   */
  advanceToStage(stage: FormalTrackStage, at: Timestamp): CaseEvent[] {
    return closure.advanceToStage(this.s, stage, at);
  }

  /**
   * Records an escalation of a missed deadline (see `escalateOverdue`). Idempotent: the same
   * deadline (kind and due moment) escalates once.
   */
  recordEscalation(deadline: DeadlineKind, dueAt: Timestamp, recipients: readonly MemberId[], at: Timestamp): CaseEvent[] {
    return closure.recordEscalation(this.s, deadline, dueAt, recipients, at);
  }
}
