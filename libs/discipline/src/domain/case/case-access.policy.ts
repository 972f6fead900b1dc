import { MemberId } from './identifiers';
import { ACTIVE_STAGES, CaseActor, CaseSnapshot, TimelineAudience, TimelineEntry } from './case.types';

/**
 * Who may see what of a case (S1, S3, S11). Roles come from the case itself (being a party, a
 * witness, a seated panelist, the duty commissioner) or from a current mandate that the statutes
 * tie to every case (Appeals Committee: the audit trail). Holding an office — EC, CC, staff,
 * branch officer — gives nothing: such a caller is `none`, and the application layer answers
 * exactly as for a case that does not exist (404).
 */
export type CaseRole =
  | 'complainant'
  | 'respondent'
  | 'witness'
  | 'panelist'
  | 'duty_commissioner'
  | 'commission_oversight'
  | 'appeals_committee'
  | 'none';

export type CaseView =
  /** The stage the case is in. */
  | 'stage'
  /** The case's deadlines and whether they were met. */
  | 'deadlines'
  /** Timeline entries addressed to this person's side. */
  | 'own_timeline'
  /** Messages addressed to them (the messages themselves belong to the investigation). */
  | 'messages_to_them'
  /** Who sits on the panel (needed to challenge a panelist). */
  | 'panel_membership'
  /** The whole record: content, parties, statements, the full timeline. */
  | 'full_record'
  /** What triage needs: the complaint's content, parties, seriousness, path. */
  | 'triage'
  /** The complainant's own complaint, as they filed it (S11: parties follow their own case). */
  | 'own_complaint'
  /** What the respondent is accused of — what, where, when, who is named — before any interview (S12: no ambush). */
  | 'allegations'
  /** The audit trail of reads and changes (never the content itself). */
  | 'audit_trail';

export interface CaseAccess {
  readonly role: CaseRole;
  readonly views: readonly CaseView[];
}

const VIEWS: Record<CaseRole, readonly CaseView[]> = {
  complainant: ['stage', 'deadlines', 'own_timeline', 'messages_to_them', 'panel_membership', 'own_complaint'],
  respondent: ['stage', 'deadlines', 'own_timeline', 'messages_to_them', 'panel_membership', 'allegations'],
  witness: ['own_timeline', 'messages_to_them'],
  panelist: ['stage', 'deadlines', 'own_timeline', 'messages_to_them', 'panel_membership', 'full_record'],
  duty_commissioner: ['stage', 'deadlines', 'triage'],
  commission_oversight: ['stage', 'deadlines'],
  appeals_committee: ['audit_trail'],
  none: [],
};

/** Anything that holds a case's state: a snapshot, or the aggregate itself. */
export type CaseLike = CaseSnapshot | { readonly state: CaseSnapshot };

const stateOf = (c: CaseLike): CaseSnapshot => ('state' in c ? c.state : c);

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The part someone plays in the case itself, before any mandate is considered. */
export function participantRole(
  s: CaseSnapshot,
  actor: CaseActor,
): 'complainant' | 'respondent' | 'witness' | 'support_person' | null {
  const c = s.complainant;
  if (c.kind === 'non_member') {
    if (actor.verifiedEmail && normalizeEmail(actor.verifiedEmail) === normalizeEmail(c.email)) return 'complainant';
  } else if (actor.memberId !== undefined && actor.memberId === c.memberId) {
    return 'complainant';
  }
  const id = actor.memberId;
  if (id === undefined) return null;
  const isMember = (p: { kind: string; memberId?: MemberId }) => p.kind === 'member' && p.memberId === id;
  if (s.respondents.some(isMember)) return 'respondent';
  if (s.witnesses.some(isMember)) return 'witness';
  if (s.supportPerson && isMember(s.supportPerson)) return 'support_person';
  return null;
}

/**
 * Respondents and witnesses learn of a case only once the panel begins its work with them
 * (stage `investigating`), and never of a record-only report: telling a respondent at intake
 * could endanger the complainant, and a record-only report is, by the complainant's choice,
 * not acted upon.
 */
