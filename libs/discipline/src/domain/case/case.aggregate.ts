import { InterimMeasure, endMeasuresOf, makeInterimDecision } from '../interim/interim-measures';
import { AdHocAppointmentSnapshot } from '../panel/ad-hoc-panel';
import { PanelDrawRecord, verifyDraw } from '../panel/panel-draw';
import { castChallengeVote, lodgeChallenge, PanelChallenge, withoutDecider } from '../recusal/panel-challenge';
import { CandidateSeat, RecusalOutcome } from '../recusal/recusal.types';
import { Timestamp, calendarDateOf, dayNumber, normalizeTimestamp, toMillis } from './calendar';
import { caseAccess, normalizeEmail, participantRole, timelineFor } from './case-access.policy';
import { CaseReference, isCaseReference } from './case-reference';
import { CaseErrorCode, caseError, caseNotFound } from './case.errors';
import { CaseEvent } from './case.events';
import { CASE_COMMANDS, requireStage } from './case-lifecycle';
import {
  CaseActor,
  CasePath,
  CaseSnapshot,
  CaseStage,
  ComplaintIntake,
  DeadlineKind,
  PanelState,
  Part2Stage,
  PersonRef,
  RemovalReason,
  RemovedPanelist,
  SeriousnessFlags,
  TimelineAudience,
  TimelineEntry,
  isSerious,
} from './case.types';
import { CaseId, MemberId, SealedRef } from './identifiers';

type Draft<T> = { -readonly [K in keyof T]: T[K] };
type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
type EventBody<T extends CaseEvent['type']> = Omit<EventOf<T>, 'type' | 'caseId' | 'at'>;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Who sees each kind of event on the case's timeline (entries never carry content). */
const TIMELINE_AUDIENCE: Partial<Record<CaseEvent['type'], readonly TimelineAudience[]>> = {
  ComplaintReceived: ['complainant', 'respondent', 'panel'],
  DutyCommissionerAssigned: ['complainant'],
  CaseTriaged: ['complainant', 'panel'],
  CaseClosedRecordOnly: ['complainant'],
  CaseReopened: ['complainant', 'panel'],
  PathChanged: ['complainant', 'respondent', 'panel'],
  ParticipantAdded: ['panel'],
  PanelDrawn: ['panel'],
  AdHocPanelRequested: ['complainant', 'panel'],
  PanelSeated: ['complainant', 'respondent', 'panel'],
  PanelistSeated: ['complainant', 'respondent', 'panel'],
  PanelSeatVacated: ['complainant', 'respondent', 'panel'],
  ChallengeVoteCast: ['panel'],
  InvestigationBegun: ['complainant', 'respondent', 'panel'],
  InterimDecisionRecorded: ['complainant', 'respondent', 'panel'],
  InterimMeasuresEnded: ['complainant', 'respondent', 'panel'],
  InformalResolutionProposed: ['complainant', 'panel'],
  CaseResolvedInformally: ['complainant', 'respondent', 'panel'],
  CaseWithdrawn: ['complainant', 'respondent', 'panel'],
  CaseStageAdvanced: ['complainant', 'respondent', 'panel'],
  DeadlineEscalated: ['complainant', 'panel'],
};

/** Timeline facts safe to show to the audience (ids of panelists, stages, paths, counts). */
function timelineData(e: CaseEvent): TimelineEntry['data'] {
  switch (e.type) {
    case 'ComplaintReceived':
      return { path: e.path };
    case 'CaseTriaged':
      return { serious: e.serious };
    case 'PathChanged':
      return { from: e.from, to: e.to };
    case 'CaseReopened':
      return { path: e.path };
    case 'ParticipantAdded':
      return { role: e.role };
    case 'PanelSeated':
      return { panel: e.panel };
    case 'PanelistSeated':
    case 'PanelSeatVacated':
      return { memberId: e.memberId };
    case 'AdHocPanelRequested':
      return { seatsToFill: e.seatsToFill };
    case 'PanelistChallenged':
      return { panelistId: e.panelistId };
    case 'ChallengeDecided':
      return { panelistId: e.panelistId, upheld: e.upheld, votesToUphold: e.votesToUphold, votesToReject: e.votesToReject };
    case 'InterimDecisionRecorded':
      return { outcome: e.outcome };
    case 'CaseStageAdvanced':
      return { stage: e.stage };
    case 'DeadlineEscalated':
      return { deadline: e.deadline, dueAt: e.dueAt };
    default:
      return undefined;
  }
}

/**
 * A disciplinary case, from intake to the end of part 1 (S1, S3, S4, S5, S6, S12).
 *
 * Plain data in (`file`, `fromSnapshot`), plain data out (`toSnapshot`). Each command checks
 * who acts and what the stage allows, changes the state, and returns the events it caused (the
 * application layer saves the snapshot and records the events in one transaction). Times are
 * passed in. Content (narrative, reasons, terms) is held as opaque sealed references.
 *
 * Anyone with no role in the case who tries a command gets `case_not_found`, exactly as if the
 * case did not exist; someone with a role but not this right gets a `forbidden` with a reason.
 */
export class Case {
  private constructor(private s: Draft<CaseSnapshot>) {}

  // ---------------------------------------------------------------- creation and persistence

