import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@org/platform';
import { caseAccess } from '../../domain/case/case-access.policy';
import { caseNotFound } from '../../domain/case/case.errors';
import { ACTIVE_STAGES } from '../../domain/case/case.types';
import { AppealSqlRepository } from '../../infrastructure/part2/appeal.sql-repository';
import { FindingSqlRepository } from '../../infrastructure/part2/finding.sql-repository';
import { CaseStore } from '../access/case-store.service';
import { RecomputeRecusal } from '../recusal/recompute-recusal.service';
import { CaseFile } from './case-file';
import type { ProceedingsActor } from './proceedings-actor';
import { CaseGateway } from './proceedings.ports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a case (by id or by reference) with its findings and appeals; "not found" for any key
 * that is not a case (S1).
 */
@Injectable()
export class CaseFiles {
  constructor(
    private readonly cases: CaseGateway,
    private readonly findings: FindingSqlRepository,
    private readonly appeals: AppealSqlRepository,
    private readonly recompute: RecomputeRecusal,
    private readonly store: CaseStore,
    private readonly clock: Clock,
  ) {}

  /** Locks the case for the rest of the transaction: every part-2 change to a case is serialized by it. */
  async load(m: EntityManager, caseId: string, options: { forUpdate?: boolean; actor?: ProceedingsActor } = {}): Promise<CaseFile> {
    const file = await this.find(m, caseId, options);
    if (!file) throw caseNotFound();
    return file;
  }

  /**
   * With `actor`: someone on the commission's side of a case still being handled (a seated
   * panelist, or any commissioner) first has the case's recusal recomputed — a transfer, a new
   * mandate or a declaration may have made them conflicted since — as part 1's gate does, in
   * this transaction, before their role is decided.
   */
  async find(m: EntityManager, key: string, options: { forUpdate?: boolean; actor?: ProceedingsActor } = {}): Promise<CaseFile | null> {
    if (typeof key !== 'string' || key.length > 100) return null;
    const caseId = UUID.test(key) ? key.toLowerCase() : await this.cases.resolve(m, key);
    if (!caseId) return null;
    const commissionSide = !!options.actor?.memberId && options.actor.caseActor.isCommissioner === true;
    const c = await this.cases.load(m, caseId, { forUpdate: (options.forUpdate ?? false) || commissionSide });
    if (!c) return null;
    if (commissionSide && ACTIVE_STAGES.includes(c.stage) && c.state.recusal && caseAccess(c, options.actor!.caseActor).role !== 'none') {
      const { events } = await this.recompute.run(m, c, this.clock.now(), 'on_read');
      await this.store.save(m, c, events, { actorId: null, actorKind: 'system' });
    }
    const [findings, appeals] = [await this.findings.ofCase(m, caseId), await this.appeals.ofCase(m, caseId)];
    return new CaseFile(c, findings, appeals);
  }
}
