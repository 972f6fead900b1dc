import { CandidateSeat } from '../recusal/recusal.types';
import { Timestamp } from './calendar';
import { caseAccess, participantRole } from './case-access.policy';
import { CaseErrorCode, caseError, caseNotFound } from './case.errors';
import { CaseEvent } from './case.events';
import { CaseActor, CaseSnapshot, CaseStage, PanelState, PersonRef, TimelineAudience } from './case.types';
import { TIMELINE_AUDIENCE, timelineData } from './case-timeline';
import { MemberId } from './identifiers';

/**
 * The state a `Case` works on, and what every part of it shares: recording an event (and its
 * timeline entry), entering a stage, the reads over the snapshot (the seated panel, the case's
 * people for recusal, …) and the guards of who acts (complainant, duty commissioner, panelist,
 * cleared by recusal). Whether the stage allows a command is `case-lifecycle.ts`'s to say.
 */

/** The snapshot as the aggregate's functions change it (top-level fields writable). */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };
export type CaseState = Draft<CaseSnapshot>;
type EventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;
type EventBody<T extends CaseEvent['type']> = Omit<EventOf<T>, 'type' | 'caseId' | 'at'>;

export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const stale = (message: string) => caseError('conflict', CaseErrorCode.RecusalStale, message);
export const drawStale = (message: string) => caseError('conflict', CaseErrorCode.DrawStale, message);
export const stageError = (message: string) => caseError('conflict', CaseErrorCode.StageDoesNotAllow, message);

/** Records an event of the case, and its timeline entry for those who may see it. */
export function emit<T extends CaseEvent['type']>(
  s: CaseState,
  type: T,
  at: Timestamp,
  body: EventBody<T>,
  audience?: readonly TimelineAudience[],
): CaseEvent {
  const event = { type, caseId: s.id, at, ...body } as unknown as CaseEvent;
  const who = audience ?? TIMELINE_AUDIENCE[type];
  if (who && who.length > 0) {
    const data = timelineData(event);
    s.timeline = [
      ...s.timeline,
      { seq: s.timeline.length + 1, at, kind: type, audience: [...who], ...(data ? { data } : {}) },
    ];
  }
  return event;
}

export function enterStage(s: CaseState, stage: CaseStage, at: Timestamp): void {
  s.stage = stage;
  s.stageHistory = [...s.stageHistory, { stage, at }];
}

export function panelOf(s: CaseState): Draft<PanelState> {
  return s.panel as Draft<PanelState>;
}

export function seatedPanel(s: CaseSnapshot): MemberId[] {
  return s.panel.seats.map((x) => x.memberId);
}

/** Seats still to fill on a panel whose size is set. */
export function vacantSeats(s: CaseSnapshot): number {
  return s.panel.size === null ? 0 : s.panel.size - s.panel.seats.length;
}

/** The case's people who are members, as the recusal engine needs them. */
export function participantsForRecusal(s: CaseSnapshot): { parties: MemberId[]; witnesses: MemberId[]; supportPersons: MemberId[] } {
  const memberIds = (xs: readonly PersonRef[]) =>
    [...new Set(xs.flatMap((p) => (p.kind === 'member' ? [p.memberId] : [])))].sort(byId);
  const c = s.complainant;
  return {
    parties: [...new Set([...(c.kind === 'non_member' ? [] : [c.memberId]), ...memberIds(s.respondents)])].sort(byId),
    witnesses: memberIds(s.witnesses),
    supportPersons: memberIds(s.supportPerson ? [s.supportPerson] : []),
  };
}

/** Members who stood down or lost a challenge in this case: pass them to the recusal engine. */
export function recusalExclusions(s: CaseSnapshot): { selfRecused: MemberId[]; challengeUpheld: MemberId[] } {
  return {
    selfRecused: [...new Set(s.selfRecusals.map((r) => r.memberId))].sort(byId),
    challengeUpheld: [
      ...new Set(s.panel.removed.filter((r) => r.reason === 'challenge_upheld').map((r) => r.memberId)),
    ].sort(byId),
  };
}

/** Respondents who are members (the only people interim measures can bind). */
export function respondentMemberIds(s: CaseSnapshot): MemberId[] {
  return s.respondents.flatMap((p) => (p.kind === 'member' ? [p.memberId] : [])).sort(byId);
}

/** Whether the recorded recusal was computed for the case's current people. */
export function isRecusalCurrent(s: CaseSnapshot): boolean {
  const r = s.recusal;
  if (!r) return false;
  const now = participantsForRecusal(s);
  return (
    sameList(r.considered.parties, now.parties) &&
    sameList(r.considered.witnesses, now.witnesses) &&
    sameList(r.considered.supportPersons, now.supportPersons)
  );
}

/** Every seed used for this case's draws (a redraw must use a new one). */
export function usedSeeds(s: CaseSnapshot): string[] {
  return s.panel.draws.map((d) => d.seed);
}

/** Everyone ever removed from this case's panel (never drawn again). */
export function removedPanelists(s: CaseSnapshot): MemberId[] {
  return [...new Set(s.panel.removed.map((r) => r.memberId))].sort(byId);
}

export function assertComplainant(s: CaseState, actor: CaseActor, code: CaseErrorCode, message: string): void {
  if (participantRole(s, actor) === 'complainant') return;
  if (caseAccess(s, actor).role === 'none') throw caseNotFound();
  throw caseError('forbidden', code, message);
}

export function assertDutyCommissioner(s: CaseState, by: MemberId): void {
  if (s.dutyCommissionerId === by && s.panelSeatedAt === null) return;
  if (caseAccess(s, { memberId: by }).role === 'none') throw caseNotFound();
  throw caseError('forbidden', CaseErrorCode.NotDutyCommissioner, "Only this case's duty commissioner can triage it.");
}

export function assertPanelist(s: CaseState, by: MemberId): void {
  if (seatedPanel(s).includes(by)) return;
  if (caseAccess(s, { memberId: by }).role === 'none') throw caseNotFound();
  throw caseError('forbidden', CaseErrorCode.NotPanelist, "Only this case's panel can do this.");
}

export function assertRecusalCurrent(s: CaseState): void {
  if (!s.recusal) {
    throw caseError('conflict', CaseErrorCode.RecusalRequired, 'Compute recusal for this case first.');
  }
  if (!isRecusalCurrent(s)) {
    throw stale("The people of this case changed: recompute recusal first.");
  }
}

export function assertCleared(s: CaseState, memberId: MemberId, seat: CandidateSeat): void {
  const r = s.recusal;
  if (!r) throw caseError('conflict', CaseErrorCode.RecusalRequired, 'Compute recusal for this case first.');
  if (!r.eligible.some((e) => e.memberId === memberId && e.seat === seat)) {
    throw caseError(
      'unprocessable',
      CaseErrorCode.CommissionerConflicted,
      'This person is not cleared to act on this case (a conflict, or not checked).',
    );
  }
}
