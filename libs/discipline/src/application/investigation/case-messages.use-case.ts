import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { caseNotFound } from '../../domain/case/case.errors';
import { CaseMessage, caseRecordFor, type MessageAudience } from '../../domain/investigation/case-message.entity';
import { InvestigationRepository } from '../ports/investigation.repository';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import type { DisciplineActor } from '../access/discipline-actor';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

export interface CaseMessageView {
  readonly messageId: string;
  readonly senderId: string;
  readonly senderRole: string;
  readonly audience: MessageAudience;
  readonly text: string;
  readonly sentAt: string;
  readonly disclosedToPartiesAt: string | null;
}

/** What an officer with no part in a case is told, whether or not the case exists (S1, S7). */
export const OFFICER_MESSAGE_RECEIPT =
  'If a case with this id exists, your message is now part of its record: its panel and every party to it can read it, with your name and office. There is no other way to reach a panel.';

/**
 * Said to an officer with no part in a case, before the receipt, whatever they addressed: their
 * message was not delivered privately to the panel (nor to the person they named) — messages
 * about a case go on the case record, which the parties read. The same words whether or not the
 * case exists (S1), so they reveal nothing.
 */
export const OFFICER_MESSAGE_READDRESSED =
  'Messages about a case are not delivered privately to its panel or to anyone you name: they go on the case record, addressed to the panel and visible to every party. If you did not mean the parties to read it, say so to the commission in the open, not through a panel.';

/** Who reads a message once sent, as told to its sender. */
export type MessageVisibility = 'panel_only' | 'panel_and_parties' | 'panel_and_one_person';

export interface MessageReceipt {
  readonly messageId: string | null;
  readonly receipt: string;
  /** Where the message went: always the case record. */
  readonly recordedOn: 'case_record';
  /** Who reads it now (a party's message to the panel is `panel_only` until the panel shares it). */
  readonly visibleTo: MessageVisibility;
  /** True when the message was not delivered the way the sender addressed it (an officer's message). */
  readonly readdressed: boolean;
  /** Why, when `readdressed`. */
  readonly notice: string | null;
}

/**
 * Case messages: the only channel to a panel (S7). Parties and witnesses write to the panel;
 * the panel writes to a participant or to all parties; anyone holding an office who has no part
 * in the case may write to the panel, and the parties read that too — whatever the leadership
 * tells a panel is on the record the parties see. An officer is given the same receipt whether
 * the case exists or not, so writing cannot be used to learn of a case.
 */
@Injectable()
export class CaseMessagesUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly repo: InvestigationRepository,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async send(actor: DisciplineActor, key: string, input: { text: string; audience: MessageAudience }): Promise<MessageReceipt> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.findFile(m, key, { forUpdate: true, actor });
      const caseId = file?.caseId ?? key;
      const role = file ? file.roleOf(actor) : 'none';
      const participant = role !== 'none' && role !== 'former_panelist';
      if (!participant && !actor.isOfficer) throw caseNotFound();
      if (!participant) {
        // An officer without a part in the case: the same answer whether the case exists or not.
        if (typeof input.text !== 'string' || !input.text.trim() || input.text.length > 50_000) {
          throw new DomainError('invalid', 'discipline.text_required', 'The message must be written out (at most 50,000 characters).');
        }
        let messageId: string | null = null;
        if (file) {
          const composed = CaseMessage.compose({
            messageId: randomUUID(),
            caseId,
            participants: file.participants(),
            senderId: actor.personId as string,
            senderIsOfficer: true,
            audience: { kind: 'panel' },
            text: input.text,
            now: now.toISOString(),
          });
          await this.repo.insertMessage(m, composed.next);
          await this.notifier.notifyPeople(m, composed.events.flatMap((e) => e.notify));
          messageId = composed.next.messageId;
        }
        await this.audit.record(
          m,
          {
            actorId: actor.audit.actorId,
            actorKind: actor.audit.actorKind,
            context: 'discipline',
            action: 'message.officer-wrote-to-panel',
            subjectType: AUDIT_SUBJECT,
            subjectId: /^[0-9a-f-]{36}$/i.test(caseId) ? caseId : null,
            data: { bodies: actor.bodies, recorded: messageId !== null, messageId },
          },
          now,
        );
        return { messageId: null, receipt: OFFICER_MESSAGE_RECEIPT, recordedOn: 'case_record', visibleTo: 'panel_and_parties', readdressed: true, notice: OFFICER_MESSAGE_READDRESSED };
      }
      const composed = CaseMessage.compose({
        messageId: randomUUID(),
        caseId,
        participants: file!.participants(),
        senderId: actor.personId as string,
        senderIsOfficer: actor.isOfficer,
        audience: input.audience,
        text: input.text,
        now: now.toISOString(),
      });
      await this.repo.insertMessage(m, composed.next);
      await this.notifier.notifyPeople(m, composed.events.flatMap((e) => e.notify));
      await this.record(m, actor, caseId, 'message.sent', { messageId: composed.next.messageId, senderRole: composed.next.senderRole, audience: input.audience.kind }, now);
      const kind = composed.next.toSnapshot().audience.kind;
      const visibleTo: MessageVisibility = kind === 'all_parties' ? 'panel_and_parties' : kind === 'participant' ? 'panel_and_one_person' : 'panel_only';
      return { messageId: composed.next.messageId, receipt: 'Your message is part of the case record.', recordedOn: 'case_record', visibleTo, readdressed: false, notice: null };
    });
  }

  /** The case record of messages this person may read, oldest first (reading is audited). */
  async list(actor: DisciplineActor, key: string): Promise<CaseMessageView[]> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      const role = file.roleOf(actor);
      if (role === 'none' || role === 'former_panelist') throw caseNotFound();
      const viewer = actor.personId as string;
      const all = await this.repo.messages(m, caseId, { withText: false });
      const visible = caseRecordFor(all, viewer, file.participants());
      const out: CaseMessageView[] = [];
      for (const msg of visible) {
        const s = msg.toSnapshot();
        out.push({ ...s, text: (await this.repo.messageText(m, caseId, s.messageId)) ?? '', disclosedToPartiesAt: s.disclosedToPartiesAt });
      }
      await this.record(m, actor, caseId, 'case.content-read', { what: 'messages', count: out.length }, this.clock.now());
      return out;
    });
  }

  /** The panel shares a message sent to it with every party. */
  async disclose(actor: DisciplineActor, key: string, messageId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const now = this.clock.now();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['panelist'], () => new DomainError('forbidden', 'discipline.message.sender_not_permitted', 'Only the panel can share a message with the parties.'));
      const msg = (await this.repo.messages(m, caseId, { withText: false })).find((x) => x.messageId === messageId);
      if (!msg) throw new DomainError('not_found', 'discipline.message.not_found', 'This case has no such message.');
      const t = msg.discloseToParties({ by: actor.memberId as string, participants: file.participants(), now: now.toISOString() });
      if (t.events.length === 0) return;
      await this.repo.markDisclosed(m, t.next);
      await this.notifier.notifyPeople(m, t.events.flatMap((e) => e.notify));
      await this.record(m, actor, caseId, 'message.disclosed-to-parties', { messageId }, now);
    });
  }

  private record(m: Tx, actor: DisciplineActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}
