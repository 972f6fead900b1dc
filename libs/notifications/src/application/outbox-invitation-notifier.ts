import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { InvitationNotifier, type InvitationAndWelcome, type WelcomeContent } from '@org/identity';
import type { NotificationMessage } from '../domain/notification-message';
import { OutboxRepository } from './ports/outbox.repository';
import { Outbox } from './outbox.service';

/**
 * Identity's invitation port, bound to the outbox: the activation e-mail, the welcome (S14) and
 * the address-change messages are written in identity's (or membership's) transaction and sent
 * later; links are secrets, scrubbed once sent or failed.
 */
@Injectable()
export class OutboxInvitationNotifier extends InvitationNotifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly repo: OutboxRepository,
  ) {
    super();
  }

  async invitation(m: Tx, to: { email: string }, d: { firstName: string; activationUrl: string; validDays: number }, dedupeKey: string): Promise<void> {
    await this.outbox.enqueue(m, invitationMessage(to.email, d, dedupeKey));
  }

  async welcome(m: Tx, memberId: string, d: WelcomeContent, dedupeKey: string): Promise<void> {
    await this.outbox.enqueue(m, welcomeMessage(memberId, d, dedupeKey));
  }

  invitationsAndWelcomes(m: Tx, items: readonly InvitationAndWelcome[], welcome: Omit<WelcomeContent, 'firstName'>, validDays: number): Promise<{ notInRegister: string[] }> {
    const content = welcomeMessage('', { ...welcome, firstName: '' }, '').data as Record<string, unknown>;
    return this.outbox.enqueueInvitationBatch(m, {
      members: items.map((x) => ({ memberId: x.memberId, invitation: x.invitation, welcomeDedupeKey: x.welcomeDedupeKey })),
      invitation: { validDays },
      welcome: { codeOfConduct: content.codeOfConduct ?? null, commissioners: content.commissioners, codeOfConductText: (content.codeOfConductText as string | undefined) ?? null },
    });
  }

  async emailChange(m: Tx, d: { oldEmail: string | null; newEmail: string; confirmUrl: string }): Promise<void> {
    await this.outbox.enqueue(m, { type: 'email-change', recipient: { email: d.newEmail }, essential: true, data: { newEmail: d.newEmail, confirmUrl: d.confirmUrl } });
    if (d.oldEmail) await this.outbox.enqueue(m, { type: 'email-change', recipient: { email: d.oldEmail }, essential: true, data: { newEmail: d.newEmail, confirmUrl: null } });
  }

  progress(m: Tx, dedupePrefix: string): Promise<{ pending: number; sent: number; failed: number }> {
    return this.repo.deliveryCountsByDedupePrefix(m, dedupePrefix);
  }
}

const invitationMessage = (email: string, d: { firstName: string; activationUrl: string; validDays: number }, dedupeKey: string): NotificationMessage => ({
  type: 'invitation',
  recipient: { email },
  essential: true,
  data: { firstName: d.firstName.slice(0, 100) || 'member', activationUrl: d.activationUrl, validDays: d.validDays },
  dedupeKey,
});

const welcomeMessage = (memberId: string, d: WelcomeContent, dedupeKey: string): NotificationMessage => ({
  type: 'welcome',
  recipient: { memberId },
  essential: true,
  data: {
    firstName: d.firstName.slice(0, 100) || 'member',
    codeOfConduct: d.codeOfConduct ? { version: d.codeOfConduct.version, title: d.codeOfConduct.title.slice(0, 200) } : null,
    ...(d.codeOfConduct ? { codeOfConductText: d.codeOfConduct.text.slice(0, 100_000) } : {}),
    commissioners: d.commissioners.slice(0, 100),
  },
  dedupeKey,
});
