import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog, type AuditEntryView } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import {
  canSee,
  caseAccess,
  complaintDisclosure,
  deadlinesFor,
  timelineFor,
  toMillis,
  type Case,
  type CaseAccess,
  type CaseRole,
  type CaseSnapshot,
  type PanelDrawRecord,
  type PersonRef,
  type TimelineEntry,
} from '../../domain';
import { CaseRepository } from '../ports/case.repository';
import { ComplainantFilesRepository } from '../ports/complainant-files.repository';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import { AUDIT_SUBJECT, CaseContentService, type ContentItem } from '../case-content/case-content.service';
import { personIdOfEmail } from '../access/discipline-actor';
import { CaseGate } from './case-gate.service';
import type { DisciplineActor } from './discipline-actor';

export interface DeadlineView {
  kind: string;
  dueAt: string;
  metAt: string | null;
  overdue: boolean;
}

export interface PersonView {
  memberId: string | null;
  name: string | null;
  description: string | null;
}

const DAY_MS = 86_400_000;
/** Roles on the commission's side of a case, who are shown its escalations. */
const COMMISSION_SIDE: readonly CaseRole[] = ['panelist', 'duty_commissioner', 'commission_oversight'];

/** A file the complainant submitted: its description, never its content (read it through the evidence route). */
export interface ComplaintFileView {
  evidenceId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  submittedAt: string;
}

/** The complaint as the caller's role lets them see it (`complaintDisclosure`); what they may not see is null. */
export interface ComplaintView {
  scope: 'own_complaint' | 'allegations' | 'triage' | 'full_record';
  path: string;
  narrative: string | null;
  where: string | null;
  when: { from: string; to: string | null } | null;
  respondents: PersonView[];
  witnesses: PersonView[] | null;
  supportPerson: PersonView | null;
  matchingOptIn: boolean | null;
  attachments: ComplaintFileView[] | null;
}

/**
 * A missed deadline escalated to the whole commission cleared for the case (S6): which stage's
 * deadline, when it was due, when it was escalated, whether it has since been met, and how many
 * whole days it is (or was, when met) overdue.
 */
export interface EscalationView {
  deadline: string;
  dueAt: string;
  escalatedAt: string;
  metAt: string | null;
  daysOverdue: number;
}

export interface CaseSummary {
  reference: string;
  role: CaseRole;
  stage: string | null;
  path: string | null;
  receivedAt: string;
  deadlines: DeadlineView[];
  /** To the commission's side (panel, duty commissioner, cleared commissioners): the missed deadlines escalated. */
  escalations: EscalationView[];
}

export interface CaseView extends CaseSummary {
  seriousness: { violence: boolean; sexualMisconduct: boolean; threats: boolean } | null;
  panel: { memberId: string; name: string | null; source: string }[] | null;
  timeline: TimelineEntry[] | null;
  complaint: ComplaintView | null;
  interimDecisions: { id: string; decidedAt: string; outcome: string; measures: unknown[]; reasons: string | null; endedAt: string | null }[] | null;
  challenges: { id: string; panelistId: string; challenger: string; grounds: string | null; decided: boolean; upheld: boolean | null }[] | null;
  draws: PanelDrawRecord[] | null;
  informalResolution: { proposedAt: string; terms: string | null; confirmedAt: string | null } | null;
}

/**
 * What each person sees of a case (S1, S11), by the role the domain gives them (`caseAccess`):
 * parties their stage, deadlines, panel and their side of the timeline; the duty commissioner
 * the triage view; seated panelists the full record; the Appeals Committee the audit trail.
 * Content is opened only for the views that include it, and every such read is audited with
 * the items read. Lists show only cases where the caller has a role (and never a conflicted
 * commissioner's).
 */
@Injectable()
export class CaseViews {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly cases: CaseRepository,
    private readonly directory: MemberDirectoryRepository,
    private readonly files: ComplainantFilesRepository,
    private readonly content: CaseContentService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  view(key: string, actor: DisciplineActor): Promise<CaseView> {
    return this.gate.withCase(key, actor, (tx, c, access) => this.render(tx, c, access, actor));
  }

  timeline(key: string, actor: DisciplineActor): Promise<TimelineEntry[]> {
    return this.gate.withCase(key, actor, async (_tx, c) => timelineFor(c, actor.caseActor));
  }

  /** The audit trail of a case, for the Appeals Committee (S11): who read and changed what, when — ids only. */
  auditTrail(key: string, actor: DisciplineActor): Promise<AuditEntryView[]> {
    return this.gate.withCase(key, actor, async (tx, c, access) => {
      if (!canSee(access, 'audit_trail')) {
        throw new DomainError('forbidden', 'discipline.audit_trail_reserved', 'The audit trail of a case is for the Appeals Committee.');
      }
      await this.audit.record(
        tx,
        { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action: 'case.audit-trail-read', subjectType: AUDIT_SUBJECT, subjectId: c.id, data: {} },
        this.clock.now(),
      );
      return this.audit.trail(tx, AUDIT_SUBJECT, c.id);
    });
  }

