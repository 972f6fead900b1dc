import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { SNIFF_BYTES, sniffContentType } from '../../domain/investigation/content-type.sniffer';
import { registerEvidence, type EvidenceSnapshot } from '../../domain/investigation/evidence-metadata.value-object';
import { InvestigationRepository } from '../ports/investigation.repository';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import type { DisciplineActor } from '../access/discipline-actor';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Evidence (S7, S11): submitted by a party, a witness or the panel; its type is recognised from
 * its first bytes (never the name or the claimed type), its size checked against the limit, and
 * the content sealed with the case's data key before it is stored. The panel reads all evidence;
 * a submitter reads their own. Reads are audited.
 */
@Injectable()
export class EvidenceUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly repo: InvestigationRepository,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  async submit(actor: DisciplineActor, key: string, input: { fileName: string; contentBase64: string; declaredContentType?: string | null }): Promise<EvidenceSnapshot> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['complainant', 'respondent', 'witness', 'panelist'], () =>
        new DomainError('forbidden', 'discipline.evidence.not_permitted', 'Evidence is submitted by the parties, the witnesses and the panel.'),
      );
      const text = typeof input.contentBase64 === 'string' ? input.contentBase64.replace(/\s+/g, '') : '';
      if (!BASE64.test(text) || text.length % 4 !== 0) {
        throw new DomainError('invalid', 'discipline.evidence.invalid', 'Send the file content base64-encoded (contentBase64).');
      }
      if (Math.floor((text.length * 3) / 4) > this.settings.evidence.maxBytes + 2) {
        throw new DomainError('unprocessable', 'discipline.evidence.too_large', `The file is too large: at most ${Math.floor(this.settings.evidence.maxBytes / (1024 * 1024)) || 1} MB is accepted.`, {
          maxBytes: this.settings.evidence.maxBytes,
        });
      }
      const bytes = Buffer.from(text, 'base64');
      const snapshot = registerEvidence(
        {
          evidenceId: randomUUID(),
          caseId,
          submittedBy: actor.personId as string,
          fileName: input.fileName,
          declaredContentType: input.declaredContentType ?? null,
          sniffedContentType: sniffContentType(bytes.subarray(0, SNIFF_BYTES)),
          sizeBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          now: now.toISOString(),
        },
        this.settings.evidence,
      );
      await this.repo.insertEvidence(m, snapshot, bytes);
      await this.notifier.notifyPeople(m, file.panelistIds().filter((id) => id !== actor.personId));
      await this.record(m, actor, caseId, 'evidence.submitted', { evidenceId: snapshot.evidenceId, contentType: snapshot.contentType, sizeBytes: snapshot.sizeBytes }, now);
      return snapshot;
    });
  }

  async list(actor: DisciplineActor, key: string): Promise<EvidenceSnapshot[]> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, ['complainant', 'respondent', 'witness', 'panelist', 'appeals_panelist'], () =>
        new DomainError('forbidden', 'discipline.evidence.not_permitted', 'Evidence is read by the panel.'),
      );
      const all = await this.repo.evidenceList(m, caseId);
      const visible = role === 'panelist' || role === 'appeals_panelist' ? all : all.filter((e) => e.submittedBy === actor.personId);
      await this.record(m, actor, caseId, 'case.content-read', { what: 'evidence-list', count: visible.length }, this.clock.now());
      return visible;
    });
  }

  async read(actor: DisciplineActor, key: string, evidenceId: string): Promise<EvidenceSnapshot & { contentBase64: string }> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, ['complainant', 'respondent', 'witness', 'panelist', 'appeals_panelist'], () =>
        new DomainError('forbidden', 'discipline.evidence.not_permitted', 'Evidence is read by the panel.'),
      );
      const meta = (await this.repo.evidenceList(m, caseId)).find((e) => e.evidenceId === evidenceId);
      if (!meta || (role !== 'panelist' && role !== 'appeals_panelist' && meta.submittedBy !== actor.personId)) {
        throw new DomainError('not_found', 'discipline.evidence.not_found', 'This case has no such evidence available to you.');
      }
      const bytes = await this.repo.evidenceContent(m, caseId, evidenceId);
      await this.record(m, actor, caseId, 'case.content-read', { what: 'evidence', evidenceId }, this.clock.now());
      return { ...meta, contentBase64: (bytes ?? Buffer.alloc(0)).toString('base64') };
    });
  }

  private record(m: Tx, actor: DisciplineActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}
