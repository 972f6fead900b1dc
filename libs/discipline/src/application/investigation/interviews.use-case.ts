import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { Interview, type InterviewSnapshot } from '../../domain/investigation/interview.entity';
import type { SupportPerson } from '../../domain/investigation/statement-register.entity';
import { InvestigationRepository } from '../ports/investigation.repository';
import type { CaseFile } from '../access/case-file';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import { notAPanelist } from '../finding/deliberate.use-case';
import type { DisciplineActor } from '../access/discipline-actor';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

const interviewNotFound = () => new DomainError('not_found', 'discipline.interview.not_found', 'This case has no such interview.');

/**
 * Interviews without ambush (S12): scheduled by the panel with their topics stated to the
 * person at least 48 hours ahead (they are told at once); topics and time cannot change with
 * less notice; the person names a support person, who is recorded, and whether they attended.
 */
@Injectable()
export class InterviewsUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly repo: InvestigationRepository,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async schedule(actor: DisciplineActor, key: string, input: { personId: string; scheduledFor: string; topics: string[]; supportPerson?: SupportPerson | null }): Promise<InterviewSnapshot> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      this.assertParticipant(file, input.personId);
      const t = Interview.schedule({
        interviewId: randomUUID(),
        caseId,
        personId: input.personId,
        scheduledFor: input.scheduledFor,
        topics: input.topics,
        supportPerson: input.supportPerson ?? null,
        scheduledBy: actor.memberId as string,
        now: now.toISOString(),
      });
      await this.repo.saveInterview(m, t.next, now.toISOString());
      await this.notifier.notifyPeople(m, [input.personId]);
      await this.record(m, actor, caseId, 'interview.scheduled', { interviewId: t.next.toSnapshot().interviewId }, now);
      return t.next.toSnapshot();
    });
  }

  async change(
    actor: DisciplineActor,
    key: string,
    interviewId: string,
    change:
      | { kind: 'topics'; topics: string[] }
      | { kind: 'reschedule'; scheduledFor: string }
      | { kind: 'support_person'; supportPerson: SupportPerson | null }
      | { kind: 'held'; supportPersonAttended: boolean }
      | { kind: 'cancel'; reason: string },
  ): Promise<InterviewSnapshot> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const at = now.toISOString();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      const role = file.roleOf(actor);
      if (role === 'none') file.requireRole(actor, [], notAPanelist);
      const interview = (await this.repo.interviews(m, caseId)).find((i) => i.toSnapshot().interviewId === interviewId);
      const interviewee = interview?.toSnapshot().personId;
      if (!interview || (role !== 'panelist' && interviewee !== actor.personId)) throw interviewNotFound();
      if (change.kind === 'support_person') {
        if (interviewee !== actor.personId) {
          throw new DomainError('forbidden', 'discipline.interview.support_person_by_interviewee', 'The person interviewed chooses their support person.');
        }
      } else if (role !== 'panelist') {
        throw notAPanelist();
      }
      const t =
        change.kind === 'topics'
          ? interview.changeTopics({ topics: change.topics, now: at })
          : change.kind === 'reschedule'
            ? interview.reschedule({ scheduledFor: change.scheduledFor, now: at })
            : change.kind === 'support_person'
              ? interview.setSupportPerson({ supportPerson: change.supportPerson, now: at })
              : change.kind === 'held'
                ? interview.recordHeld({ supportPersonAttended: change.supportPersonAttended, now: at })
                : interview.cancel({ reason: change.reason, now: at });
      await this.repo.saveInterview(m, t.next, at);
      await this.notifier.notifyPeople(m, role === 'panelist' ? [interviewee as string] : file.panelistIds());
      await this.record(m, actor, caseId, `interview.${change.kind}`, { interviewId }, now);
      return t.next.toSnapshot();
    });
  }

  /** The panel sees every interview; a person sees their own (with the topics, in advance). */
  async list(actor: DisciplineActor, key: string): Promise<InterviewSnapshot[]> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, ['panelist', 'appeals_panelist', 'complainant', 'respondent', 'witness'], notAPanelist);
      const all = (await this.repo.interviews(m, caseId)).map((i) => i.toSnapshot());
      const visible = role === 'panelist' || role === 'appeals_panelist' ? all : all.filter((i) => i.personId === actor.personId);
      await this.record(m, actor, caseId, 'case.content-read', { what: 'interviews', count: visible.length }, this.clock.now());
      return visible;
    });
  }

  private assertParticipant(file: CaseFile, personId: string): void {
    const p = file.participants();
    if (![...p.complainantIds, ...p.respondentIds, ...p.witnessIds].includes(personId)) {
      throw new DomainError('invalid', 'discipline.interview.not_a_participant', 'The panel interviews the parties and witnesses of this case only.');
    }
  }

  private record(m: Tx, actor: DisciplineActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}
