import type { Tx } from '@org/kernel';
import type { BulletinOrders } from '../../domain/bulletin';

/**
 * Tells every member, once, that a congress's discussion bulletin is set: when it opens, when it
 * closes, how long a contribution may be. Written in the caller's transaction (the notifications
 * outbox); never one notice per contribution.
 */
export abstract class BulletinNotices {
  abstract announce(tx: Tx, n: { congressId: string; orders: BulletinOrders; actorId: string }): Promise<void>;
}
