import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { Clock } from '@org/platform';
import type { Case, CaseEvent } from '../../domain';
import { CaseNotifier } from './case-notifier';
import { CaseRecordsRepository } from '../ports/case-records.repository';
import { CaseRepository } from '../ports/case.repository';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { RestrictionSources } from '../ports/restrictions.port';
import { AUDIT_SUBJECT, type ContentActor } from '../case-content/case-content.service';

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

const RESTRICTION_EVENTS = new Set<CaseEvent['type']>([
  'InterimDecisionRecorded',
  'InterimMeasuresEnded',
  'CaseWithdrawn',
  'CaseResolvedInformally',
  'CaseClosedRecordOnly',
]);
const PROTECTION_EVENTS = new Set<CaseEvent['type']>([
  'ComplaintReceived',
  'ParticipantAdded',
  'InvestigationBegun',
  'CaseWithdrawn',
  'CaseResolvedInformally',
  'CaseClosedRecordOnly',
  'CaseReopened',
  'CaseStageAdvanced',
]);

/**
 * Saves a case after a command, in the command's transaction, with everything that must change
 * with it: the snapshot and its columns, the participants, the decision and escalation records,
 * the restrictions projection (S5) and the protected-transfer projection (S13), one audit entry
 * per event (ids, stages and counts — never content), and the case-update notifications.
 */
@Injectable()
export class CaseStore {
  constructor(
    private readonly cases: CaseRepository,
    private readonly records: CaseRecordsRepository,
    private readonly restrictions: RestrictionSources,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  async create(m: Tx, c: Case, events: readonly CaseEvent[], actor: ContentActor, notifyExtra: readonly string[] = []): Promise<void> {
    await this.cases.insert(m, c, this.settings.deadlines, this.clock.now());
    await this.afterWrite(m, c, events, actor, notifyExtra);
  }

  async save(m: Tx, c: Case, events: readonly CaseEvent[], actor: ContentActor, notifyExtra: readonly string[] = []): Promise<void> {
    if (events.length === 0 && notifyExtra.length === 0) return;
    await this.cases.update(m, c, this.settings.deadlines, this.clock.now());
    await this.afterWrite(m, c, events, actor, notifyExtra);
  }

  private async afterWrite(m: Tx, c: Case, events: readonly CaseEvent[], actor: ContentActor, notifyExtra: readonly string[]): Promise<void> {
    const s = c.state;
    const now = this.clock.now();
    await this.records.syncDecisionsAndEscalations(m, s);
    if (events.some((e) => RESTRICTION_EVENTS.has(e.type))) await this.restrictions.syncInterimMeasures(m, s);
    if (events.some((e) => PROTECTION_EVENTS.has(e.type))) {
      const complainant = s.complainant.kind === 'non_member' ? [] : [s.complainant.memberId];
      const witnesses = s.witnesses.flatMap((w) => (w.kind === 'member' ? [w.memberId] : []));
      await this.cases.refreshProtectedTransfers(m, [...complainant, ...witnesses]);
    }
    for (const e of events) {
      const { type, caseId, at, ...data } = e as CaseEvent & Record<string, unknown>;
      void at;
      await this.audit.record(
        m,
        { actorId: actor.actorId, actorKind: actor.actorKind, context: 'discipline', action: `case.${kebab(type)}`, subjectType: AUDIT_SUBJECT, subjectId: caseId, data },
        now,
      );
    }
    await this.notifier.notify(m, this.notifier.recipients(s, events, actor.actorKind === 'member' ? actor.actorId : null, notifyExtra));
  }
}
