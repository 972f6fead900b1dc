import { Timestamp, calendarDateOf, dayNumber, normalizeTimestamp, toMillis } from './calendar';
import { caseAccess, normalizeEmail } from './case-access.policy';
import { requireStage } from './case-lifecycle';
import { CaseReference, isCaseReference } from './case-reference';
import { CaseErrorCode, caseError, caseNotFound } from './case.errors';
import { CaseEvent } from './case.events';
import { CaseActor, CasePath, ComplaintIntake, PersonRef, SeriousnessFlags, isSerious } from './case.types';
import { CaseState, assertComplainant, assertDutyCommissioner, assertRecusalCurrent, emit, enterStage } from './case-state';
import { endInterimMeasures } from './case-investigation';
import { CaseId, MemberId } from './identifiers';

/**
 * A case's intake and triage (S1, S4, S12): the complaint filed as given, triage by the duty
 * commissioner, the path the complainant alone chooses, and the people added to the case.
 * Functions over the case's state, called by `Case`.
 */

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Intake of a complaint (S1, S4): the complainant's choices are recorded as given. */
export function fileComplaint(
  intake: ComplaintIntake,
  ctx: { id: CaseId; reference: CaseReference; receivedAt: Timestamp },
): { state: CaseState; events: CaseEvent[] } {
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
  const s: CaseState = {
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
  };
  const events = [emit(s, 'ComplaintReceived', receivedAt, { path: intake.path, serious })];
  return { state: s, events };
}

/**
 * Triage by the duty commissioner: may raise the seriousness (never lower what the
 * complainant marked). A record-only report is registered and closed here.
 */
export function triage(s: CaseState, by: MemberId, input: { raise?: Partial<SeriousnessFlags> }, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  assertDutyCommissioner(s, by);
  requireStage('triage', s.stage);
  assertRecusalCurrent(s);
  const before = isSerious(s.seriousness);
  const raise = input.raise ?? {};
  s.seriousness = {
    violence: s.seriousness.violence || !!raise.violence,
    sexualMisconduct: s.seriousness.sexualMisconduct || !!raise.sexualMisconduct,
    threats: s.seriousness.threats || !!raise.threats,
  };
  const serious = isSerious(s.seriousness);
  if (serious && s.seriousSince === null) s.seriousSince = when;
  s.triagedAt = when;
  const events: CaseEvent[] = [
    emit(s, 'CaseTriaged', when, { by, serious, seriousnessRaised: serious && !before }),
  ];
  if (s.path === 'record-only') {
    enterStage(s, 'closed_record_only', when);
    s.closedAt = when;
    events.push(emit(s, 'CaseClosedRecordOnly', when, {}));
  } else {
    enterStage(s, 'triaged', when);
  }
  return events;
}

/**
 * Only the complainant chooses or changes the path. Informal needs explicit consent; informal
 * → formal is always open while the case is handled. A record-only report can be reopened for
 * action by its complainant at any time; a handled case can become record-only before a panel
 * is seated (afterwards the complainant may withdraw).
 */
export function changePath(s: CaseState, actor: CaseActor, to: CasePath, options: { consent?: boolean }, at: Timestamp): CaseEvent[] {
  const when = normalizeTimestamp(at);
  assertComplainant(s, actor, CaseErrorCode.PathReservedToComplainant, 'Only the complainant can choose or change the path of a case.');
  const from = s.path;
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
  const stage = s.stage;
  requireStage(to === 'record-only' ? 'changePath:record-only' : 'changePath', stage);
  const events: CaseEvent[] = [];
  if (stage === 'closed_record_only' && to !== 'record-only') {
    setPath(s, from, to, when, events);
    s.clockStartedAt = when;
    s.triagedAt = null;
    s.closedAt = null;
    enterStage(s, 'received', when);
    events.push(emit(s, 'CaseReopened', when, { path: to }));
    return events;
  }
  if (to === 'record-only') {
    setPath(s, from, to, when, events);
    if (stage === 'triaged') {
      enterStage(s, 'closed_record_only', when);
      s.closedAt = when;
      events.push(emit(s, 'CaseClosedRecordOnly', when, {}));
      events.push(...endInterimMeasures(s, when));
    }
    return events;
  }
  setPath(s, from, to, when, events);
  return events;
}

