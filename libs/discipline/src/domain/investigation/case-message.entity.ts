import { Timestamp, Transition, identifier, requiredText, timestamp } from '../finding/time';
import { InvestigationErrorCode, investigationError } from './investigation.errors';

/** Who takes part in a case, as the message rules need it (recomputed when parties change). */
export interface CaseParticipants {
  readonly complainantIds: readonly string[];
  readonly respondentIds: readonly string[];
  readonly witnessIds: readonly string[];
  /** The seated panel (or the appeals panel, while an appeal is heard). */
  readonly panelistIds: readonly string[];
}

/**
 * The sender's standing in the case. `officer`: anyone holding an office in the organization
 * (EC, CC, staff, branch officer, another commissioner…) who is not a participant of the case.
 */
export type MessageSenderRole = 'panel' | 'complainant' | 'respondent' | 'witness' | 'officer';

export type MessageAudience =
  /** To the panel. */
  | { readonly kind: 'panel' }
  /** From the panel to one party or witness. */
  | { readonly kind: 'participant'; readonly personId: string }
  /** From the panel to every party (complainants and respondents). */
  | { readonly kind: 'all_parties' };

export interface CaseMessageSnapshot {
  readonly messageId: string;
  readonly caseId: string;
  readonly senderId: string;
  readonly senderRole: MessageSenderRole;
  readonly audience: MessageAudience;
  readonly text: string;
  readonly sentAt: Timestamp;
  /** A party's or witness's message the panel has shared with all parties. */
  readonly disclosedToPartiesAt: Timestamp | null;
}

export interface CaseMessageEvent {
  readonly type: 'discipline.message.sent' | 'discipline.message.disclosed_to_parties';
  readonly caseId: string;
  readonly messageId: string;
  /** Who should be notified that the record has a new message (never the content). */
  readonly notify: readonly string[];
  readonly at: Timestamp;
}

const freeze = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const isParty = (p: CaseParticipants, id: string) => p.complainantIds.includes(id) || p.respondentIds.includes(id);
const allParties = (p: CaseParticipants) => [...new Set([...p.complainantIds, ...p.respondentIds])];

/** The sender's role, or `null` when they may not write to this case at all. */
export function senderRoleOf(p: CaseParticipants, senderId: string, senderIsOfficer: boolean): MessageSenderRole | null {
  if (p.panelistIds.includes(senderId)) return 'panel';
  if (p.complainantIds.includes(senderId)) return 'complainant';
  if (p.respondentIds.includes(senderId)) return 'respondent';
  if (p.witnessIds.includes(senderId)) return 'witness';
  return senderIsOfficer ? 'officer' : null;
}

/**
 * A message in a case: the only channel to a panel (S7). Everything anyone says to the panel is
 * part of the case record, and who sees what is fixed by rule, not chosen by the sender:
 *
 * | sender              | audience           | seen by                                            |
 * |---------------------|--------------------|----------------------------------------------------|
 * | party or witness    | panel              | panel, sender (+ all parties once disclosed)       |
 * | officer (no part)   | panel              | panel, sender **and every party** — always         |
 * | panel               | panel (a note)     | panel (+ all parties once disclosed)               |
 * | panel               | one participant    | panel, that participant                            |
 * | panel               | all parties        | panel, every party                                 |
 *
 * So an officer cannot reach a panel privately: whatever the leadership tells a panel, the
 * parties read. Parties and witnesses write only to the panel; only the panel addresses them.
 */
export class CaseMessage {
  private constructor(private readonly s: CaseMessageSnapshot) {}

