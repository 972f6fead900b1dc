import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { Outbox } from '@org/notifications';
import { Clock } from '@org/platform';
import { OutcomeNoticeRepository } from '../ports/outcome-notice.repository';
import { CaseRepository } from '../ports/case.repository';
import { CaseStore } from '../access/case-store.service';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

/**
 * Publishes every outcome notice whose moment has come (S8) — whatever its status: a notice
 * nobody reviewed, or one the panel forgot, is published all the same; there is no way to hold
 * one back. Each notice in its own transaction: the notice is marked published and fanned out
 * through the notifications outbox to every member in good standing, organization wide (one
 * feed entry and one email each; outcome notices are essential). The notice carries the facts
 * only — no complainant, no narrative. Idempotent (the outbox dedupes on the notice id).
 */
@Injectable()
export class PublishDueNoticesJob {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly notices: OutcomeNoticeRepository,
    private readonly cases: CaseRepository,
    private readonly store: CaseStore,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async runOnce(): Promise<{ published: number; recipients: number }> {
    const now = this.clock.now();
    let published = 0;
    let recipients = 0;
    for (;;) {
      const due = await this.db.read((db) => this.notices.due(db, now, 20));
      let progressed = 0;
      for (const { noticeId, caseId } of due) {
        const r = await this.db.transaction(async (m) => {
          const c = await this.cases.load(m, caseId, true);
          const found = await this.notices.one(m, noticeId, true);
          if (!found || !found.notice.dueForPublication(now.toISOString())) return null;
          const next = found.notice.publish(now.toISOString()).next;
          const f = next.facts;
          const fanOut = await this.outbox.fanOutToMembers(m, {
            type: 'outcome-notice',
            data: {
              respondentName: f.respondentName,
              rule: f.rule,
              upheld: f.upheld,
              sanction: { kind: f.sanction.kind, suspendedUntil: f.sanction.suspendedUntil },
              panelSanction: f.panelSanction ? { kind: f.panelSanction.kind, suspendedUntil: f.panelSanction.suspendedUntil } : null,
              decidedOn: f.decidedOn,
              finalOn: f.finalOn,
              panelVote: { uphold: f.panelVote.uphold, notUphold: f.panelVote.notUphold },
              appealOutcome: f.appealOutcome,
            },
            audience: 'good-standing',
            essential: true,
            dedupeKey: `outcome:${noticeId}`,
            actor: { id: null, kind: 'control-commission' },
          });
          await this.notices.markPublished(m, caseId, next, fanOut.noticeId, fanOut.recipients);
          if (c && c.stage === 'final') {
            const events = c.advanceToStage('published', now.toISOString());
            await this.store.save(m, c, events, { actorId: null, actorKind: 'system' });
          }
          await this.audit.record(
            m,
            {
              actorId: null,
              actorKind: 'system',
              context: 'discipline',
              action: 'outcome-notice.published',
              subjectType: AUDIT_SUBJECT,
              subjectId: caseId,
              data: { noticeId, recipients: fanOut.recipients, emails: fanOut.emails, delayed: next.publicationDelay !== null },
            },
            now,
          );
          return fanOut.recipients;
        });
        if (r !== null) {
          progressed++;
          recipients += r;
        }
      }
      published += progressed;
      if (due.length < 20 || progressed === 0) break;
    }
    return { published, recipients };
  }
}