  /** Cases a person is a party or witness to (as the domain lets them see them), and those they handle. */
  async mine(actor: DisciplineActor): Promise<CaseSummary[]> {
    return this.db.transaction(async (tx) => {
      const found: CaseSnapshot[] = [];
      if (actor.memberId) {
        found.push(...(await this.cases.namingMember(tx, actor.memberId)));
        found.push(...(await this.cases.handledBy(tx, actor.memberId)));
        if (actor.caseActor.isCommissioner) found.push(...(await this.cases.escalatedCandidates(tx, actor.memberId)));
      } else if (actor.caseActor.verifiedEmail) {
        found.push(...(await this.cases.filedByEmail(tx, actor.caseActor.verifiedEmail)));
      }
      return this.summaries(found, actor);
    });
  }

  /**
   * A commissioner's cases: seated on the panel or on duty, and not conflicted — and every case
   * escalated to the whole commission after a missed deadline (S6) for which they are cleared
   * (`commission_oversight`); never one in which they are conflicted (S3).
   */
  async handledBy(actor: DisciplineActor): Promise<CaseSummary[]> {
    if (!actor.memberId) return [];
    const memberId = actor.memberId;
    return this.db.transaction(async (tx) => {
      const found = await this.cases.handledBy(tx, memberId);
      if (actor.caseActor.isCommissioner) found.push(...(await this.cases.escalatedCandidates(tx, memberId)));
      return this.summaries(found, actor);
    });
  }

  /** Cases waiting for the Appeals Committee to appoint ad-hoc panelists, for a cleared committee member. */
  async adHocRequests(actor: DisciplineActor): Promise<(CaseSummary & { seatsToFill: number })[]> {
    if (!actor.memberId || !actor.caseActor.isAppealsCommitteeMember) return [];
    return this.db.transaction(async (tx) => {
      const all = await this.cases.awaitingAdHocPanel(tx);
      const cleared = all.filter((s) => s.recusal?.eligible.some((e) => e.memberId === actor.memberId && e.seat === 'appeals_member'));
      return this.summaries(cleared, actor).map((x) => ({ ...x, seatsToFill: cleared.find((s) => s.reference === x.reference)!.panel.adHocSeatsRequested }));
    });
  }