  /** Intake of a complaint (S1, S4): the complainant's choices are recorded as given. */
  static file(
    intake: ComplaintIntake,
    ctx: { id: CaseId; reference: CaseReference; receivedAt: Timestamp },
  ): { case: Case; events: CaseEvent[] } {
    const receivedAt = normalizeTimestamp(ctx.receivedAt);
    validateIntake(intake, ctx, receivedAt);
    const serious = isSerious(intake.seriousness);
    const complainant =
      intake.complainant.kind === 'non_member'
        ? {
            kind: 'non_member' as const,
            email: normalizeEmail(intake.complainant.email),
            emailVerifiedAt: normalizeTimestamp(intake.complainant.emailVerifiedAt),
          }
        : { kind: intake.complainant.kind, memberId: intake.complainant.memberId };
    const c = new Case({
      id: ctx.id,
      reference: ctx.reference,
      receivedAt,
      clockStartedAt: receivedAt,
      complainant,
      respondents: intake.respondents.map(clonePerson),
      witnesses: intake.witnesses.map(clonePerson),
      supportPerson: intake.supportPerson ? clonePerson(intake.supportPerson) : null,
      narrative: intake.narrative,
      where: intake.where,
      when: intake.when ? { from: intake.when.from, to: intake.when.to ?? null } : null,
      seriousness: {
        violence: !!intake.seriousness.violence,
        sexualMisconduct: !!intake.seriousness.sexualMisconduct,
        threats: !!intake.seriousness.threats,
      },
      seriousSince: serious ? receivedAt : null,
      path: intake.path,
      informalConsentAt: intake.path === 'informal' ? receivedAt : null,
      matchingOptIn: !!intake.matchingOptIn,
      stage: 'received',
      stageHistory: [{ stage: 'received', at: receivedAt }],
      triagedAt: null,
      panelSeatedAt: null,
      findingAt: null,
      closedAt: null,
      dutyCommissionerId: null,
      recusal: null,
      selfRecusals: [],
      panel: { size: null, seats: [], draws: [], removed: [], adHocSeatsRequested: 0 },
      challenges: [],
      interimDecisions: [],
      informalResolution: null,
      escalations: [],
      timeline: [],
    });
    const events = [c.emit('ComplaintReceived', receivedAt, { path: intake.path, serious })];
    return { case: c, events };
  }

  static fromSnapshot(snapshot: CaseSnapshot): Case {
    return new Case(structuredClone(snapshot) as Draft<CaseSnapshot>);
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
    return this.s.panel.seats.map((x) => x.memberId);
  }
  /** Seats still to fill on a panel whose size is set. */
  get vacantSeats(): number {
    return this.s.panel.size === null ? 0 : this.s.panel.size - this.s.panel.seats.length;
  }

  /** The case's people who are members, as the recusal engine needs them. */
  participantsForRecusal(): { parties: MemberId[]; witnesses: MemberId[]; supportPersons: MemberId[] } {
    const memberIds = (xs: readonly PersonRef[]) =>
      [...new Set(xs.flatMap((p) => (p.kind === 'member' ? [p.memberId] : [])))].sort(byId);
    const c = this.s.complainant;
    return {
      parties: [...new Set([...(c.kind === 'non_member' ? [] : [c.memberId]), ...memberIds(this.s.respondents)])].sort(byId),
      witnesses: memberIds(this.s.witnesses),
      supportPersons: memberIds(this.s.supportPerson ? [this.s.supportPerson] : []),
    };
  }

  /** Members who stood down or lost a challenge in this case: pass them to the recusal engine. */
  recusalExclusions(): { selfRecused: MemberId[]; challengeUpheld: MemberId[] } {
    return {
      selfRecused: [...new Set(this.s.selfRecusals.map((r) => r.memberId))].sort(byId),
      challengeUpheld: [
        ...new Set(this.s.panel.removed.filter((r) => r.reason === 'challenge_upheld').map((r) => r.memberId)),
      ].sort(byId),
    };
  }

  /** Respondents who are members (the only people interim measures can bind). */
  respondentMemberIds(): MemberId[] {
    return this.s.respondents.flatMap((p) => (p.kind === 'member' ? [p.memberId] : [])).sort(byId);
  }

  /** Whether the recorded recusal was computed for the case's current people. */
  isRecusalCurrent(): boolean {
    const r = this.s.recusal;
    if (!r) return false;
    const now = this.participantsForRecusal();
    return (
      sameList(r.considered.parties, now.parties) &&
      sameList(r.considered.witnesses, now.witnesses) &&
      sameList(r.considered.supportPersons, now.supportPersons)
    );
  }

  /** Every seed used for this case's draws (a redraw must use a new one). */
  usedSeeds(): string[] {
    return this.s.panel.draws.map((d) => d.seed);
  }

  /** Everyone ever removed from this case's panel (never drawn again). */
  removedPanelists(): MemberId[] {
    return [...new Set(this.s.panel.removed.map((r) => r.memberId))].sort(byId);
  }

  timelineFor(actor: CaseActor): TimelineEntry[] {
    return timelineFor(this, actor);
  }

  // ------------------------------------------------------------------------------ recusal (S3)

  /**
   * Records a recusal outcome for the case's current people. Any seated panelist or duty
   * commissioner it finds conflicted leaves at once (never shown the case again); the events
   * ask the application layer to redraw that seat or assign another duty commissioner.
   */
  recordRecusal(outcome: RecusalOutcome, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    if (outcome.caseId !== this.s.id) throw stale('The recusal outcome given is for another case.');
    const now = this.participantsForRecusal();
    if (
      !sameList(outcome.considered.parties, now.parties) ||
      !sameList(outcome.considered.witnesses, now.witnesses) ||
      !sameList(outcome.considered.supportPersons, now.supportPersons)
    ) {
      throw stale("Recompute recusal with the case's current parties, witnesses and support person.");
    }
    const assessed = new Map(outcome.assessments.map((a) => [a.memberId, a]));
    const ex = this.recusalExclusions();
    for (const m of [...ex.selfRecused, ...ex.challengeUpheld]) {
      if (assessed.get(m)?.eligible) {
        throw stale('Recompute recusal including the members who stood down from, or were removed from, this case.');
      }
    }
    const mustAssess = [...this.seatedPanel, ...(this.s.dutyCommissionerId ? [this.s.dutyCommissionerId] : [])];
    if (mustAssess.some((m) => !assessed.has(m))) {
      throw stale('Recompute recusal including every seated panelist and the duty commissioner.');
    }
    this.s.recusal = {
      computedAt: outcome.computedAt,
      considered: {
        parties: [...outcome.considered.parties],
        witnesses: [...outcome.considered.witnesses],
        supportPersons: [...outcome.considered.supportPersons],
      },
      eligible: outcome.assessments.filter((a) => a.eligible).map((a) => ({ memberId: a.memberId, seat: a.seat })),
      conflicted: [...new Set(outcome.assessments.filter((a) => !a.eligible).map((a) => a.memberId))].sort(byId),
      conflictCount: outcome.assessments.filter((a) => !a.eligible).length,
    };
    const events: CaseEvent[] = [
      this.emit('RecusalRecorded', when, {
        eligible: this.s.recusal.eligible.length,
        conflicted: this.s.recusal.conflicted.length,
      }),
    ];
    for (const memberId of this.seatedPanel) {
      if (!assessed.get(memberId)!.eligible) events.push(...this.vacateSeat(memberId, 'conflict', when));
    }
    const duty = this.s.dutyCommissionerId;
    if (duty && !assessed.get(duty)!.eligible) {
      this.s.dutyCommissionerId = null;
      events.push(this.emit('DutyCommissionerVacated', when, { commissionerId: duty, reason: 'conflict' }));
    }
    return events;
  }

