import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Case, CaseEvent, CaseSnapshot } from '../../domain';
import { CaseContentService } from '../../application/case-content/case-content.service';
import { CaseStore } from '../../application/access/case-store.service';
import { CaseContent, CaseGateway, type ProceedingsActorRef } from '../../application/finding/proceedings.ports';
import { CaseRepository } from '../case.repository';

/**
 * Part 2's ports bound to part 1's services: the case is loaded through part 1's repository and
 * saved through part 1's `CaseStore` (snapshot and columns, participants, projections, one audit
 * entry per event, case-update notices); content is sealed with part 1's `CaseContentService`
 * under the case's own data key.
 */
@Injectable()
export class Part1CaseGateway extends CaseGateway {
  constructor(
    private readonly cases: CaseRepository,
    private readonly store: CaseStore,
  ) {
    super();
  }

  async resolve(m: EntityManager, key: string): Promise<string | null> {
    return (await this.cases.findByKey(m, key))?.snapshot.id ?? null;
  }

  load(m: EntityManager, caseId: string, options: { forUpdate?: boolean } = {}): Promise<Case | null> {
    return this.cases.load(m, caseId, options.forUpdate ?? false);
  }

  save(m: EntityManager, c: Case, events: readonly CaseEvent[], actor: ProceedingsActorRef): Promise<void> {
    return this.store.save(m, c, events, { actorId: actor.id, actorKind: actor.kind });
  }

  page(m: EntityManager, afterId: string | null, limit: number): Promise<CaseSnapshot[]> {
    return this.cases.page(m, afterId, limit);
  }
}

@Injectable()
export class Part1CaseContent extends CaseContent {
  constructor(private readonly content: CaseContentService) {
    super();
  }

  seal(m: EntityManager, caseId: string, field: string, text: string): Promise<string> {
    return this.content.sealValue(m, caseId, field, text);
  }

  open(m: EntityManager, caseId: string, field: string, sealed: string): Promise<string> {
    return this.content.openValue(m, caseId, field, sealed);
  }

  sealBytes(m: EntityManager, caseId: string, field: string, bytes: Uint8Array): Promise<Buffer> {
    return this.content.sealBytes(m, caseId, field, bytes);
  }

  openBytes(m: EntityManager, caseId: string, field: string, sealed: Uint8Array): Promise<Buffer> {
    return this.content.openBytes(m, caseId, field, sealed);
  }

  prepare(m: EntityManager, caseId: string): Promise<void> {
    return this.content.prepare(m, caseId);
  }
}
