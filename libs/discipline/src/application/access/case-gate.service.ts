import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { Clock } from '@org/platform';
import { ACTIVE_STAGES, Case, caseAccess, caseNotFound, type CaseAccess, type CaseRole, type CaseSnapshot } from '../../domain';
import { AppealRepository } from '../ports/appeal.repository';
import { FindingRepository } from '../ports/finding.repository';
import { CaseContentService } from '../case-content/case-content.service';
import { CaseRepository } from '../ports/case.repository';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';
import { RecomputeRecusal } from '../recusal/recompute-recusal.service';
import { CaseFile } from './case-file';
import { CaseStore } from './case-store.service';
import type { DisciplineActor } from './discipline-actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The id looked up in place of an unknown key: no case ever has it. */
const NO_CASE_ID = '00000000-0000-0000-0000-000000000000';

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
 * The one door to a case (S1, S3, S11). Every disciplinary route goes through it, in one of
 * two ways.
 *
 * `withCase(key, actor, work)` — intake, triage, panels, recusal, interim measures:
 * 1. look the key up (a reference, or an id) and evaluate the caller's access — the same query
 *    and the same evaluation whether the case exists or not, and whoever asks;
 * 2. anyone without a role in the case — EC, CC, staff, branch officers, a conflicted
 *    commissioner, any other member — gets `case_not_found`, exactly as for a key never issued;
 * 3. a caller on the commission's side first has recusal recomputed (a transfer, a mandate or a
 *    declaration may have made them conflicted since): if it now excludes them, that change is
 *    committed and they, too, get "not found";
 * 4. otherwise the work runs in a second transaction on the locked case, with access
 *    re-evaluated there.
 *
 * `file(m, key, { actor })` / `findFile` — the proceedings (investigation, findings, appeals,
 * publication, matching, readmission), inside the caller's transaction: the case with its
 * findings and appeals (`CaseFile`), whose roles (`CaseFile.roleOf`) extend `caseAccess` with the
 * panel now deciding and the appeals panel. From the key's lookup on, the same statements run in
 * the same order whether the key names a case or not.
 */
@Injectable()
export class CaseGate {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly cases: CaseRepository,
    private readonly recompute: RecomputeRecusal,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    private readonly findings: FindingRepository,
    private readonly appeals: AppealRepository,
    private readonly content: CaseContentService,
  ) {}

  async withCase<T>(key: string, actor: DisciplineActor, work: (tx: Tx, c: Case, access: CaseAccess) => Promise<T>): Promise<T> {
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

  /** The case file, or the case's "not found"; `forUpdate` locks the case for the rest of the transaction (every change to a case is serialized by it). */
  async file(m: Tx, key: string, options: { forUpdate?: boolean; actor?: DisciplineActor } = {}): Promise<CaseFile> {
    const file = await this.findFile(m, key, options);
    if (!file) throw caseNotFound();
    return file;
  }

  /**
   * The case file for a key (a case id or a reference), or null. With `actor`: someone on the
   * commission's side of a case still being handled (a seated panelist, or any commissioner)
   * first has the case's recusal recomputed — a transfer, a new mandate or a declaration may have
   * made them conflicted since — as `withCase` does, in this transaction, before their role is
   * decided.
   */
  async findFile(m: Tx, key: string, options: { forUpdate?: boolean; actor?: DisciplineActor } = {}): Promise<CaseFile | null> {
    if (typeof key !== 'string' || key.length > 100) return null;
    // From the key's lookup on, the same statements run, in the same order, whether the key names
    // a case or not: the case, its key, its findings and appeals (none, for an unknown key). Who
    // has no role in a real case learns nothing from the time the "not found" takes (S1).
    const resolved = UUID.test(key) ? key.toLowerCase() : ((await this.cases.findByKey(m, key))?.snapshot.id ?? null);
    const caseId = resolved ?? NO_CASE_ID;
    const commissionSide = !!options.actor?.memberId && options.actor.caseActor.isCommissioner === true;
    let c = await this.cases.load(m, caseId, options.forUpdate ?? false);
    await this.content.prepare(m, caseId);
    const [findings, appeals] = [await this.findings.ofCase(m, caseId), await this.appeals.ofCase(m, caseId)];
    if (!resolved || !c) return null;
    if (commissionSide && ACTIVE_STAGES.includes(c.stage) && c.state.recusal && caseAccess(c, options.actor!.caseActor).role !== 'none') {
      // Only someone with a role in the case locks it to recompute its recusal: the lock is work
      // an outsider's request must not cause (it would time differently from an unknown key).
      if (!options.forUpdate) c = (await this.cases.load(m, caseId, true)) ?? c;
      const { events } = await this.recompute.run(m, c, this.clock.now(), 'on_read');
      await this.store.save(m, c, events, { actorId: null, actorKind: 'system' });
    }
    return new CaseFile(c, findings, appeals);
  }
}