  /** The duty commissioner for triage, chosen by rotation (`nextDutyCommissioner`). */
  assignDutyCommissioner(memberId: MemberId, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    requireStage('assignDutyCommissioner', this.s.stage);
    if (this.s.panelSeatedAt !== null) throw stageError('A duty commissioner is assigned only before a panel is seated.');
    this.assertCleared(memberId, 'commissioner');
    if (this.s.selfRecusals.some((r) => r.memberId === memberId)) {
      throw caseError('unprocessable', CaseErrorCode.CommissionerConflicted, 'This commissioner stood down from this case.');
    }
    if (this.s.dutyCommissionerId === memberId) return [];
    this.s.dutyCommissionerId = memberId;
    return [this.emit('DutyCommissionerAssigned', when, { commissionerId: memberId })];
  }

  /**
   * A panelist or the duty commissioner stands down from the case, with a reason the domain
   * keeps sealed. A panelist's seat is then redrawn; the person is never drawn again.
   */
  selfRecuse(memberId: MemberId, reason: SealedRef, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    if (!reason) throw caseError('invalid', CaseErrorCode.InvalidComplaint, 'Give a reason for standing down.');
    if (this.seatedPanel.includes(memberId)) {
      this.s.selfRecusals = [...this.s.selfRecusals, { memberId, role: 'panelist', reason, at: when }];
      return this.vacateSeat(memberId, 'self_recusal', when);
    }
    if (this.s.dutyCommissionerId === memberId && this.s.panelSeatedAt === null) {
      this.s.selfRecusals = [...this.s.selfRecusals, { memberId, role: 'duty_commissioner', reason, at: when }];
      this.s.dutyCommissionerId = null;
      return [this.emit('DutyCommissionerVacated', when, { commissionerId: memberId, reason: 'self_recusal' })];
    }
    throw caseNotFound();
  }

  // -------------------------------------------------------------------------------- triage

  /**
   * Triage by the duty commissioner: may raise the seriousness (never lower what the
   * complainant marked). A record-only report is registered and closed here.
   */
  triage(by: MemberId, input: { raise?: Partial<SeriousnessFlags> }, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    this.assertDutyCommissioner(by);
    requireStage('triage', this.s.stage);
    this.assertRecusalCurrent();
    const before = isSerious(this.s.seriousness);
    const raise = input.raise ?? {};
    this.s.seriousness = {
      violence: this.s.seriousness.violence || !!raise.violence,
      sexualMisconduct: this.s.seriousness.sexualMisconduct || !!raise.sexualMisconduct,
      threats: this.s.seriousness.threats || !!raise.threats,
    };
    const serious = isSerious(this.s.seriousness);
    if (serious && this.s.seriousSince === null) this.s.seriousSince = when;
    this.s.triagedAt = when;
    const events: CaseEvent[] = [
      this.emit('CaseTriaged', when, { by, serious, seriousnessRaised: serious && !before }),
    ];
    if (this.s.path === 'record-only') {
      this.enterStage('closed_record_only', when);
      this.s.closedAt = when;
      events.push(this.emit('CaseClosedRecordOnly', when, {}));
    } else {
      this.enterStage('triaged', when);
    }
    return events;
  }

  // --------------------------------------------------------------------------------- path (S4)

  /**
   * Only the complainant chooses or changes the path. Informal needs explicit consent; informal
   * → formal is always open while the case is handled. A record-only report can be reopened for
   * action by its complainant at any time; a handled case can become record-only before a panel
   * is seated (afterwards the complainant may withdraw).
   */
  changePath(actor: CaseActor, to: CasePath, options: { consent?: boolean }, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    this.assertComplainant(actor, CaseErrorCode.PathReservedToComplainant, 'Only the complainant can choose or change the path of a case.');
    const from = this.s.path;
    if (to !== 'record-only' && to !== 'informal' && to !== 'formal') {
      throw caseError('invalid', CaseErrorCode.InvalidComplaint, 'The path must be record-only, informal or formal.');
    }
    if (to === from) return [];
    if (to === 'informal' && options.consent !== true) {
      throw caseError(
        'unprocessable',
        CaseErrorCode.InformalRequiresConsent,
        'Informal resolution needs your explicit consent. You can withdraw it at any time, which turns the case into a formal investigation.',
      );
    }
    const stage = this.s.stage;
    requireStage(to === 'record-only' ? 'changePath:record-only' : 'changePath', stage);
    const events: CaseEvent[] = [];
    if (stage === 'closed_record_only' && to !== 'record-only') {
      this.setPath(from, to, when, events);
      this.s.clockStartedAt = when;
      this.s.triagedAt = null;
      this.s.closedAt = null;
      this.enterStage('received', when);
      events.push(this.emit('CaseReopened', when, { path: to }));
      return events;
    }
    if (to === 'record-only') {
      this.setPath(from, to, when, events);
      if (stage === 'triaged') {
        this.enterStage('closed_record_only', when);
        this.s.closedAt = when;
        events.push(this.emit('CaseClosedRecordOnly', when, {}));
        events.push(...this.endInterimMeasures(when));
      }
      return events;
    }
    this.setPath(from, to, when, events);
    return events;
  }

