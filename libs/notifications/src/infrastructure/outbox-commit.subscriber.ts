import type { EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { OUTBOX_WRITTEN, type OutboxSignal } from '../application/outbox-signal';

/**
 * After a transaction that wrote outbox rows commits, wakes this process's dispatchers (a nudge;
 * the periodic poll still catches everything if the nudge is lost or another process wrote).
 */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly signal: OutboxSignal) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const qr = event.queryRunner;
    if (qr.isTransactionActive || !qr.data?.[OUTBOX_WRITTEN]) return;
    delete qr.data[OUTBOX_WRITTEN];
    setImmediate(() => this.signal.raise());
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const qr = event.queryRunner;
    if (!qr.isTransactionActive && qr.data?.[OUTBOX_WRITTEN]) delete qr.data[OUTBOX_WRITTEN];
  }
}