  static compose(input: {
    readonly messageId: string;
    readonly caseId: string;
    readonly participants: CaseParticipants;
    readonly senderId: string;
    /** Established by the application from current mandates. */
    readonly senderIsOfficer: boolean;
    readonly audience: MessageAudience;
    readonly text: string;
    readonly now: Timestamp;
  }): Transition<CaseMessage, CaseMessageEvent> {
    const now = timestamp(input.now, 'now');
    const p = input.participants;
    const senderId = identifier(input.senderId, 'The sender id');
    const role = senderRoleOf(p, senderId, input.senderIsOfficer === true);
    if (!role) {
      throw investigationError(
        'forbidden',
        InvestigationErrorCode.MessageSenderNotPermitted,
        'Only the parties, the witnesses, the panel and officers of the organization can write to a case.',
      );
    }
    const audience = input.audience;
    if (role === 'panel') {
      if (audience?.kind === 'participant') {
        const target = identifier(audience.personId, 'The recipient');
        if (!isParty(p, target) && !p.witnessIds.includes(target)) {
          throw investigationError(
            'unprocessable',
            InvestigationErrorCode.MessageAudienceNotPermitted,
            'The panel can write to a party or a witness of this case only.',
          );
        }
      } else if (audience?.kind !== 'panel' && audience?.kind !== 'all_parties') {
        throw investigationError('invalid', InvestigationErrorCode.MessageAudienceNotPermitted, 'Unknown audience.');
      }
    } else if (audience?.kind !== 'panel') {
      throw investigationError(
        'unprocessable',
        InvestigationErrorCode.MessageAudienceNotPermitted,
        'Messages in a case go to the panel; only the panel writes to parties and witnesses.',
      );
    }
    const message = new CaseMessage(
      freeze({
        messageId: identifier(input.messageId, 'The message id'),
        caseId: identifier(input.caseId, 'The case id'),
        senderId,
        senderRole: role,
        audience: audience.kind === 'participant' ? { kind: 'participant' as const, personId: audience.personId.trim() } : { kind: audience.kind },
        text: requiredText(input.text, 'The message', 50_000),
        sentAt: now,
        disclosedToPartiesAt: null,
      }),
    );
    return { next: message, events: [message.event('discipline.message.sent', p, now)] };
  }

  static fromSnapshot(snapshot: CaseMessageSnapshot): CaseMessage {
    return new CaseMessage(freeze(snapshot));
  }

  toSnapshot(): CaseMessageSnapshot {
    return freeze(this.s);
  }

  get messageId(): string {
    return this.s.messageId;
  }
  get senderRole(): MessageSenderRole {
    return this.s.senderRole;
  }
  get sentAt(): Timestamp {
    return this.s.sentAt;
  }

  private event(type: CaseMessageEvent['type'], p: CaseParticipants, at: Timestamp): CaseMessageEvent {
    return { type, caseId: this.s.caseId, messageId: this.s.messageId, notify: this.readers(p).filter((id) => id !== this.s.senderId), at };
  }

  /** The panel shares a message sent to it with every party (recorded; cannot be undone). */
  discloseToParties(input: { readonly by: string; readonly participants: CaseParticipants; readonly now: Timestamp }): Transition<CaseMessage, CaseMessageEvent> {
    const now = timestamp(input.now, 'now');
    if (!input.participants.panelistIds.includes(input.by)) {
      throw investigationError('forbidden', InvestigationErrorCode.MessageSenderNotPermitted, 'Only the panel can share a message with the parties.');
    }
    if (this.s.audience.kind !== 'panel' || this.s.disclosedToPartiesAt !== null || this.s.senderRole === 'officer') {
      return { next: this, events: [] };
    }
    const next = new CaseMessage(freeze({ ...this.s, disclosedToPartiesAt: now }));
    const before = new Set(this.readers(input.participants));
    const event = next.event('discipline.message.disclosed_to_parties', input.participants, now);
    return { next, events: [{ ...event, notify: event.notify.filter((id) => !before.has(id)) }] };
  }

  /** Everyone who may read this message, given the case's current participants. */
  readers(p: CaseParticipants): string[] {
    const readers = new Set<string>([...p.panelistIds, this.s.senderId]);
    const a = this.s.audience;
    if (a.kind === 'participant') readers.add(a.personId);
    if (a.kind === 'all_parties' || this.s.senderRole === 'officer' || this.s.disclosedToPartiesAt !== null) {
      allParties(p).forEach((id) => readers.add(id));
    }
    return [...readers];
  }

  isVisibleTo(viewerId: string, p: CaseParticipants): boolean {
    return this.readers(p).includes(viewerId);
  }
}

/** The messages of a case a viewer may read, oldest first (their view of the case record). */
export function caseRecordFor(messages: readonly CaseMessage[], viewerId: string, p: CaseParticipants): CaseMessage[] {
  return messages
    .filter((m) => m.isVisibleTo(viewerId, p))
    .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || (a.messageId < b.messageId ? -1 : 1));
}