/** Revoking consent to informal resolution turns the case into a formal investigation. */
export function revokeInformalConsent(s: CaseState, actor: CaseActor, at: Timestamp): CaseEvent[] {
  assertComplainant(s, actor, CaseErrorCode.PathReservedToComplainant, 'Only the complainant can choose or change the path of a case.');
  if (s.path !== 'informal') return [];
  requireStage('revokeInformalConsent', s.stage);
  return changePath(s, actor, 'formal', {}, at);
}

function setPath(s: CaseState, from: CasePath, to: CasePath, at: Timestamp, events: CaseEvent[]): void {
  s.path = to;
  s.informalConsentAt = to === 'informal' ? at : null;
  if (to !== 'informal') s.informalResolution = null;
  events.push(emit(s, 'PathChanged', at, { from, to, consentRevoked: from === 'informal' && to === 'formal' }));
}

/**
 * Adds a respondent, witness or the complainant's support person. Allowed to the complainant,
 * to the duty commissioner before a panel, to seated panelists, and to an informed respondent
 * (witnesses only). Always followed by a recusal recompute (the event says so).
 */
export function addParticipant(
  s: CaseState,
  actor: CaseActor,
  role: 'respondent' | 'witness' | 'support_person',
  person: PersonRef,
  at: Timestamp,
): CaseEvent[] {
  const when = normalizeTimestamp(at);
  const access = caseAccess(s, actor);
  if (access.role === 'none') throw caseNotFound();
  const allowed =
    access.role === 'complainant' ||
    access.role === 'panelist' ||
    access.role === 'duty_commissioner' ||
    (access.role === 'respondent' && role === 'witness');
  if (!allowed || (role === 'support_person' && access.role !== 'complainant')) {
    throw caseError('forbidden', CaseErrorCode.ReservedToParty, 'You cannot add this person to the case.');
  }
  requireStage('addParticipant', s.stage);
  const problems = validatePerson(person, role);
  if (problems.length) throw invalidComplaint(problems);
  if (person.kind === 'member') {
    const m = person.memberId;
    const c = s.complainant;
    if (c.kind !== 'non_member' && c.memberId === m) throw invalidComplaint([`${role}: this is the complainant`]);
    const inList = (xs: readonly PersonRef[]) => xs.some((p) => p.kind === 'member' && p.memberId === m);
    if (inList(s.respondents)) throw invalidComplaint([`${role}: already a respondent`]);
    if (inList(s.witnesses)) throw invalidComplaint([`${role}: already a witness`]);
    if (role !== 'support_person' && s.supportPerson && inList([s.supportPerson])) {
      throw invalidComplaint([`${role}: already the support person`]);
    }
    // Naming a seated panelist is allowed: the recusal recompute that must follow removes them.
  }
  if (role === 'respondent') s.respondents = [...s.respondents, clonePerson(person)];
  else if (role === 'witness') s.witnesses = [...s.witnesses, clonePerson(person)];
  else s.supportPerson = clonePerson(person);
  return [
    emit(s, 'ParticipantAdded', when, {
      role,
      memberId: person.kind === 'member' ? person.memberId : null,
      recusalRecomputeRequired: true,
    }),
  ];
}

// ---------------------------------------------------------------------------- validation

export const invalidComplaint = (problems: string[]) =>
  caseError('invalid', CaseErrorCode.InvalidComplaint, `The complaint is incomplete or inconsistent: ${problems.join('; ')}.`, {
    problems,
  });

export function clonePerson(p: PersonRef): PersonRef {
  return p.kind === 'member' ? { kind: 'member', memberId: p.memberId } : { kind: 'non_member', description: p.description };
}

export function validatePerson(p: PersonRef | null | undefined, label: string): string[] {
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
