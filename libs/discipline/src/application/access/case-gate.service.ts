import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@org/platform';
import { Case, caseAccess, caseNotFound, type CaseAccess, type CaseRole, type CaseSnapshot } from '../../domain';
import { CaseRepository } from '../../infrastructure/case.repository';
import { DisciplineDb } from '../../infrastructure/discipline-db';
import { RecomputeRecusal } from '../recusal/recompute-recusal.service';
import { CaseStore } from './case-store.service';
import type { DisciplineActor } from './discipline-actor';

/** Roles held by being on the commission's side of a case: facts may have changed since the last recusal. */
const COMMISSION_ROLES: readonly CaseRole[] = ['panelist', 'duty_commissioner', 'commission_oversight'];

/**
 * What access is evaluated against when no case has the key: an empty case nobody has a role in,
 * so the caller without a role and the caller with an unknown key go through the same steps.
 */
const NO_CASE = {
  id: '',
  complainant: { kind: 'member', memberId: '' },
  respondents: [],
  witnesses: [],
  supportPerson: null,
  path: 'formal',
  stage: 'received',
  stageHistory: [],
  recusal: null,
  panel: { size: null, seats: [], draws: [], removed: [], adHocSeatsRequested: 0 },
  panelSeatedAt: null,
  dutyCommissionerId: null,
  escalations: [],
} as unknown as CaseSnapshot;

/**
 * The one door to a case (S1, S3, S11). Every discipline route goes through it:
 *
 * 1. look the key up (a reference, or an id) and evaluate the caller's access — the same query
 *    and the same evaluation whether the case exists or not, and whoever asks;
 * 2. anyone without a role in the case — EC, CC, staff, branch officers, a conflicted
 *    commissioner, any other member — gets `case_not_found`, exactly as for a key never issued;
 * 3. a caller on the commission's side first has recusal recomputed (a transfer, a mandate or a
 *    declaration may have made them conflicted since): if it now excludes them, that change is
 *    committed and they, too, get "not found";
 * 4. otherwise the work runs in a second transaction on the locked case, with access
 *    re-evaluated there.
 */
@Injectable()
export class CaseGate {
  constructor(
    private readonly db: DisciplineDb,
    private readonly cases: CaseRepository,
    private readonly recompute: RecomputeRecusal,
    private readonly store: CaseStore,
    private readonly clock: Clock,
  ) {}

  async withCase<T>(key: string, actor: DisciplineActor, work: (tx: EntityManager, c: Case, access: CaseAccess) => Promise<T>): Promise<T> {
    const caseId = await this.db.transaction(async (tx) => {
      const row = await this.cases.findByKey(tx, key);
      const access = caseAccess(row?.snapshot ?? NO_CASE, actor.caseActor);
      if (!row || access.role === 'none') return null;
      if (!COMMISSION_ROLES.includes(access.role)) return row.snapshot.id;
      const c = await this.cases.load(tx, row.snapshot.id, true);
      if (!c) return null;
      const { events } = await this.recompute.run(tx, c, this.clock.now(), 'on_read');
      await this.store.save(tx, c, events, { actorId: null, actorKind: 'system' });
      return caseAccess(c, actor.caseActor).role === 'none' ? null : c.id;
    });
    if (caseId === null) throw caseNotFound();
    return this.db.transaction(async (tx) => {
      const c = await this.cases.load(tx, caseId, true);
      const access = caseAccess(c ?? NO_CASE, actor.caseActor);
      if (!c || access.role === 'none') throw caseNotFound();
      return work(tx, c, access);
    });
  }
}
