import type { Tx } from '@org/platform';
import type { Outbox } from '@org/notifications';
import { ApplicationConfirmationNotifier } from '../application/ports/application-confirmation.notifier';

/** The confirmation link goes out through the notifications outbox (the stored link is scrubbed once sent). */
export class OutboxApplicationConfirmationNotifier extends ApplicationConfirmationNotifier {
  constructor(private readonly outbox: Pick<Outbox, 'enqueue'>) {
    super();
  }

  async confirmApplication(m: Tx, to: { email: string }, confirmUrl: string, validHours: number): Promise<void> {
    await this.outbox.enqueue(m, { type: 'application-confirmation', recipient: { email: to.email }, essential: true, data: { confirmUrl, validHours } });
  }

  async addressAlreadyMember(m: Tx, to: { email: string }): Promise<void> {
    await this.outbox.enqueue(m, { type: 'membership-exists', recipient: { email: to.email }, essential: true, data: {} });
  }
}
