import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import type { StatementRecord, StatementRegister, StatementRole, SupportPerson } from '../../domain/investigation/statement-register.entity';
import { InvestigationRepository } from '../ports/investigation.repository';
import type { CaseFile, ProceedingsRole } from '../access/case-file';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import { notAPanelist } from '../finding/deliberate.use-case';
import type { DisciplineActor } from '../access/discipline-actor';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

const OWN_ROLES: readonly ProceedingsRole[] = ['complainant', 'respondent', 'witness'];

/** The complaint's statement has one id per case, whenever the register is read. */
function complaintStatementId(caseId: string): string {
  const h = createHash('sha256').update(`complaint-statement:${caseId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * One statement, no ambush (S12). The complaint the complainant filed is their first statement;
 * nobody asks for it or writes it again. The panel asks a respondent or witness for their
 * statement once; the person gives it (in writing, with a support person if they wish, who is
 * recorded), or the panel writes down what they said at an interview they attended, which becomes
 * their statement only when they approve the words. Asking again is refused with the id of the
 * statement that exists, which the panel reuses. To learn more, the panel asks specific questions
 * (an addendum request), never for a retelling; only the person adds to their statement
 * (addenda). Statements are read by the panel (and the appeals panel); each person reads their own.
 */
@Injectable()
export class StatementsUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly repo: InvestigationRepository,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async request(actor: DisciplineActor, key: string, input: { personId: string }): Promise<{ statementId: string }> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      const role = this.roleOfPerson(file, input.personId);
      const t = (await this.register(m, file)).request({
        statementId: randomUUID(),
        personId: input.personId,
        role,
        requestedBy: actor.memberId as string,
        now: now.toISOString(),
      });
      await this.repo.saveStatements(m, caseId, t.next, now.toISOString());
      await this.notifier.notifyPeople(m, [input.personId]);
      const statementId = t.next.statementOf(input.personId)!.statementId;
      await this.record(m, actor, caseId, 'statement.requested', { statementId }, now);
      return { statementId };
    });
  }

  /**
   * Records a statement: the person's own (written), or, by a panelist, what a person said at an
   * interview they attended (`personId`, `interviewId`), which waits for the person's approval.
   * Given once; afterwards only the person adds addenda.
   */
  async give(
    actor: DisciplineActor,
    key: string,
    input: { text: string; personId?: string; interviewId?: string; supportPerson?: SupportPerson | null },
  ): Promise<{ statementId: string; status: StatementRecord['status'] }> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, [...OWN_ROLES, 'panelist'], () =>
        new DomainError('forbidden', 'discipline.statement.invalid', 'Statements are given by the parties and witnesses, or recorded by the panel from an interview.'),
      );
      const byPanel = role === 'panelist';
      const personId = byPanel ? input.personId : actor.personId;
      if (!personId) throw new DomainError('invalid', 'discipline.statement.invalid', 'Say whose statement the panel is recording (personId), and at which interview they said it (interviewId).');
      if (!byPanel && input.personId && input.personId !== actor.personId) {
        throw new DomainError('forbidden', 'discipline.statement.invalid', 'You can give only your own statement.');
      }
      const register = await this.register(m, file);
      const common = {
        statementId: randomUUID(),
        personId,
        role: this.roleOfPerson(file, personId),
        text: input.text,
        recordedBy: actor.personId as string,
        supportPerson: input.supportPerson ?? null,
        now: now.toISOString(),
      };
      let t;
      if (byPanel) {
        const interview = input.interviewId ? (await this.repo.interviews(m, caseId)).map((i) => i.toSnapshot()).find((i) => i.interviewId === input.interviewId) ?? null : null;
        t = register.recordFromInterview({ ...common, interview: interview ? { interviewId: interview.interviewId, personId: interview.personId, status: interview.status } : null });
      } else {
        t = register.record({ ...common, source: 'written' });
      }
      await this.repo.saveStatements(m, caseId, t.next, now.toISOString());
      await this.notifier.notifyPeople(m, byPanel ? [personId] : file.panelistIds());
      const st = t.next.statementOf(personId)!;
      await this.record(m, actor, caseId, byPanel ? 'statement.transcribed' : 'statement.recorded', { statementId: st.statementId, source: byPanel ? 'interview' : 'written' }, now);
      return { statementId: st.statementId, status: st.status };
    });
  }

  /** The person approves the words the panel wrote down from their interview: now it is their statement. */
  async approve(actor: DisciplineActor, key: string, statementId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, OWN_ROLES, () => new DomainError('forbidden', 'discipline.statement.approval_only_by_person', 'Only the person whose words these are can approve them.'));
      const t = (await this.register(m, file)).approve({ statementId, personId: actor.personId as string, now: now.toISOString() });
      await this.repo.saveStatements(m, caseId, t.next, now.toISOString());
      await this.notifier.notifyPeople(m, file.panelistIds());
      await this.record(m, actor, caseId, 'statement.approved', { statementId }, now);
    });
  }

  /** The panel asks the person specific questions about their statement (the complaint, for the complainant). */
  async requestAddendum(actor: DisciplineActor, key: string, statementId: string, questions: readonly string[]): Promise<{ requestId: string }> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      const requestId = randomUUID();
      const t = (await this.register(m, file)).requestAddendum({ statementId, requestId, questions, requestedBy: actor.memberId as string, now: now.toISOString() });
      await this.repo.saveStatements(m, caseId, t.next, now.toISOString());
      const personId = t.next.toSnapshot().statements.find((st) => st.statementId === statementId)!.personId;
      await this.notifier.notifyPeople(m, [personId]);
      await this.record(m, actor, caseId, 'statement.addendum-requested', { statementId, requestId, questions: questions.length }, now);
      return { requestId };
    });
  }

  async addAddendum(actor: DisciplineActor, key: string, statementId: string, text: string, requestId?: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, OWN_ROLES, () => new DomainError('forbidden', 'discipline.statement.addendum_only_by_author', 'Only the person who gave a statement can add to it.'));
      const t = (await this.register(m, file)).addAddendum({ statementId, addendumId: randomUUID(), authorId: actor.personId as string, text, requestId: requestId ?? null, now: now.toISOString() });
      await this.repo.saveStatements(m, caseId, t.next, now.toISOString());
      await this.notifier.notifyPeople(m, file.panelistIds());
      await this.record(m, actor, caseId, 'statement.addendum-added', { statementId }, now);
    });
  }

  async list(actor: DisciplineActor, key: string): Promise<readonly StatementRecord[]> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, [...OWN_ROLES, 'panelist', 'appeals_panelist'], () =>
        new DomainError('forbidden', 'discipline.statement.not_visible', 'Statements are read by the panel; each person reads their own.'),
      );
      const all = (await this.register(m, file)).toSnapshot().statements.map((st) => ({
        ...st,
        interviewId: st.interviewId ?? null,
        approvedAt: st.approvedAt ?? null,
        addendumRequests: st.addendumRequests ?? [],
      }));
      const visible = role === 'panelist' || role === 'appeals_panelist' ? all : all.filter((s) => s.personId === actor.personId);
      await this.record(m, actor, caseId, 'case.content-read', { what: 'statements', count: visible.length }, this.clock.now());
      return visible;
    });
  }

  /** The case's statements, the complaint counted as the complainant's first statement (S12). */
  private async register(m: Tx, file: CaseFile): Promise<StatementRegister> {
    const register = await this.repo.statements(m, file.caseId);
    const [complainant] = file.complainantIds();
    return register.withComplaintStatement({ statementId: complaintStatementId(file.caseId), personId: complainant, filedAt: file.c.state.receivedAt });
  }

  private roleOfPerson(file: CaseFile, personId: string): StatementRole {
    if (file.complainantIds().includes(personId)) return 'complainant';
    if (file.respondentMemberIds().includes(personId)) return 'respondent';
    if (file.witnessMemberIds().includes(personId)) return 'witness';
    throw new DomainError('invalid', 'discipline.statement.invalid', 'Statements are taken from the parties and witnesses of this case only.');
  }

  private record(m: Tx, actor: DisciplineActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}