  /** Revoking consent to informal resolution turns the case into a formal investigation. */
  revokeInformalConsent(actor: CaseActor, at: Timestamp): CaseEvent[] {
    this.assertComplainant(actor, CaseErrorCode.PathReservedToComplainant, 'Only the complainant can choose or change the path of a case.');
    if (this.s.path !== 'informal') return [];
    requireStage('revokeInformalConsent', this.s.stage);
    return this.changePath(actor, 'formal', {}, at);
  }

  private setPath(from: CasePath, to: CasePath, at: Timestamp, events: CaseEvent[]): void {
    this.s.path = to;
    this.s.informalConsentAt = to === 'informal' ? at : null;
    if (to !== 'informal') this.s.informalResolution = null;
    events.push(this.emit('PathChanged', at, { from, to, consentRevoked: from === 'informal' && to === 'formal' }));
  }

  // --------------------------------------------------------------------------- participants

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
    const when = normalizeTimestamp(at);
    const access = caseAccess(this, actor);
    if (access.role === 'none') throw caseNotFound();
    const allowed =
      access.role === 'complainant' ||
      access.role === 'panelist' ||
      access.role === 'duty_commissioner' ||
      (access.role === 'respondent' && role === 'witness');
    if (!allowed || (role === 'support_person' && access.role !== 'complainant')) {
      throw caseError('forbidden', CaseErrorCode.ReservedToParty, 'You cannot add this person to the case.');
    }
    requireStage('addParticipant', this.s.stage);
    const problems = validatePerson(person, role);
    if (problems.length) throw invalidComplaint(problems);
    if (person.kind === 'member') {
      const m = person.memberId;
      const c = this.s.complainant;
      if (c.kind !== 'non_member' && c.memberId === m) throw invalidComplaint([`${role}: this is the complainant`]);
      const inList = (xs: readonly PersonRef[]) => xs.some((p) => p.kind === 'member' && p.memberId === m);
      if (inList(this.s.respondents)) throw invalidComplaint([`${role}: already a respondent`]);
      if (inList(this.s.witnesses)) throw invalidComplaint([`${role}: already a witness`]);
      if (role !== 'support_person' && this.s.supportPerson && inList([this.s.supportPerson])) {
        throw invalidComplaint([`${role}: already the support person`]);
      }
      // Naming a seated panelist is allowed: the recusal recompute that must follow removes them.
    }
    if (role === 'respondent') this.s.respondents = [...this.s.respondents, clonePerson(person)];
    else if (role === 'witness') this.s.witnesses = [...this.s.witnesses, clonePerson(person)];
    else this.s.supportPerson = clonePerson(person);
    return [
      this.emit('ParticipantAdded', when, {
        role,
        memberId: person.kind === 'member' ? person.memberId : null,
        recusalRecomputeRequired: true,
      }),
    ];
  }

  // --------------------------------------------------------------------------------- panel

  /**
   * Records a panel draw — the initial one, or a redraw of a vacated seat. The record must
   * re-run to the same seats (`verifyDraw`), come from the recusal recorded for the case's
   * current people, draw from the full cleared pool (nobody left out, nobody removed before put
   * back), and use a seed never used for this case.
   */
  recordPanelDraw(record: PanelDrawRecord, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    if (record.caseId !== this.s.id) throw drawStale('This draw is for another case.');
    const p = this.panel;
    if (record.kind === 'initial') {
      requireStage('recordPanelDraw:initial', this.s.stage);
      if (this.s.path === 'record-only') throw stageError('A record-only report has no panel.');
      if (p.draws.length > 0 || p.seats.length > 0) throw stageError('The panel of this case has already been drawn.');
    } else {
      requireStage('recordPanelDraw:redraw', this.s.stage);
      const vacancy = p.removed.find((r) => r.memberId === record.vacated && r.replacement === 'pending');
      if (!vacancy) throw caseError('conflict', CaseErrorCode.NoVacantSeat, 'This seat is not vacant.');
    }
    const check = verifyDraw(record);
    if (!check.matches) {
      throw caseError('unprocessable', CaseErrorCode.DrawMismatch, 'This draw does not re-run to the recorded seats.', {
        problems: check.problems,
      });
    }
    this.assertRecusalCurrent();
    const r = this.s.recusal!;
    if (record.recusalComputedAt !== r.computedAt) throw drawStale('Draw again from the recusal recorded for this case.');
    if (this.usedSeeds().includes(record.seed)) {
      throw caseError('invalid', CaseErrorCode.SeedReused, 'Each draw of a case needs a new seed.');
    }
    const kept = [...this.seatedPanel].sort(byId);
    if (!sameList(kept, record.keptSeats)) throw drawStale('The draw does not keep exactly the seats now held.');
    const removed = this.removedPanelists();
    if (removed.some((m) => !record.excluded.includes(m))) {
      throw drawStale('The draw must exclude everyone removed from this panel before.');
    }
    const skip = new Set([...record.keptSeats, ...record.excluded]);
    const poolOf = (seat: CandidateSeat) =>
      r.eligible.filter((e) => e.seat === seat && !skip.has(e.memberId)).map((e) => e.memberId).sort(byId);
    if (!sameList(poolOf('commissioner'), record.pool.commissioners) || !sameList(poolOf('alternate'), record.pool.alternates)) {
      throw drawStale('The draw must start from every commissioner and alternate cleared for this case.');
    }

    const events: CaseEvent[] = [];
    if (record.kind === 'initial') p.size = record.seatsToFill;
    p.draws = [...p.draws, record];
    p.seats = [...p.seats, ...record.drawn.map((d) => ({ memberId: d.memberId, source: d.source, seatedAt: when }))];
    events.push(
      this.emit('PanelDrawn', when, {
        drawKind: record.kind,
        seats: record.drawn.map((d) => d.memberId),
        shortfall: record.shortfall,
      }),
    );
    if (record.kind === 'redraw') {
      this.markReplacement('pending', record.drawn.length > 0 ? 'drawn' : 'ad_hoc_requested', record.vacated!);
    }
    if (record.kind === 'redraw' && record.drawn.length > 0) {
      events.push(this.emit('PanelistSeated', when, { memberId: record.drawn[0].memberId, source: record.drawn[0].source }));
    }
    if (record.shortfall > 0) {
      p.adHocSeatsRequested += record.shortfall;
      events.push(this.emit('AdHocPanelRequested', when, { seatsToFill: p.adHocSeatsRequested }));
    }
    events.push(...this.seatIfComplete(when));
    return events;
  }

  /**
   * Seats the members appointed by the Appeals Committee for the seats the draw could not fill.
   * The committee members acting must have been cleared for this case (seat 'appeals_member'),
   * the appointees too (seat 'ad_hoc'), by the recusal recorded for its current people.
   */
  seatAdHocAppointees(appointment: AdHocAppointmentSnapshot, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    if (appointment.caseId !== this.s.id) throw drawStale('This appointment is for another case.');
    const p = this.panel;
    if (p.adHocSeatsRequested === 0) throw caseError('conflict', CaseErrorCode.NoVacantSeat, 'No ad-hoc seat was requested for this case.');
    if (!appointment.completedAt || appointment.appointees.length !== p.adHocSeatsRequested || appointment.seatsToFill !== p.adHocSeatsRequested) {
      throw caseError(
        'unprocessable',
        CaseErrorCode.AdHocAppointmentIncomplete,
        `The Appeals Committee must appoint exactly ${p.adHocSeatsRequested} panelist(s).`,
      );
    }
    this.assertRecusalCurrent();
    for (const m of appointment.committee) this.assertCleared(m, 'appeals_member');
    const removed = new Set(this.removedPanelists());
    for (const m of appointment.appointees) {
      this.assertCleared(m, 'ad_hoc');
      if (removed.has(m) || this.seatedPanel.includes(m)) {
        throw caseError('unprocessable', CaseErrorCode.AdHocNominationRefused, 'An appointee already sat on, or was removed from, this panel.');
      }
    }
    const events: CaseEvent[] = [];
    for (const m of appointment.appointees) {
      p.seats = [...p.seats, { memberId: m, source: 'ad_hoc', seatedAt: when }];
      events.push(this.emit('PanelistSeated', when, { memberId: m, source: 'ad_hoc' }));
    }
    this.markReplacement('ad_hoc_requested', 'ad_hoc');
    p.adHocSeatsRequested = 0;
    events.push(...this.seatIfComplete(when));
    return events;
  }

  /** A party challenges a seated panelist, with reasons; the other panelists decide (S3). */
  challengePanelist(
    actor: CaseActor,
    input: { challengeId: string; panelistId: MemberId; grounds: SealedRef },
    at: Timestamp,
  ): CaseEvent[] {
    const when = normalizeTimestamp(at);
    const access = caseAccess(this, actor);
    if (access.role === 'none') throw caseNotFound();
    if (access.role !== 'complainant' && access.role !== 'respondent') {
      throw caseError('forbidden', CaseErrorCode.ReservedToParty, 'Only a party to the case can challenge a panelist.');
    }
    requireStage('challengePanelist', this.s.stage);
    if (
      this.s.challenges.some(
        (ch) => ch.panelistId === input.panelistId && ch.challenger === access.role && (ch.decision === null || !ch.decision.upheld),
      )
    ) {
      throw caseError('conflict', CaseErrorCode.ChallengeAlreadyLodged, 'You have already challenged this panelist.');
    }
    if (this.s.challenges.some((ch) => ch.id === input.challengeId)) {
      throw caseError('conflict', CaseErrorCode.ChallengeAlreadyLodged, 'A challenge with this id already exists.');
    }
    const challenge = lodgeChallenge({
      id: input.challengeId,
      panelistId: input.panelistId,
      challenger: access.role,
      grounds: input.grounds,
      seatedPanelists: this.seatedPanel,
      at: when,
    });
    this.s.challenges = [...this.s.challenges, challenge];
    const events: CaseEvent[] = [
      this.emit(
        'PanelistChallenged',
        when,
        { challengeId: challenge.id, panelistId: challenge.panelistId, deciders: challenge.deciders },
        ['panel', access.role],
      ),
    ];
    events.push(...this.applyChallengeDecision(challenge, when));
    return events;
  }

  /** One of the other panelists votes on a challenge. */
  voteOnChallenge(voter: MemberId, challengeId: string, uphold: boolean, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    if (!this.seatedPanel.includes(voter)) throw caseNotFound();
    const current = this.s.challenges.find((ch) => ch.id === challengeId);
    if (!current) throw caseError('not_found', CaseErrorCode.ChallengeNotFound, 'There is no such challenge in this case.');
    if (!current.decision && !this.seatedPanel.includes(current.panelistId)) {
      throw caseError('conflict', CaseErrorCode.ChallengeAlreadyDecided, 'The challenged panelist has already left the panel.');
    }
    const next = castChallengeVote(current, voter, uphold, when);
    this.replaceChallenge(next);
    return [
      this.emit('ChallengeVoteCast', when, { challengeId, voterId: voter }),
      ...this.applyChallengeDecision(next, when),
    ];
  }

  private applyChallengeDecision(challenge: PanelChallenge, at: Timestamp): CaseEvent[] {
    if (!challenge.decision) return [];
    const d = challenge.decision;
    const events: CaseEvent[] = [
      this.emit(
        'ChallengeDecided',
        at,
        {
          challengeId: challenge.id,
          panelistId: challenge.panelistId,
          upheld: d.upheld,
          votesToUphold: d.votesToUphold,
          votesToReject: d.votesToReject,
        },
        ['panel', challenge.challenger],
      ),
    ];
    if (d.upheld && this.seatedPanel.includes(challenge.panelistId)) {
      events.push(...this.vacateSeat(challenge.panelistId, 'challenge_upheld', at));
    }
    return events;
  }

  private replaceChallenge(next: PanelChallenge): void {
    this.s.challenges = this.s.challenges.map((ch) => (ch.id === next.id ? next : ch));
  }

  /** The seated panel starts its work; the respondents are told of the case from now on. */
  beginInvestigation(by: MemberId, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    this.assertPanelist(by);
    requireStage('beginInvestigation', this.s.stage);
    if (this.vacantSeats > 0) throw stageError('Fill the vacant seat before the investigation begins.');
    this.enterStage('investigating', when);
    return [this.emit('InvestigationBegun', when, { respondentsNotified: this.respondentMemberIds() })];
  }

  // ------------------------------------------------------------------ interim measures (S5)

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
    const when = normalizeTimestamp(at);
    const deciders = [...new Set(input.decidedBy)];
    const actorIsInvolved = deciders.some(
      (m) => this.seatedPanel.includes(m) || (this.s.dutyCommissionerId === m && this.s.panelSeatedAt === null),
    );
    if (!actorIsInvolved) throw caseNotFound();
    requireStage('recordInterimDecision', this.s.stage);
    if (this.s.path === 'record-only') {
      throw stageError('A record-only report leads to no action; interim measures need the complainant to choose a path.');
    }
    this.assertRecusalCurrent();
    const refuse = (message: string) => caseError('forbidden', CaseErrorCode.InterimDecisionNotAuthorized, message);
    if (this.s.panelSeatedAt === null) {
      const duty = this.s.dutyCommissionerId;
      if (!duty || deciders.length !== 1 || deciders[0] !== duty) {
        throw refuse('Before a panel is seated, the duty commissioner of this case decides interim measures.');
      }
      this.assertCleared(duty, 'commissioner');
    } else {
      const seated = this.seatedPanel;
      if (deciders.some((m) => !seated.includes(m))) throw refuse('Only seated panelists decide interim measures.');
      if (2 * deciders.length <= (this.s.panel.size ?? seated.length)) {
        throw refuse('Interim measures are decided by a majority of the panel.');
      }
    }
    if (this.s.interimDecisions.some((d) => d.id === input.decisionId)) {
      throw caseError('conflict', CaseErrorCode.InvalidInterimMeasure, 'A decision with this id already exists.');
    }
    const decision = makeInterimDecision({
      id: input.decisionId,
      caseId: this.s.id,
      decidedAt: when,
      decidedBy: deciders,
      outcome: input.outcome,
      measures: input.measures,
      reasons: input.reasons,
      subjects: this.respondentMemberIds(),
    });
    const events: CaseEvent[] = this.endInterimMeasures(when, false);
    this.s.interimDecisions = [...this.s.interimDecisions, decision];
    events.push(
      this.emit('InterimDecisionRecorded', when, {
        decisionId: decision.id,
        outcome: decision.outcome,
        measureCount: decision.measures.length,
      }),
    );
    return events;
  }

  /** Ends the decision in force (superseded by a new one, or the case closed). */
  private endInterimMeasures(at: Timestamp, announce = true): CaseEvent[] {
    const events: CaseEvent[] = [];
    this.s.interimDecisions = this.s.interimDecisions.map((d) => {
      if (d.endedAt !== null) return d;
      if (announce && d.outcome === 'measures') events.push(this.emit('InterimMeasuresEnded', at, { decisionId: d.id }));
      return { ...d, endedAt: at };
    });
    return events;
  }

  /**
   * Ends the interim measures binding these members (S5, S9): the finding about them became
   * final, or the case ended without one pending for them (`respondentsReleasedFromInterimMeasures`).
   * Measures on other respondents stay. Part 2 calls it in the transaction that makes a finding
   * final; closing a case (withdrawal, informal resolution, record only) ends every measure.
   */
  endInterimMeasuresOf(memberIds: readonly MemberId[], at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    const events: CaseEvent[] = [];
    this.s.interimDecisions = this.s.interimDecisions.map((d) => {
      const next = endMeasuresOf(d, memberIds, when);
      if (next === d) return d;
      const released = [...new Set(d.measures.filter((m, i) => m.endedAt === undefined && next.measures[i].endedAt !== undefined).map((m) => m.memberId))].sort(byId);
      events.push(this.emit('InterimMeasuresEnded', when, { decisionId: d.id, memberIds: released }));
      return next;
    });
    return events;
  }

  // ------------------------------------------------------------------ informal resolution (S4)

  /** A seated panelist puts terms to the complainant (only on the path the complainant chose). */
  proposeInformalResolution(actor: CaseActor, terms: SealedRef, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    const access = caseAccess(this, actor);
    if (access.role === 'none') throw caseNotFound();
    if (access.role !== 'panelist') {
      throw caseError(
        'forbidden',
        CaseErrorCode.PathReservedToComplainant,
        'Informal resolution happens only when the complainant chooses it, and the panel conducts it.',
      );
    }
    if (this.s.path !== 'informal') {
      throw caseError(
        'forbidden',
        CaseErrorCode.PathReservedToComplainant,
        'The complainant has not chosen informal resolution; only they can choose it.',
      );
    }
    requireStage('proposeInformalResolution', this.s.stage);
    if (!terms) throw caseError('invalid', CaseErrorCode.InvalidComplaint, 'State the proposed terms.');
    this.s.informalResolution = { proposedBy: actor.memberId!, proposedAt: when, terms, confirmedAt: null };
    return [this.emit('InformalResolutionProposed', when, { by: actor.memberId! })];
  }

  /** Only the complainant's confirmation resolves a case informally. */
  confirmInformalResolution(actor: CaseActor, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    this.assertComplainant(actor, CaseErrorCode.ReservedToComplainant, 'Only the complainant can confirm an informal resolution.');
    const pending = this.s.informalResolution;
    if (this.s.path !== 'informal' || !pending || pending.confirmedAt !== null) {
      throw caseError('conflict', CaseErrorCode.InformalResolutionNotPending, 'There is no proposed informal resolution to confirm.');
    }
    requireStage('confirmInformalResolution', this.s.stage);
    this.s.informalResolution = { ...pending, confirmedAt: when };
    this.enterStage('resolved_informally', when);
    this.s.closedAt = when;
    return [this.emit('CaseResolvedInformally', when, {}), ...this.endInterimMeasures(when)];
  }

  // ------------------------------------------------------------------------------ endings

  /** The complainant withdraws; the record is kept (S10 links it), interim measures end. */
  withdraw(actor: CaseActor, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    this.assertComplainant(actor, CaseErrorCode.ReservedToComplainant, 'Only the complainant can withdraw a complaint.');
    const fromStage = this.s.stage;
    requireStage('withdraw', fromStage);
    this.enterStage('withdrawn', when);
    this.s.closedAt = when;
    return [this.emit('CaseWithdrawn', when, { fromStage }), ...this.endInterimMeasures(when)];
  }

  /**
   * Hook for part 2 (findings, finality, publication): moves the formal track forward in order
   * investigating → finding → final → published. Part 2's domain decides when; this only keeps
   * the stage, its history and the deadlines consistent.
   */
  advanceToStage(stage: Part2Stage, at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    const command = `advanceToStage:${stage}` as const;
    if (!(CASE_COMMANDS as readonly string[]).includes(command)) {
      throw stageError(`The case cannot move to "${stage}" from "${this.s.stage}".`);
    }
    requireStage(command, this.s.stage);
    if (stage === 'finding') this.s.findingAt = when;
    this.enterStage(stage, when);
    return [this.emit('CaseStageAdvanced', when, { stage })];
  }

  // -------------------------------------------------------------------------- deadlines (S6)

  /**
   * Records an escalation of a missed deadline (see `escalateOverdue`). Idempotent: the same
   * deadline (kind and due moment) escalates once.
   */
  recordEscalation(deadline: DeadlineKind, dueAt: Timestamp, recipients: readonly MemberId[], at: Timestamp): CaseEvent[] {
    const when = normalizeTimestamp(at);
    const due = normalizeTimestamp(dueAt);
    if (this.s.escalations.some((e) => e.deadline === deadline && e.dueAt === due)) return [];
    const to = [...new Set(recipients)].sort(byId);
    this.s.escalations = [...this.s.escalations, { deadline, dueAt: due, escalatedAt: when, recipients: to }];
    return [this.emit('DeadlineEscalated', when, { deadline, dueAt: due, recipients: to })];
  }

  // ------------------------------------------------------------------------------- helpers

  private emit<T extends CaseEvent['type']>(
    type: T,
    at: Timestamp,
    body: EventBody<T>,
    audience?: readonly TimelineAudience[],
  ): CaseEvent {
    const event = { type, caseId: this.s.id, at, ...body } as unknown as CaseEvent;
    const who = audience ?? TIMELINE_AUDIENCE[type];
    if (who && who.length > 0) {
      const data = timelineData(event);
      this.s.timeline = [
        ...this.s.timeline,
        { seq: this.s.timeline.length + 1, at, kind: type, audience: [...who], ...(data ? { data } : {}) },
      ];
    }
    return event;
  }

  private get panel(): Draft<PanelState> {
    return this.s.panel as Draft<PanelState>;
  }

  private enterStage(stage: CaseStage, at: Timestamp): void {
    this.s.stage = stage;
    this.s.stageHistory = [...this.s.stageHistory, { stage, at }];
  }

  private vacateSeat(memberId: MemberId, reason: RemovalReason, at: Timestamp): CaseEvent[] {
    const p = this.panel;
    p.seats = p.seats.filter((x) => x.memberId !== memberId);
    p.removed = [...p.removed, { memberId, reason, at, replacement: 'pending' }];
    const events: CaseEvent[] = [this.emit('PanelSeatVacated', at, { memberId, reason, redrawRequired: true })];
    // A pending challenge whose decider just left is decided by those who remain.
    for (const { id } of [...this.s.challenges]) {
      const current = this.s.challenges.find((ch) => ch.id === id)!;
      if (current.decision) continue;
      const next = withoutDecider(current, memberId, at);
      if (next === current) continue;
      this.replaceChallenge(next);
      if (next.decision && this.seatedPanel.includes(next.panelistId)) events.push(...this.applyChallengeDecision(next, at));
    }
    return events;
  }

  private markReplacement(
    from: RemovedPanelist['replacement'],
    to: RemovedPanelist['replacement'],
    only?: MemberId,
  ): void {
    this.panel.removed = this.panel.removed.map((r) =>
      r.replacement === from && (only === undefined || r.memberId === only) ? { ...r, replacement: to } : r,
    );
  }

  private seatIfComplete(at: Timestamp): CaseEvent[] {
    const p = this.panel;
    if (this.s.stage !== 'triaged' || p.size === null || p.seats.length < p.size) return [];
    this.s.panelSeatedAt = at;
    this.enterStage('panel_seated', at);
    return [this.emit('PanelSeated', at, { panel: p.seats.map((x) => x.memberId) })];
  }

  private assertComplainant(actor: CaseActor, code: CaseErrorCode, message: string): void {
    if (participantRole(this.s, actor) === 'complainant') return;
    if (caseAccess(this, actor).role === 'none') throw caseNotFound();
    throw caseError('forbidden', code, message);
  }

  private assertDutyCommissioner(by: MemberId): void {
    if (this.s.dutyCommissionerId === by && this.s.panelSeatedAt === null) return;
    if (caseAccess(this, { memberId: by }).role === 'none') throw caseNotFound();
    throw caseError('forbidden', CaseErrorCode.NotDutyCommissioner, "Only this case's duty commissioner can triage it.");
  }

  private assertPanelist(by: MemberId): void {
    if (this.seatedPanel.includes(by)) return;
    if (caseAccess(this, { memberId: by }).role === 'none') throw caseNotFound();
    throw caseError('forbidden', CaseErrorCode.NotPanelist, "Only this case's panel can do this.");
  }

  private assertRecusalCurrent(): void {
    if (!this.s.recusal) {
      throw caseError('conflict', CaseErrorCode.RecusalRequired, 'Compute recusal for this case first.');
    }
    if (!this.isRecusalCurrent()) {
      throw stale("The people of this case changed: recompute recusal first.");
    }
  }

  private assertCleared(memberId: MemberId, seat: CandidateSeat): void {
    const r = this.s.recusal;
    if (!r) throw caseError('conflict', CaseErrorCode.RecusalRequired, 'Compute recusal for this case first.');
    if (!r.eligible.some((e) => e.memberId === memberId && e.seat === seat)) {
      throw caseError(
        'unprocessable',
        CaseErrorCode.CommissionerConflicted,
        'This person is not cleared to act on this case (a conflict, or not checked).',
      );
    }
  }
}

