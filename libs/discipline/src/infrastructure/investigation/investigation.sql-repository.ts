import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { CaseMessage, type CaseMessageSnapshot, type MessageAudience, type MessageSenderRole } from '../../domain/investigation/case-message.entity';
import type { EvidenceSnapshot } from '../../domain/investigation/evidence-metadata.value-object';
import { Interview, type InterviewSnapshot } from '../../domain/investigation/interview.entity';
import { StatementRegister, type StatementRegisterSnapshot } from '../../domain/investigation/statement-register.entity';
import { CaseContentService } from '../../application/case-content/case-content.service';
import { maybeOne, query } from '@org/platform';
import { SealedSnapshots } from '../sealed-snapshots';
import { InvestigationRepository } from '../../application/ports/investigation.repository';

/** `discipline.case_messages` as stored: who, to whom and when in clear; the text sealed. */
interface CaseMessageRow {
  id: string;
  case_id: string;
  sender_id: string;
  sender_role: MessageSenderRole;
  audience_kind: MessageAudience['kind'];
  audience_person_id: string | null;
  sent_at: Date;
  disclosed_at: Date | null;
  sealed: string;
}

/**
 * The investigation's records (S7, S12): one statement register per case, interviews, evidence
 * and case messages. Content is sealed; the plain columns are ids, statuses and times.
 */
@Injectable()
export class InvestigationSqlRepository implements InvestigationRepository {
  constructor(
    private readonly sealed: SealedSnapshots,
    private readonly content: CaseContentService,
  ) {}

  // ── statements ─────────────────────────────────────────────────────────────────────────────
  async statements(m: Tx, caseId: string): Promise<StatementRegister> {
    const r = await maybeOne<{ sealed: string }>(m, `SELECT sealed FROM discipline.statement_registers WHERE case_id = $1`, [caseId]);
    if (!r) return StatementRegister.forCase(caseId);
    return StatementRegister.fromSnapshot(await this.sealed.open<StatementRegisterSnapshot>(m, caseId, 'statements', r.sealed));
  }

  async saveStatements(m: Tx, caseId: string, register: StatementRegister, at: string): Promise<void> {
    const s = register.toSnapshot();
    await m.query(
      `INSERT INTO discipline.statement_registers (case_id, statements, sealed, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_id) DO UPDATE SET statements = EXCLUDED.statements, sealed = EXCLUDED.sealed, updated_at = EXCLUDED.updated_at,
         version = discipline.statement_registers.version + 1`,
      [caseId, s.statements.length, await this.sealed.seal(m, caseId, 'statements', s), at],
    );
  }

  // ── interviews ─────────────────────────────────────────────────────────────────────────────
  async interviews(m: Tx, caseId: string): Promise<Interview[]> {
    const rows = await query<{ id: string; sealed: string }>(m, `SELECT id, sealed FROM discipline.interviews WHERE case_id = $1 ORDER BY scheduled_for, id`, [caseId]);
    const out: Interview[] = [];
    for (const r of rows) out.push(Interview.fromSnapshot(await this.sealed.open<InterviewSnapshot>(m, caseId, `interview:${r.id}`, r.sealed)));
    return out;
  }

  async saveInterview(m: Tx, i: Interview, at: string): Promise<void> {
    const s = i.toSnapshot();
    await m.query(
      `INSERT INTO discipline.interviews (id, case_id, person_id, status, scheduled_for, sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, scheduled_for = EXCLUDED.scheduled_for, sealed = EXCLUDED.sealed,
         version = discipline.interviews.version + 1`,
      [s.interviewId, s.caseId, s.personId, s.status, s.scheduledFor, await this.sealed.seal(m, s.caseId, `interview:${s.interviewId}`, s), at],
    );
  }

