import { Injectable } from '@nestjs/common';

/**
 * Wakes the dispatchers of this process: raised after a transaction that wrote outbox rows
 * commits, so a message leaves within milliseconds instead of at the next poll.
 */
@Injectable()
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  raise(): void {
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The flag the outbox sets on the caller's query runner; read after its commit. */
export const OUTBOX_WRITTEN = 'notifications.outboxWritten';
