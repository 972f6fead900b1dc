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
import { CaseContent, CaseGateway } from './proceedings.ports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The id looked up in place of an unknown key: no case ever has it. */
const NO_CASE_ID = '00000000-0000-0000-0000-000000000000';

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
    private readonly content: CaseContent,
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
    // From the key's lookup on, the same statements run, in the same order, whether the key names
    // a case or not: the case, its key, its findings and appeals (none, for an unknown key). Who
    // has no role in a real case learns nothing from the time the "not found" takes (S1).
    const resolved = UUID.test(key) ? key.toLowerCase() : await this.cases.resolve(m, key);
    const caseId = resolved ?? NO_CASE_ID;
    const commissionSide = !!options.actor?.memberId && options.actor.caseActor.isCommissioner === true;
    let c = await this.cases.load(m, caseId, { forUpdate: options.forUpdate ?? false });
    await this.content.prepare(m, caseId);
    const [findings, appeals] = [await this.findings.ofCase(m, caseId), await this.appeals.ofCase(m, caseId)];
    if (!resolved || !c) return null;
    if (commissionSide && ACTIVE_STAGES.includes(c.stage) && c.state.recusal && caseAccess(c, options.actor!.caseActor).role !== 'none') {
      // Only someone with a role in the case locks it to recompute its recusal: the lock is work
      // an outsider's request must not cause (it would time differently from an unknown key).
      if (!options.forUpdate) c = (await this.cases.load(m, caseId, { forUpdate: true })) ?? c;
      const { events } = await this.recompute.run(m, c, this.clock.now(), 'on_read');
      await this.store.save(m, c, events, { actorId: null, actorKind: 'system' });
    }
    return new CaseFile(c, findings, appeals);
  }
}