  private summaries(found: CaseSnapshot[], actor: DisciplineActor): CaseSummary[] {
    const seen = new Set<string>();
    const out: CaseSummary[] = [];
    for (const s of found) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      const access = caseAccess(s, actor.caseActor);
      if (access.role === 'none') continue;
      out.push(this.summary(s, access));
    }
    return out;
  }

  private summary(s: CaseSnapshot, access: CaseAccess): CaseSummary {
    const now = toMillis(this.clock.now().toISOString());
    const deadlines = deadlinesFor(s, this.settings.deadlines);
    const commissionSide = COMMISSION_SIDE.includes(access.role) && canSee(access, 'deadlines');
    return {
      reference: s.reference,
      role: access.role,
      stage: canSee(access, 'stage') ? s.stage : null,
      path: canSee(access, 'stage') ? s.path : null,
      receivedAt: s.receivedAt,
      deadlines: canSee(access, 'deadlines')
        ? deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt, metAt: d.metAt, overdue: d.metAt === null && now > toMillis(d.dueAt) }))
        : [],
      escalations: commissionSide
        ? s.escalations.map((e) => {
            const metAt = deadlines.find((d) => d.kind === e.deadline && d.dueAt === e.dueAt)?.metAt ?? null;
            const until = metAt === null ? now : toMillis(metAt);
            return { deadline: e.deadline, dueAt: e.dueAt, escalatedAt: e.escalatedAt, metAt, daysOverdue: Math.max(0, Math.floor((until - toMillis(e.dueAt)) / DAY_MS)) };
          })
        : [],
    };
  }

  private async render(tx: Tx, c: Case, access: CaseAccess, actor: DisciplineActor): Promise<CaseView> {
    const s = c.state;
    const full = canSee(access, 'full_record');
    const disclosure = complaintDisclosure(access);
    const withPeople = disclosure?.witnessesAndSupportPerson ?? false;
    const panelIds = s.panel.seats.map((x) => x.memberId);
    const people = [...(disclosure ? s.respondents : []), ...(withPeople ? [...s.witnesses, ...(s.supportPerson ? [s.supportPerson] : [])] : [])];
    const memberIds = [...(canSee(access, 'panel_membership') || full ? panelIds : []), ...people.flatMap((p) => (p.kind === 'member' ? [p.memberId] : []))];
    const names = await this.directory.names(tx, memberIds);
    // Every piece of content this view shows is opened in one read, recorded in the audit log with its items.
    const items: ContentItem[] = [];
    if (disclosure) {
      items.push(
        { item: 'narrative', ref: s.narrative },
        { item: 'where', ref: s.where },
        ...s.respondents.map((p, i) => ({ item: `respondent ${i + 1}`, ref: p.kind === 'non_member' ? p.description : null })),
      );
      if (withPeople) {
        items.push(
          ...s.witnesses.map((p, i) => ({ item: `witness ${i + 1}`, ref: p.kind === 'non_member' ? p.description : null })),
          { item: 'support person', ref: s.supportPerson?.kind === 'non_member' ? s.supportPerson.description : null },
        );
      }
    }
    if (full) {
      items.push(...s.interimDecisions.map((d) => ({ item: `interim decision ${d.id}`, ref: d.reasons })));
      items.push(...s.challenges.map((ch) => ({ item: `challenge ${ch.id}`, ref: ch.grounds })));
    }
    if (s.informalResolution && (full || access.role === 'complainant')) items.push({ item: 'informal resolution terms', ref: s.informalResolution.terms });
    const opened = await this.content.read(tx, c.id, items, actor.audit, disclosure?.scope ?? 'informal_terms');
    const attachments = disclosure?.complainantFiles ? await this.complainantFiles(tx, c, actor) : null;
    const text = (ref: string | null | undefined) => (ref ? opened.get(ref) ?? null : null);
    const person = (p: PersonRef): PersonView =>
      p.kind === 'member' ? { memberId: p.memberId, name: names.get(p.memberId) ?? null, description: null } : { memberId: null, name: null, description: text(p.description) };
    return {
      ...this.summary(s, access),
      seriousness: full || canSee(access, 'triage') || access.role === 'complainant' ? { ...s.seriousness } : null,
      panel: canSee(access, 'panel_membership') ? s.panel.seats.map((x) => ({ memberId: x.memberId, name: names.get(x.memberId) ?? null, source: x.source })) : null,
      timeline: canSee(access, 'own_timeline') ? timelineFor(c, actor.caseActor) : null,
      complaint: disclosure
        ? {
            scope: disclosure.scope,
            path: s.path,
            narrative: text(s.narrative),
            where: text(s.where),
            when: s.when ? { from: s.when.from, to: s.when.to ?? null } : null,
            respondents: s.respondents.map(person),
            witnesses: withPeople ? s.witnesses.map(person) : null,
            supportPerson: withPeople && s.supportPerson ? person(s.supportPerson) : null,
            matchingOptIn: disclosure.matchingChoice ? s.matchingOptIn : null,
            attachments,
          }
        : null,
      interimDecisions: full
        ? s.interimDecisions.map((d) => ({ id: d.id, decidedAt: d.decidedAt, outcome: d.outcome, measures: [...d.measures], reasons: text(d.reasons), endedAt: d.endedAt }))
        : null,
      challenges: full
        ? s.challenges.map((ch) => ({ id: ch.id, panelistId: ch.panelistId, challenger: ch.challenger, grounds: text(ch.grounds), decided: ch.decision !== null, upheld: ch.decision?.upheld ?? null }))
        : null,
      draws: full ? [...s.panel.draws] : null,
      informalResolution:
        s.informalResolution && (full || access.role === 'complainant')
          ? { proposedAt: s.informalResolution.proposedAt, terms: text(s.informalResolution.terms), confirmedAt: s.informalResolution.confirmedAt }
          : null,
    };
  }

  /**
   * The files the complainant submitted to the case (described, never their content), opened
   * with the case key; the read is recorded in the audit log with the files' ids.
   */
  private async complainantFiles(tx: Tx, c: Case, actor: DisciplineActor): Promise<ComplaintFileView[]> {
    const who = c.state.complainant;
    const personId = who.kind === 'non_member' ? personIdOfEmail(who.email) : who.memberId;
    const rows = await this.files.submittedBy(tx, c.id, [personId]);
    if (rows.length === 0) return [];
    const out: ComplaintFileView[] = [];
    for (const r of rows) {
      const meta = JSON.parse(await this.content.openValue(tx, c.id, `evidence-meta:${r.id}`, r.sealedMeta)) as ComplaintFileView;
      out.push({ evidenceId: meta.evidenceId, fileName: meta.fileName, contentType: meta.contentType, sizeBytes: meta.sizeBytes, sha256: meta.sha256, submittedAt: meta.submittedAt });
    }
    await this.content.recordRead(tx, c.id, actor.audit, 'complainant_files', rows.map((r) => ({ item: `file ${r.id}`, ref: r.id })));
    return out;
  }
}