  // ── evidence ───────────────────────────────────────────────────────────────────────────────
  async insertEvidence(m: Tx, e: EvidenceSnapshot, bytes: Uint8Array): Promise<void> {
    await m.query(
      `INSERT INTO discipline.evidence (id, case_id, submitted_by, content_type, size_bytes, submitted_at, sealed_meta, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.evidenceId, e.caseId, e.submittedBy, e.contentType, e.sizeBytes, e.submittedAt,
        await this.sealed.seal(m, e.caseId, `evidence-meta:${e.evidenceId}`, e), await this.content.sealBytes(m, e.caseId, `evidence:${e.evidenceId}`, bytes)],
    );
  }

  async evidenceList(m: Tx, caseId: string): Promise<EvidenceSnapshot[]> {
    const rows = await query<{ id: string; sealed_meta: string }>(m, `SELECT id, sealed_meta FROM discipline.evidence WHERE case_id = $1 ORDER BY submitted_at, id`, [caseId]);
    const out: EvidenceSnapshot[] = [];
    for (const r of rows) out.push(await this.sealed.open<EvidenceSnapshot>(m, caseId, `evidence-meta:${r.id}`, r.sealed_meta));
    return out;
  }

  async evidenceContent(m: Tx, caseId: string, evidenceId: string): Promise<Buffer | null> {
    const r = await maybeOne<{ content: Uint8Array }>(m, `SELECT content FROM discipline.evidence WHERE case_id = $1 AND id = $2`, [caseId, evidenceId]);
    return r ? this.content.openBytes(m, caseId, `evidence:${evidenceId}`, r.content) : null;
  }

  // ── messages ───────────────────────────────────────────────────────────────────────────────
  async insertMessage(m: Tx, msg: CaseMessage): Promise<void> {
    const s = msg.toSnapshot();
    await m.query(
      `INSERT INTO discipline.case_messages (id, case_id, sender_id, sender_role, audience_kind, audience_person_id, sent_at, disclosed_at, sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [s.messageId, s.caseId, s.senderId, s.senderRole, s.audience.kind, s.audience.kind === 'participant' ? s.audience.personId : null, s.sentAt,
        s.disclosedToPartiesAt, await this.content.sealValue(m, s.caseId, `message:${s.messageId}`, s.text)],
    );
  }

  async markDisclosed(m: Tx, msg: CaseMessage): Promise<void> {
    const s = msg.toSnapshot();
    await m.query(`UPDATE discipline.case_messages SET disclosed_at = $2 WHERE id = $1 AND disclosed_at IS NULL`, [s.messageId, s.disclosedToPartiesAt]);
  }

  /** Messages with their text opened (callers filter by reader before returning anything). */
  async messages(m: Tx, caseId: string, opts: { withText: boolean }): Promise<CaseMessage[]> {
    const rows = await query<CaseMessageRow>(
      m,
      `SELECT id, case_id, sender_id, sender_role, audience_kind, audience_person_id, sent_at, disclosed_at, sealed
         FROM discipline.case_messages WHERE case_id = $1 ORDER BY sent_at, id`,
      [caseId],
    );
    const out: CaseMessage[] = [];
    for (const r of rows) {
      const snapshot: CaseMessageSnapshot = {
        messageId: r.id,
        caseId: r.case_id,
        senderId: r.sender_id,
        senderRole: r.sender_role,
        audience: r.audience_kind === 'participant' ? { kind: 'participant', personId: r.audience_person_id as string } : ({ kind: r.audience_kind } as MessageAudience),
        text: opts.withText ? await this.content.openValue(m, r.case_id, `message:${r.id}`, r.sealed) : '',
        sentAt: new Date(r.sent_at).toISOString(),
        disclosedToPartiesAt: r.disclosed_at ? new Date(r.disclosed_at).toISOString() : null,
      };
      out.push(CaseMessage.fromSnapshot(snapshot));
    }
    return out;
  }

  /** Opens the text of one stored message. */
  async messageText(m: Tx, caseId: string, messageId: string): Promise<string | null> {
    const r = await maybeOne<{ sealed: string }>(m, `SELECT sealed FROM discipline.case_messages WHERE case_id = $1 AND id = $2`, [caseId, messageId]);
    return r ? this.content.openValue(m, caseId, `message:${messageId}`, r.sealed) : null;
  }
}
