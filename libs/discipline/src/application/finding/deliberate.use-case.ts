import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock, type Tx } from '@org/platform';
import { Finding } from '../../domain/finding/finding.entity';
import { FindingErrorCode, findingError } from '../../domain/finding/finding.errors';
import type { Verdict } from '../../domain/finding/majority.policy';
import type { Sanction } from '../../domain/finding/sanction.value-object';
import { FindingRepository } from '../ports/finding.repository';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import type { CaseFile, ProceedingsRole } from '../access/case-file';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import type { DisciplineActor } from '../access/discipline-actor';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { CaseRepository } from '../ports/case.repository';
import { CaseStore } from '../access/case-store.service';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

export const notAPanelist = (): DomainError =>
  findingError('forbidden', FindingErrorCode.NotAPanelist, 'Only the members of the panel now deciding this case can do this.');

export const findingNotFound = (): DomainError =>
  new DomainError('not_found', 'discipline.finding.not_found', 'This case has no such finding.');

/** What a person may see of a finding, by their role in the case. */
export interface FindingView {
  readonly findingId: string;
  readonly respondentId: string;
  readonly status: string;
  readonly remandOf: string | null;
  readonly panelistIds: readonly string[];
  readonly votes?: readonly { panelistId: string; verdict: Verdict; proposedSanction: Sanction; castAt: string }[];
  readonly outstandingVoters?: readonly string[];
  readonly decision: {
    readonly upheld: boolean;
    readonly voteCount: string;
    readonly counts: { uphold: number; notUphold: number };
    readonly sanction: Sanction;
    readonly rule: string;
    readonly reasons: string;
    readonly decidedAt: string;
  } | null;
  readonly appealDeadline: string | null;
  readonly finalAt: string | null;
  readonly finalSanction: Sanction | null;
  readonly appealOutcome: string | null;
}

/**
 * The panel's deliberation (S7): a finding is opened for each respondent who is a member; each
 * panelist of the panel now deciding votes once; the panel decides by majority with written
 * reasons and the rule considered, the counts recorded from the votes; the parties are told and
 * the appeal window opens at once. The case moves to `finding`.
 */
