import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { ReadmissionDecision, type ComplainantConsultation, type ReadmissionDecisionSnapshot } from '../../domain/readmission/readmission-decision.entity';
import { ReadmissionErrorCode, readmissionError } from '../../domain/readmission/readmission.errors';
import { assertMayRejoin } from '../../domain/readmission/rejoin.policy';
import { FindingRepository } from '../ports/finding.repository';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import { ReadmissionRepository } from '../ports/readmission.repository';
import { SanctionEffectsWriter } from '../ports/sanction-effects.port';
import type { CaseFile } from '../access/case-file';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import type { DisciplineActor } from '../access/discipline-actor';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

export interface ReadmissionFile {
  readonly memberId: string;
  /** Whether a rejoin application is refused today (the membership context reads the same fact). */
  readonly readmissionRequired: boolean;
  readonly expulsions: readonly { findingId: string; finalAt: string; complainants: readonly { personId: string; name: string | null }[] }[];
  readonly decisions: readonly (ReadmissionDecisionSnapshot & { decidedBy: string })[];
}

const notExpelled = () => readmissionError('not_found', ReadmissionErrorCode.NotExpelled, 'This person has no final expulsion on record, so there is no readmission to decide.');

/**
 * Readmission (S9): an expelled person rejoins only by a decision of the Control Commission,
 * which cannot be recorded without a consultation of every complainant of the expulsion (their
 * view, or a recorded reasonable effort to reach them). A `readmit` decision ends the
 * expulsion's restrictions and removes the person from `restrictions.readmission_required`,
 * the list the membership context consults before a rejoin application; a `refuse` changes
 * nothing. Commissioners conflicted on the case of the expulsion take no part.
 */
@Injectable()
export class ReadmissionUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly findings: FindingRepository,
    private readonly decisions: ReadmissionRepository,
    private readonly sanctions: SanctionEffectsWriter,
    private readonly directory: MemberDirectoryRepository,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: DisciplineActor,
    input: { memberId: string; outcome: 'readmit' | 'refuse'; consultations: ComplainantConsultation[]; conditionsAssessment: string; reasons: string },
  ): Promise<ReadmissionFile> {
    await this.db.transaction(async (m) => {
      const now = this.clock.now();
      const expulsions = await this.findings.finalExpulsionsOf(m, input.memberId);
      const latest = expulsions[expulsions.length - 1];
      if (!latest) throw notExpelled();
      const file = await this.gate.file(m, latest.caseId, { forUpdate: true });
      this.assertCleared(file, actor);
      const finding = file.finding(latest.findingId);
      if (!finding) throw notExpelled();
      const decision = ReadmissionDecision.record({
        decisionId: randomUUID(),
        expulsion: { findingId: latest.findingId, memberId: input.memberId, complainantIds: finding.complainantIds, finalAt: latest.finalAt },
        outcome: input.outcome,
        consultations: input.consultations,
        conditionsAssessment: input.conditionsAssessment,
        reasons: input.reasons,
        now: now.toISOString(),
      });
      await this.decisions.insert(m, latest.caseId, decision, actor.memberId as string);
      if (decision.outcome === 'readmit') {
        await this.sanctions.endExpulsion(m, { memberId: input.memberId, findingId: latest.findingId, decisionId: decision.decisionId, now });
      }
      await this.notifier.notifyPeople(m, finding.complainantIds);
      await this.audit.record(
        m,
        {
          actorId: actor.audit.actorId,
          actorKind: actor.audit.actorKind,
          context: 'discipline',
          action: 'readmission.decided',
          subjectType: 'member',
          subjectId: input.memberId,
          data: { decisionId: decision.decisionId, outcome: decision.outcome, consultations: input.consultations.length },
        },
        now,
      );
    });
    return this.file(actor, input.memberId);
  }

  /** The commission's view of a person's expulsions and readmission decisions (reading is audited). */
  async file(actor: DisciplineActor, memberId: string): Promise<ReadmissionFile> {
    return this.db.transaction(async (m) => {
      const expulsions = await this.findings.finalExpulsionsOf(m, memberId);
      if (expulsions.length === 0) throw notExpelled();
      const out: ReadmissionFile['expulsions'][number][] = [];
      for (const e of expulsions) {
        const file = await this.gate.file(m, e.caseId);
        this.assertCleared(file, actor);
        const finding = file.finding(e.findingId)!;
        const names = await this.directory.entries(m, finding.complainantIds);
        out.push({
          findingId: e.findingId,
          finalAt: e.finalAt,
          complainants: finding.complainantIds.map((id) => ({ personId: id, name: names.get(id) ? `${names.get(id)!.firstName} ${names.get(id)!.lastName}` : null })),
        });
      }
      const decisions = (await this.decisions.ofMember(m, memberId)).map((d) => ({ ...d.decision, decidedBy: d.decidedBy }));
      const required = await this.decisions.readmissionRequired(m, memberId);
      await this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action: 'readmission.file-read', subjectType: 'member', subjectId: memberId, data: {} }, this.clock.now());
      return { memberId, readmissionRequired: required, expulsions: out, decisions };
    });
  }

  /**
   * The rejoin rule as the domain states it (S9), for the membership context's port: refused
   * (`discipline.readmission.decision_required`) until a `readmit` decision on the latest
   * expulsion exists. Paying subs, time passing, a new email or branch change nothing.
   */
  async assertMayRejoin(m: Tx, memberId: string): Promise<{ decisionId: string } | null> {
    const expulsions = await this.findings.finalExpulsionsOf(m, memberId);
    const facts = await this.decisions.decisionFacts(m, memberId);
    return assertMayRejoin({
      memberId,
      expulsions: expulsions.map((e) => ({ findingId: e.findingId, memberId, complainantIds: [], finalAt: e.finalAt })),
      decisions: facts,
    });
  }

  private assertCleared(file: CaseFile, actor: DisciplineActor): void {
    const id = actor.memberId ?? '';
    const conflicted = file.c.state.recusal?.conflicted.includes(id) ?? false;
    const party = file.complainantIds().includes(id) || file.respondentMemberIds().includes(id) || file.witnessMemberIds().includes(id);
    if (!actor.caseActor.isCommissioner || conflicted || party) {
      throw new DomainError(
        'forbidden',
        'discipline.readmission.commissioner_conflicted',
        'Readmission is decided by commissioners without a conflict in the case of the expulsion; you cannot take part in this one.',
      );
    }
  }
}
