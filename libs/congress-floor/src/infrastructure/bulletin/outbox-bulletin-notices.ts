import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/kernel';
import { Outbox } from '@org/notifications';
import type { BulletinOrders } from '../../domain/bulletin';
import { BulletinNotices } from '../../application/bulletin/bulletin-notices.port';

/**
 * The bulletin's one notice, through the notifications outbox: an `announcement` to every member
 * in good standing (a feed entry each; email as their preferences say), written in the caller's
 * transaction and deduplicated per congress — never one per contribution.
 */
@Injectable()
export class OutboxBulletinNotices extends BulletinNotices {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  async announce(tx: Tx, n: { congressId: string; orders: BulletinOrders; actorId: string }): Promise<void> {
    await this.outbox.fanOutToMembers(tx, {
      type: 'announcement',
      data: {
        title: 'The pre-congress discussion bulletin',
        text:
          `Every member, and every caucus, may publish a contribution to the pre-congress discussion bulletin from ${n.orders.opensAt} until ${n.orders.closesAt}, ` +
          `up to ${n.orders.maxWords} words. Contributions are published at once, as written; no officer approves, holds back or edits them. Read them all on the congress's bulletin page.`,
      },
      audience: 'good-standing',
      dedupeKey: `congress-bulletin:${n.congressId}`,
      actor: { id: n.actorId, kind: 'member' },
    });
  }
}