@Injectable()
export class DeliberateUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly findings: FindingRepository,
    private readonly cases: CaseRepository,
    private readonly store: CaseStore,
    private readonly directory: MemberDirectoryRepository,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  async open(actor: DisciplineActor, key: string, respondentId: string): Promise<{ findingId: string }> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      if (!['investigating', 'finding'].includes(file.c.stage)) {
        throw new DomainError('conflict', 'discipline.stage_does_not_allow', 'A finding is opened once the panel has begun its investigation.');
      }
      if (file.c.path !== 'formal') {
        throw new DomainError(
          'conflict',
          'discipline.finding.path_not_formal',
          'The complainant chose informal resolution: the panel proposes a resolution, it makes no finding. Only the complainant can move the case to a formal investigation.',
        );
      }
      if (!file.respondentMemberIds().includes(respondentId)) {
        throw new DomainError('invalid', 'discipline.finding.not_a_respondent', 'A finding is about a respondent of this case who is a member: choose one of them.');
      }
      const live = file.liveFindings().find((f) => f.respondentId === respondentId);
      if (live) return { findingId: live.findingId };
      const finding = Finding.open({
        findingId: randomUUID(),
        caseId,
        respondentId,
        complainantIds: file.complainantIds(),
        panelistIds: file.panelistIds(),
        excludedPanelistIds: file.formerPanelistIds(),
        appealWindowDays: this.settings.appealWindowDays,
        now: now.toISOString(),
      });
      await this.findings.insert(m, finding);
      await this.record(m, actor, caseId, 'finding.opened', { findingId: finding.findingId }, now);
      return { findingId: finding.findingId };
    });
  }

  async vote(actor: DisciplineActor, key: string, findingId: string, input: { verdict: Verdict; proposedSanction?: Sanction }): Promise<{ outstanding: number }> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      const finding = this.liveFinding(file, findingId);
      const t = finding.castVote({ panelistId: actor.memberId as string, verdict: input.verdict, proposedSanction: input.proposedSanction, now: now.toISOString() });
      await this.findings.update(m, t.next);
      await this.record(m, actor, caseId, 'finding.vote-cast', { findingId }, now);
      return { outstanding: t.next.outstandingVoters().length };
    });
  }

  async decide(actor: DisciplineActor, key: string, findingId: string, input: { rule: string; reasons: string; sanctionWording?: string }): Promise<FindingView> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const at = now.toISOString();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      const finding = this.liveFinding(file, findingId);
      // The rule is published with the outcome (S8): it may never name the complainant or a witness.
      const forbidden = await this.directory.namesOf(m, [...file.complainantMemberIds(), ...file.witnessMemberIds()]);
      const rule = typeof input.rule === 'string' ? input.rule : '';
      if (forbidden.some((t) => rule.toLocaleLowerCase().includes(t.toLocaleLowerCase()))) {
        throw new DomainError(
          'unprocessable',
          'discipline.finding.rule_names_a_person',
          'The rule is published with the outcome, so it may not name the complainant or a witness. State the rule of the code or statutes only.',
        );
      }
      const decided = finding.decide({ rule: input.rule, reasons: input.reasons, sanctionWording: input.sanctionWording, now: at });
      const notified = decided.next.notifyParties(at);
      await this.findings.update(m, notified.next);
      if (file.c.stage === 'investigating') {
        const events = file.c.advanceToStage('finding', at);
        await this.store.save(m, file.c, events, { actorId: actor.memberId, actorKind: 'member' });
      }
      await this.notifier.notifyPeople(m, [...file.complainantIds(), notified.next.respondentId]);
      const d = notified.next.decision!;
      await this.record(m, actor, caseId, 'finding.decided', { findingId, upheld: d.upheld, counts: d.counts, appealDeadline: notified.next.appealDeadline }, now);
      return viewOf(notified.next, 'panelist', actor);
    });
  }

  /** The findings of a case as this person may see them (reading them is audited: they hold reasons). */
  async list(actor: DisciplineActor, key: string): Promise<FindingView[]> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, ['panelist', 'appeals_panelist', 'complainant', 'respondent'], () =>
        new DomainError('forbidden', 'discipline.finding.not_visible', 'Findings are shown to the parties and to the panels of the case.'),
      );
      const visible = file.findings.filter((f) => role !== 'respondent' || f.respondentId === actor.memberId);
      await this.record(m, actor, caseId, 'case.content-read', { what: 'findings', count: visible.length }, this.clock.now());
      return visible.map((f) => viewOf(f, role, actor));
    });
  }

  private liveFinding(file: CaseFile, findingId: string): Finding {
    const f = file.finding(findingId);
    if (!f) throw findingNotFound();
    return f;
  }

  private record(m: Tx, actor: DisciplineActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}

export function viewOf(f: Finding, role: ProceedingsRole, _actor: DisciplineActor): FindingView {
  const s = f.toSnapshot();
  const panel = role === 'panelist' || role === 'appeals_panelist';
  return {
    findingId: s.findingId,
    respondentId: s.respondentId,
    status: s.status,
    remandOf: s.remandOf,
    panelistIds: s.panelistIds,
    ...(panel ? { votes: s.votes, outstandingVoters: f.outstandingVoters() } : {}),
    decision: s.decision
      ? {
          upheld: s.decision.upheld,
          voteCount: f.voteCountLabel() as string,
          counts: s.decision.counts,
          sanction: s.decision.sanction,
          rule: s.decision.rule,
          reasons: s.decision.reasons,
          decidedAt: s.decision.decidedAt,
        }
      : null,
    appealDeadline: s.appealDeadline,
    finalAt: s.finalAt,
    finalSanction: s.finalSanction,
    appealOutcome: s.appealOutcome?.outcome ?? null,
  };
}
