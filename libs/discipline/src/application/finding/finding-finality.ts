import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import type { Finding, FindingEvent } from '../../domain/finding/finding.entity';
import { respondentsReleasedFromInterimMeasures } from '../../domain/interim/interim-measures';
import { OutcomeNotice } from '../../domain/outcome/outcome-notice.entity';
import { FindingRepository } from '../ports/finding.repository';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import { OutcomeNoticeRepository } from '../ports/outcome-notice.repository';
import { SanctionEffectsWriter } from '../ports/sanction-effects.port';
import type { CaseFile } from '../access/case-file';
import { CaseNotifier } from '../access/case-notifier';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { CaseRepository } from '../ports/case.repository';
import { CaseStore } from '../access/case-store.service';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';

/**
 * What happens, in one transaction, when a finding becomes final (S7, S8, S9) — whether its
 * appeal window passed or the Appeals Committee upheld it or modified the sanction:
 * 1. the finding is saved as final;
 * 2. the sanction takes effect everywhere (status, restrictions, mandates, readmission list);
 * 3. the outcome notice is composed from the finding's facts and the complainant's review
 *    window opens; its publication date is fixed now and nobody can take it back;
 * 4. the interim measures on the respondent end (and on every respondent with no finding still
 *    pending), so only the sanction's own restrictions remain;
 * 5. the case moves to `final`; the parties are told there is news in their case.
 */
@Injectable()
export class FindingFinality {
  constructor(
    private readonly findings: FindingRepository,
    private readonly notices: OutcomeNoticeRepository,
    private readonly sanctions: SanctionEffectsWriter,
    private readonly directory: MemberDirectoryRepository,
    private readonly cases: CaseRepository,
    private readonly store: CaseStore,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  async takeEffect(m: Tx, file: CaseFile, finding: Finding, events: readonly FindingEvent[], now: Date): Promise<{ noticeId: string }> {
    const at = now.toISOString();
    const became = events.find((e) => e.type === 'discipline.finding.became_final');
    if (!became || finding.status !== 'final') throw new Error('takeEffect needs a finding that just became final.');
    await this.findings.update(m, finding);

    const effects = finding.effects();
    await this.sanctions.apply(m, { effects, caseId: file.caseId, findingId: finding.findingId, now });

    const respondentName = (await this.directory.fullName(m, finding.respondentId)) ?? '';
    const composed = OutcomeNotice.compose({ noticeId: randomUUID(), finding, respondentName, policy: this.settings.publication, now: at });
    const notice = composed.next.openComplainantReview(at).next;
    await this.notices.insert(m, file.caseId, notice);

    // Interim measures end with the finding (S5, S9): the sanction's own restrictions, written
    // above, stay; what came only from interim measures goes, in this same transaction.
    const released = respondentsReleasedFromInterimMeasures({
      finalFindingRespondent: finding.respondentId,
      respondents: file.respondentMemberIds(),
      respondentsWithPendingFinding: file
        .liveFindings()
        .filter((f) => f.findingId !== finding.findingId && f.status !== 'final')
        .map((f) => f.respondentId),
    });
    const caseEvents = [...file.c.endInterimMeasuresOf(released, at), ...(file.c.stage === 'finding' ? file.c.advanceToStage('final', at) : [])];
    if (caseEvents.length > 0) await this.store.save(m, file.c, caseEvents, { actorId: null, actorKind: 'system' });
    await this.notifier.notifyPeople(m, [...file.complainantIds(), finding.respondentId, ...finding.panelistIds]);
    await this.audit.record(
      m,
      {
        actorId: null,
        actorKind: 'system',
        context: 'discipline',
        action: 'finding.became-final',
        subjectType: AUDIT_SUBJECT,
        subjectId: file.caseId,
        data: {
          findingId: finding.findingId,
          via: became.type === 'discipline.finding.became_final' ? became.via : null,
          sanction: finding.finalSanction?.kind ?? null,
          noticeId: notice.noticeId,
          publishAt: notice.publishAt,
        },
      },
      now,
    );
    return { noticeId: notice.noticeId };
  }
}
