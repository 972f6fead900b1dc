import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { caseNotFound } from '../../domain';
import { CaseRecordsRepository } from '../ports/case-records.repository';
import { CaseRepository } from '../ports/case.repository';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import { CaseGate } from '../access/case-gate.service';
import { CaseStore } from '../access/case-store.service';
import type { DisciplineActor } from '../access/discipline-actor';
import { CaseContentService } from '../case-content/case-content.service';
import { RecomputeRecusal } from './recompute-recusal.service';

export interface PanelResult {
  reference: string;
  stage: string;
  panel: string[];
}

/**
 * The recorded ways someone leaves a case (S3): a panelist or duty commissioner stands down
 * (reasons sealed); a party challenges a panelist with reasons, and the other panelists decide
 * (a tie removes the panelist); a commissioner declares a relationship or conflict with a member.
 * A seat left empty is refilled by a fresh recorded draw in the same transaction; a vacated
 * duty passes to the next cleared commissioner in the rota.
 */
@Injectable()
export class RecusalActions {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly cases: CaseRepository,
    private readonly records: CaseRecordsRepository,
    private readonly directory: MemberDirectoryRepository,
    private readonly content: CaseContentService,
    private readonly recompute: RecomputeRecusal,
    private readonly store: CaseStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  selfRecuse(key: string, actor: DisciplineActor, reason: string): Promise<{ reference: string; stoodDown: true }> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      if (!actor.memberId) throw caseNotFound();
      const now = this.clock.now();
      const sealer = await this.content.forCase(tx, c.id);
      const events = c.selfRecuse(actor.memberId, sealer.seal('self-recusal-reason', reason, actor.memberId), now.toISOString());
      await sealer.flush(tx);
      events.push(...(await this.recompute.run(tx, c, now, 'self_recusal')).events);
      await this.store.save(tx, c, events, actor.audit);
      return { reference: c.reference, stoodDown: true as const };
    });
  }

  challenge(key: string, actor: DisciplineActor, panelistId: string, grounds: string): Promise<PanelResult & { challengeId: string; upheld: boolean | null }> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      const now = this.clock.now();
      const sealer = await this.content.forCase(tx, c.id);
      const challengeId = randomUUID();
      const events = c.challengePanelist(actor.caseActor, { challengeId, panelistId, grounds: sealer.seal('challenge-grounds', grounds, actor.memberId) }, now.toISOString());
      await sealer.flush(tx);
      events.push(...(await this.recompute.run(tx, c, now, 'challenge')).events);
      await this.store.save(tx, c, events, actor.audit);
      const ch = c.state.challenges.find((x) => x.id === challengeId)!;
      return { reference: c.reference, stage: c.stage, panel: c.seatedPanel, challengeId, upheld: ch.decision ? ch.decision.upheld : null };
    });
  }

  voteOnChallenge(key: string, actor: DisciplineActor, challengeId: string, uphold: boolean): Promise<PanelResult & { decided: boolean; upheld: boolean | null }> {
    return this.gate.withCase(key, actor, async (tx, c) => {
      if (!actor.memberId) throw caseNotFound();
      const now = this.clock.now();
      const events = c.voteOnChallenge(actor.memberId, challengeId, uphold, now.toISOString());
      events.push(...(await this.recompute.run(tx, c, now, 'challenge')).events);
      await this.store.save(tx, c, events, actor.audit);
      const ch = c.state.challenges.find((x) => x.id === challengeId)!;
      return { reference: c.reference, stage: c.stage, panel: c.seatedPanel, decided: ch.decision !== null, upheld: ch.decision ? ch.decision.upheld : null };
    });
  }

  /**
   * A commissioner, alternate or Appeals Committee member declares a relationship or conflict
   * with a member (S3). Recorded for good; every open case naming that member has its recusal
   * recomputed now, so the declarant leaves any panel or duty there at once.
   */
  async declareRelationship(actor: DisciplineActor, otherMemberId: string): Promise<{ declared: boolean }> {
    if (!actor.memberId || (!actor.caseActor.isCommissioner && !actor.caseActor.isAppealsCommitteeMember)) {
      throw new DomainError('forbidden', 'discipline.declaration_reserved', 'Declarations of relationships are made by members of the Control Commission and the Appeals Committee.');
    }
    if (otherMemberId === actor.memberId) throw new DomainError('invalid', 'discipline.invalid_declaration', 'Name another member.');
    return this.db.transaction(async (tx) => {
      if ((await this.directory.unknown(tx, [otherMemberId])).length > 0) {
        throw new DomainError('invalid', 'discipline.invalid_declaration', 'This person is not in the member directory.');
      }
      const now = this.clock.now();
      const declared = await this.records.declareRelationship(tx, actor.memberId!, otherMemberId, now);
      await this.audit.record(
        tx,
        { actorId: actor.memberId, actorKind: 'member', context: 'discipline', action: 'relationship.declared', subjectType: 'discipline.declaration', subjectId: actor.memberId, data: { otherMemberId } },
        now,
      );
      for (const s of await this.cases.namingMember(tx, otherMemberId)) {
        const c = await this.cases.load(tx, s.id, true);
        if (!c || !['received', 'triaged', 'panel_seated', 'investigating'].includes(c.stage)) continue;
        const { events } = await this.recompute.run(tx, c, now, 'declaration');
        await this.store.save(tx, c, events, { actorId: null, actorKind: 'system' });
      }
      // Nothing about those cases goes back to the declarant (not even how many there are).
      return { declared };
    });
  }
}
