import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock, DISCIPLINE_CONNECTION } from '@org/platform';
import type { StatementRecord, StatementRole, SupportPerson } from '../../domain/investigation/statement-register.entity';
import { InvestigationSqlRepository } from '../../infrastructure/part2/investigation.sql-repository';
import type { CaseFile, ProceedingsRole } from '../finding/case-file';
import { CaseFiles } from '../finding/case-files';
import { CaseUpdates } from '../finding/case-updates';
import { notAPanelist } from '../finding/deliberate.use-case';
import type { ProceedingsActor } from '../finding/proceedings-actor';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';

const OWN_ROLES: readonly ProceedingsRole[] = ['complainant', 'respondent', 'witness'];

/**
 * One statement, no ambush (S12). The panel asks a party or witness for their statement once;
 * the person gives it (in writing, with a support person if they wish, who is recorded), or the
 * panel records what they said at an interview. Asking again is refused with the id of the
 * statement that exists, which the panel reuses. Only the person adds to it (addenda).
 * Statements are read by the panel (and the appeals panel); each person reads their own.
 */
@Injectable()
export class StatementsUseCase {
  constructor(
    @InjectDataSource(DISCIPLINE_CONNECTION) private readonly ds: DataSource,
    private readonly files: CaseFiles,
    private readonly repo: InvestigationSqlRepository,
    private readonly updates: CaseUpdates,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async request(actor: ProceedingsActor, key: string, input: { personId: string }): Promise<{ statementId: string }> {
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.files.load(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], notAPanelist);
      const role = this.roleOfPerson(file, input.personId);
      const t = (await this.repo.statements(m, caseId)).request({
        statementId: randomUUID(),
        personId: input.personId,
        role,
        requestedBy: actor.memberId as string,
        now: now.toISOString(),
      });
      await this.repo.saveStatements(m, caseId, t.next, now.toISOString());
      await this.updates.notify(m, [input.personId]);
      const statementId = t.next.statementOf(input.personId)!.statementId;
      await this.record(m, actor, caseId, 'statement.requested', { statementId }, now);
      return { statementId };
    });
  }

  /**
   * Records a statement: the person's own (written), or, by a panelist, what a person said at an
   * interview (`personId`). Given once; afterwards only the person adds addenda.
   */
  async give(actor: ProceedingsActor, key: string, input: { text: string; personId?: string; supportPerson?: SupportPerson | null }): Promise<{ statementId: string }> {
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.files.load(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, [...OWN_ROLES, 'panelist'], () =>
        new DomainError('forbidden', 'discipline.statement.invalid', 'Statements are given by the parties and witnesses, or recorded by the panel.'),
      );
      const byPanel = role === 'panelist';
      const personId = byPanel ? input.personId : actor.personId;
      if (!personId) throw new DomainError('invalid', 'discipline.statement.invalid', 'Say whose statement the panel is recording (personId).');
      if (!byPanel && input.personId && input.personId !== actor.personId) {
        throw new DomainError('forbidden', 'discipline.statement.invalid', 'You can give only your own statement.');
      }
      const t = (await this.repo.statements(m, caseId)).record({
        statementId: randomUUID(),
        personId,
        role: this.roleOfPerson(file, personId),
        text: input.text,
        source: byPanel ? 'interview' : 'written',
        recordedBy: actor.personId as string,
        supportPerson: input.supportPerson ?? null,
        now: now.toISOString(),
      });
      await this.repo.saveStatements(m, caseId, t.next, now.toISOString());
      await this.updates.notify(m, byPanel ? [personId] : file.panelistIds());
      const statementId = t.next.statementOf(personId)!.statementId;
      await this.record(m, actor, caseId, 'statement.recorded', { statementId, source: byPanel ? 'interview' : 'written' }, now);
      return { statementId };
    });
  }

  async addAddendum(actor: ProceedingsActor, key: string, statementId: string, text: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.files.load(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, OWN_ROLES, () => new DomainError('forbidden', 'discipline.statement.addendum_only_by_author', 'Only the person who gave a statement can add to it.'));
      const t = (await this.repo.statements(m, caseId)).addAddendum({ statementId, addendumId: randomUUID(), authorId: actor.personId as string, text, now: now.toISOString() });
      await this.repo.saveStatements(m, caseId, t.next, now.toISOString());
      await this.updates.notify(m, file.panelistIds());
      await this.record(m, actor, caseId, 'statement.addendum-added', { statementId }, now);
    });
  }

  async list(actor: ProceedingsActor, key: string): Promise<readonly StatementRecord[]> {
    return this.ds.transaction(async (m) => {
      const file = await this.files.load(m, key, { actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, [...OWN_ROLES, 'panelist', 'appeals_panelist'], () =>
        new DomainError('forbidden', 'discipline.statement.not_visible', 'Statements are read by the panel; each person reads their own.'),
      );
      const all = (await this.repo.statements(m, caseId)).toSnapshot().statements;
      const visible = role === 'panelist' || role === 'appeals_panelist' ? all : all.filter((s) => s.personId === actor.personId);
      await this.record(m, actor, caseId, 'case.content-read', { what: 'statements', count: visible.length }, this.clock.now());
      return visible;
    });
  }

  private roleOfPerson(file: CaseFile, personId: string): StatementRole {
    if (file.complainantIds().includes(personId)) return 'complainant';
    if (file.respondentMemberIds().includes(personId)) return 'respondent';
    if (file.witnessMemberIds().includes(personId)) return 'witness';
    throw new DomainError('invalid', 'discipline.statement.invalid', 'Statements are taken from the parties and witnesses of this case only.');
  }

  private record(m: EntityManager, actor: ProceedingsActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.auditRef.id, actorKind: actor.auditRef.kind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}
