import { Injectable } from '@nestjs/common';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import type { CasePath, PersonRef } from '../../domain';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import { CaseGate } from '../access/case-gate.service';
import { CaseStore } from '../access/case-store.service';
import type { DisciplineActor } from '../access/discipline-actor';
import { CaseContentService } from '../case-content/case-content.service';
import { RecomputeRecusal } from '../recusal/recompute-recusal.service';
import type { PersonInput } from './complaint.input';

export interface CaseStageResult {
  reference: string;
  stage: string;
  path: string;
}

/**
 * What the parties do on their own case (S4, S12): choose or change the path — the complainant
 * and nobody else —, withdraw, confirm an informal resolution, and name further people. Each
 * runs through the case gate (someone without a role gets "not found"), asks the aggregate, and
 * saves with audit and notifications in one transaction. Naming someone recomputes recusal at
 * once (a panelist now conflicted is replaced by a fresh draw).
 */
@Injectable()
export class ComplainantActions {
  constructor(
    private readonly gate: CaseGate,
    private readonly store: CaseStore,
    private readonly content: CaseContentService,
    private readonly recompute: RecomputeRecusal,
    private readonly directory: MemberDirectoryRepository,
    private readonly clock: Clock,
  ) {}

  changePath(key: string, actor: DisciplineActor, to: CasePath, consent: boolean | undefined): Promise<CaseStageResult> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const now = this.clock.now();
      const events = c.changePath(actor.caseActor, to, { consent }, now.toISOString());
      if (events.length > 0) events.push(...(await this.recompute.run(tx, c, now, 'path_changed')).events);
      await this.store.save(tx, c, events, actor.audit);
      return { reference: c.reference, stage: c.stage, path: c.path };
    });
  }

  withdraw(key: string, actor: DisciplineActor): Promise<CaseStageResult> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const events = c.withdraw(actor.caseActor, this.clock.now().toISOString());
      await this.store.save(tx, c, events, actor.audit);
      return { reference: c.reference, stage: c.stage, path: c.path };
    });
  }

  confirmInformalResolution(key: string, actor: DisciplineActor): Promise<CaseStageResult> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const events = c.confirmInformalResolution(actor.caseActor, this.clock.now().toISOString());
      await this.store.save(tx, c, events, actor.audit);
      return { reference: c.reference, stage: c.stage, path: c.path };
    });
  }

  addParticipant(key: string, actor: DisciplineActor, role: 'respondent' | 'witness' | 'support_person', person: PersonInput): Promise<CaseStageResult> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const now = this.clock.now();
      if (!person.memberId && !(typeof person.description === 'string' && person.description.trim())) {
        throw new DomainError('invalid', 'discipline.invalid_complaint', 'Pick a member from the directory or describe the person.');
      }
      if (person.memberId && (await this.directory.unknown(tx, [person.memberId])).length > 0) {
        throw new DomainError('invalid', 'discipline.invalid_complaint', 'This person is not in the member directory: pick them from the directory, or describe them instead.');
      }
      const sealer = await this.content.forCase(tx, c.id);
      const ref: PersonRef = person.memberId
        ? { kind: 'member', memberId: person.memberId }
        : { kind: 'non_member', description: sealer.seal(role === 'support_person' ? 'support-person' : role, person.description!, actor.memberId) };
      const events = c.addParticipant(actor.caseActor, role, ref, now.toISOString());
      await sealer.flush(tx);
      events.push(...(await this.recompute.run(tx, c, now, 'participant_added')).events);
      await this.store.save(tx, c, events, actor.audit);
      return { reference: c.reference, stage: c.stage, path: c.path };
    });
  }
}