// ---------------------------------------------------------------------------- module helpers

const stale = (message: string) => caseError('conflict', CaseErrorCode.RecusalStale, message);
const drawStale = (message: string) => caseError('conflict', CaseErrorCode.DrawStale, message);
const stageError = (message: string) => caseError('conflict', CaseErrorCode.StageDoesNotAllow, message);
const invalidComplaint = (problems: string[]) =>
  caseError('invalid', CaseErrorCode.InvalidComplaint, `The complaint is incomplete or inconsistent: ${problems.join('; ')}.`, {
    problems,
  });

function clonePerson(p: PersonRef): PersonRef {
  return p.kind === 'member' ? { kind: 'member', memberId: p.memberId } : { kind: 'non_member', description: p.description };
}

function validatePerson(p: PersonRef | null | undefined, label: string): string[] {
  if (!p || (p.kind !== 'member' && p.kind !== 'non_member')) return [`${label}: choose a member or describe the person`];
  if (p.kind === 'member' && (typeof p.memberId !== 'string' || p.memberId.length === 0)) return [`${label}: member id missing`];
  if (p.kind === 'non_member' && !p.description) return [`${label}: describe the person`];
  return [];
}

function validateIntake(
  intake: ComplaintIntake,
  ctx: { id: CaseId; reference: CaseReference },
  receivedAt: Timestamp,
): void {
  const problems: string[] = [];
  if (!ctx.id) problems.push('case id missing');
  if (!isCaseReference(ctx.reference)) problems.push('case reference malformed');
  const c = intake.complainant;
  let complainantMember: MemberId | null = null;
  if (!c || !['member', 'former_member', 'non_member'].includes(c.kind)) {
    problems.push('complainant: say who is filing');
  } else if (c.kind === 'non_member') {
    if (typeof c.email !== 'string' || !EMAIL_RE.test(c.email.trim())) problems.push('complainant: a valid email address is needed');
    if (!c.emailVerifiedAt) problems.push('complainant: the email address must be verified first');
    else if (toMillis(c.emailVerifiedAt) > toMillis(receivedAt)) problems.push('complainant: email verified after receipt');
  } else if (!c.memberId) {
    problems.push('complainant: member id missing');
  } else {
    complainantMember = c.memberId;
  }
  if (!intake.narrative) problems.push('narrative: say what happened');
  if (!Array.isArray(intake.respondents) || intake.respondents.length === 0) problems.push('respondents: name at least one person');
  const seen = new Map<MemberId, string>();
  const check = (p: PersonRef, label: string) => {
    const issues = validatePerson(p, label);
    problems.push(...issues);
    if (issues.length || p.kind !== 'member') return;
    if (p.memberId === complainantMember) problems.push(`${label}: this is the complainant`);
    const before = seen.get(p.memberId);
    if (before) problems.push(`${label}: the same person is already named as ${before}`);
    seen.set(p.memberId, label);
  };
  (intake.respondents ?? []).forEach((p) => check(p, 'respondent'));
  (intake.witnesses ?? []).forEach((p) => check(p, 'witness'));
  if (intake.supportPerson) check(intake.supportPerson, 'support person');
  if (intake.when) {
    const from = dayNumber(intake.when.from);
    const to = intake.when.to ? dayNumber(intake.when.to) : from;
    if (to < from) problems.push('when: the events end before they begin');
    if (to > dayNumber(calendarDateOf(receivedAt))) problems.push('when: the events cannot be in the future');
  }
  if (!['record-only', 'informal', 'formal'].includes(intake.path)) problems.push('path: choose record-only, informal or formal');
  if (!intake.seriousness) problems.push('seriousness: missing');
  if (problems.length) throw invalidComplaint(problems);
  if (intake.path === 'informal' && intake.informalConsent !== true) {
    throw caseError(
      'unprocessable',
      CaseErrorCode.InformalRequiresConsent,
      'Informal resolution needs your explicit consent. You can withdraw it at any time, which turns the case into a formal investigation.',
    );
  }
}