export function respondentInformed(s: CaseSnapshot): boolean {
  return s.path !== 'record-only' && s.stageHistory.some((h) => h.stage === 'investigating');
}

export function caseAccess(c: CaseLike, actor: CaseActor): CaseAccess {
  const role = roleIn(stateOf(c), actor);
  return { role, views: VIEWS[role] };
}

export function canSee(access: CaseAccess, view: CaseView): boolean {
  return access.views.includes(view);
}

function roleIn(s: CaseSnapshot, actor: CaseActor): CaseRole {
  const part = participantRole(s, actor);
  if (part === 'complainant') return 'complainant';
  if (part === 'respondent') return respondentInformed(s) ? 'respondent' : 'none';
  if (part === 'witness') return respondentInformed(s) ? 'witness' : 'none';
  if (part !== null) return 'none'; // a support person attends with the party; no access of their own
  const id = actor.memberId;
  if (id === undefined) return 'none';
  // A commissioner the recusal found conflicted sees nothing, whatever else they hold.
  if (s.recusal?.conflicted.includes(id)) return 'none';
  if (s.panel.seats.some((seat) => seat.memberId === id)) return 'panelist';
  if (s.dutyCommissionerId === id && s.panelSeatedAt === null && (s.stage === 'received' || s.stage === 'triaged')) {
    return 'duty_commissioner';
  }
  if (
    actor.isCommissioner &&
    s.escalations.length > 0 &&
    ACTIVE_STAGES.includes(s.stage) &&
    s.recusal?.eligible.some((e) => e.memberId === id && e.seat === 'commissioner')
  ) {
    return 'commission_oversight';
  }
  if (actor.isAppealsCommitteeMember) return 'appeals_committee';
  return 'none';
}

/**
 * What of the complaint, as filed, a role is shown (S11, S12, S13). Everyone shown anything
 * sees the allegations: what happened, where, when, and who is named as respondent. Beyond that:
 * - the complainant sees all of their own complaint — the witnesses and support person they
 *   named, their matching choice, the files they submitted;
 * - the respondent, once told of the case, sees the allegations only: not the witnesses (nobody
 *   is exposed to the person they may testify about through the case view), not the
 *   complainant's matching choice (S10), not the complainant's files; and no view ever carries
 *   the complainant's contact details;
 * - the duty commissioner (triage) sees the complaint and its people, not the files (evidence is
 *   the panel's); the panel sees everything.
 */
export interface ComplaintDisclosure {
  readonly scope: 'own_complaint' | 'allegations' | 'triage' | 'full_record';
  readonly witnessesAndSupportPerson: boolean;
  readonly matchingChoice: boolean;
  readonly complainantFiles: boolean;
}

export function complaintDisclosure(access: CaseAccess): ComplaintDisclosure | null {
  if (canSee(access, 'full_record')) return { scope: 'full_record', witnessesAndSupportPerson: true, matchingChoice: true, complainantFiles: true };
  if (canSee(access, 'triage')) return { scope: 'triage', witnessesAndSupportPerson: true, matchingChoice: true, complainantFiles: false };
  if (canSee(access, 'own_complaint')) return { scope: 'own_complaint', witnessesAndSupportPerson: true, matchingChoice: true, complainantFiles: true };
  if (canSee(access, 'allegations')) return { scope: 'allegations', witnessesAndSupportPerson: false, matchingChoice: false, complainantFiles: false };
  return null;
}

const AUDIENCE_OF: Partial<Record<CaseRole, TimelineAudience>> = {
  complainant: 'complainant',
  respondent: 'respondent',
};

/** The timeline entries this actor may see: their side's entries, or all for the panel. */
export function timelineFor(c: CaseLike, actor: CaseActor): TimelineEntry[] {
  const s = stateOf(c);
  const access = caseAccess(s, actor);
  if (access.role === 'panelist') return [...s.timeline];
  const audience = AUDIENCE_OF[access.role];
  if (!audience || !canSee(access, 'own_timeline')) return [];
  return s.timeline.filter((e) => e.audience.includes(audience));
}
