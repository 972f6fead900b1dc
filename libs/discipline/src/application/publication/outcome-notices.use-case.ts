import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { CaseMessage } from '../../domain/investigation/case-message.entity';
import type { OutcomeNotice } from '../../domain/outcome/outcome-notice.entity';
import { InvestigationRepository } from '../ports/investigation.repository';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import { OutcomeNoticeRepository } from '../ports/outcome-notice.repository';
import type { CaseFile } from '../access/case-file';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import { notAPanelist } from '../finding/deliberate.use-case';
import type { DisciplineActor } from '../access/discipline-actor';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

export interface OutcomeNoticeDraftView {
  readonly noticeId: string;
  readonly status: string;
  readonly text: string;
  readonly reviewEndsAt: string;
  readonly publishAt: string;
  readonly delay: { until: string; reason: string; decidedAt: string } | null;
}

const noticeNotFound = () => new DomainError('not_found', 'discipline.outcome_notice.not_found', 'This case has no such outcome notice.');

/**
 * Before publication (S8): the complainant reviews the wording (their comments go to the panel
 * as case messages — the only channel to a panel); the panel may adjust the wording (never the
 * facts, never naming the complainant or a witness) until the review ends, and may delay
 * publication once, by up to 14 days, with a recorded reason. Nothing here can stop it.
 */
@Injectable()
export class OutcomeNoticesUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly notices: OutcomeNoticeRepository,
    private readonly investigation: InvestigationRepository,
    private readonly directory: MemberDirectoryRepository,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(actor: DisciplineActor, key: string): Promise<OutcomeNoticeDraftView[]> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['complainant', 'respondent', 'panelist'], () =>
        new DomainError('forbidden', 'discipline.outcome_notice.not_visible', 'The draft of an outcome notice is shown to the parties and to the panel.'),
      );
      const notices = await this.notices.ofCase(m, caseId);
      const visible = notices.filter((n) => file.roleOf(actor) !== 'respondent' || this.respondentOf(file, n) === actor.memberId);
      return visible.map(view);
    });
  }

  /** The complainant's comment on the wording: a message to the panel, and the time noted on the notice. */
  async comment(actor: DisciplineActor, key: string, noticeId: string, text: string): Promise<OutcomeNoticeDraftView> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const at = now.toISOString();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['complainant'], () =>
        new DomainError('forbidden', 'discipline.outcome_notice.review_reserved_to_complainant', 'Only the complainant reviews the wording of the notice before publication.'),
      );
      const notice = await this.noticeOf(m, caseId, noticeId);
      const noted = notice.noteComplainantComment(at);
      const message = CaseMessage.compose({
        messageId: randomUUID(),
        caseId,
        participants: file.participants(),
        senderId: actor.personId as string,
        senderIsOfficer: false,
        audience: { kind: 'panel' },
        text,
        now: at,
      });
      await this.investigation.insertMessage(m, message.next);
      await this.notices.update(m, caseId, noted.next);
      await this.notifier.notifyPeople(m, message.events[0]?.notify ?? []);
      await this.record(m, actor, caseId, 'outcome-notice.complainant-commented', { noticeId, messageId: message.next.messageId }, now);
      return view(noted.next);
    });
  }

  async adjustWording(actor: DisciplineActor, key: string, noticeId: string, wording: string): Promise<OutcomeNoticeDraftView> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      const notice = await this.noticeOf(m, caseId, noticeId);
      const mustNotMention = await this.directory.namesOf(m, [...file.complainantMemberIds(), ...file.witnessMemberIds()]);
      const next = notice.adjustWording({ wording, by: actor.memberId as string, now: now.toISOString(), mustNotMention }).next;
      await this.notices.update(m, caseId, next);
      await this.notifier.notifyPeople(m, file.complainantIds());
      await this.record(m, actor, caseId, 'outcome-notice.wording-adjusted', { noticeId }, now);
      return view(next);
    });
  }

  /** The panel's one delay, up to 14 days after the review window, with a recorded reason. */
  async delay(actor: DisciplineActor, key: string, noticeId: string, input: { until: string; reason: string }): Promise<OutcomeNoticeDraftView> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      const notice = await this.noticeOf(m, caseId, noticeId);
      if (!file.findings.some((f) => f.findingId === notice.toSnapshot().findingId && f.panelistIds.includes(actor.memberId ?? ''))) throw notAPanelist();
      const next = notice.delay({ until: input.until, reason: input.reason, by: actor.memberId as string, now: now.toISOString() }).next;
      await this.notices.update(m, caseId, next);
      await this.notifier.notifyPeople(m, [...file.complainantIds(), ...file.respondentMemberIds()]);
      await this.record(m, actor, caseId, 'outcome-notice.delayed', { noticeId, until: next.publishAt }, now);
      return view(next);
    });
  }

  private async noticeOf(m: Tx, caseId: string, noticeId: string): Promise<OutcomeNotice> {
    const found = await this.notices.one(m, noticeId, true);
    if (!found || found.caseId !== caseId) throw noticeNotFound();
    return found.notice;
  }

  private respondentOf(file: CaseFile, n: OutcomeNotice): string | null {
    return file.findings.find((f) => f.findingId === n.toSnapshot().findingId)?.respondentId ?? null;
  }

  private record(m: Tx, actor: DisciplineActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}

function view(n: OutcomeNotice): OutcomeNoticeDraftView {
  const s = n.toSnapshot();
  return {
    noticeId: s.noticeId,
    status: s.status,
    text: n.render(),
    reviewEndsAt: s.reviewEndsAt,
    publishAt: s.publishAt,
    delay: s.delay ? { until: s.delay.until, reason: s.delay.reason, decidedAt: s.delay.decidedAt } : null,
  };
}
