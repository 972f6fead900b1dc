import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { IdentityNotifier } from '@org/identity';
import { Outbox } from './outbox.service';

/**
 * Identity's port, bound to the outbox: the reset email is written in identity's transaction
 * and sent later. The link is a secret: the stored copy is scrubbed once it was sent or failed.
 */
@Injectable()
export class OutboxIdentityNotifier extends IdentityNotifier {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  async passwordReset(manager: Tx, to: { accountId: string; email: string; memberId: string | null }, resetUrl: string): Promise<void> {
    await this.outbox.enqueue(manager, { type: 'password-reset', recipient: { email: to.email }, essential: true, data: { resetUrl } });
  }
}
