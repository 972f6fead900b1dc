import type { Outbox } from '@org/notifications';
import type { Tx } from '@org/platform';
import { DuesReminderNotifier, type DuesReminder } from '../application/ports/dues-reminder-notifier.port';

/** Until an outbox is bound: the reminders stay recorded in `dues.reminders` (channel `recorded`). */
export class RecordOnlyReminderNotifier extends DuesReminderNotifier {
  readonly channel = 'recorded';
  async remind(): Promise<number> {
    return 0;
  }
}

/**
 * Sends subs reminders through the notifications outbox, in the dispatcher's transaction: the
 * outbox message exists if and only if the reminder is marked as handed over. The dedupe key makes a retried run
 * write each reminder once. Only arrears facts go out: no amounts, no waivers.
 */
export class OutboxReminderNotifier extends DuesReminderNotifier {
  readonly channel = 'outbox';
  constructor(private readonly outbox: Pick<Outbox, 'enqueue'>) {
    super();
  }

  async remind(tx: Tx, reminders: readonly DuesReminder[]): Promise<number> {
    let sent = 0;
    for (const r of reminders) {
      await this.outbox.enqueue(tx, {
        type: 'subs-reminder',
        recipient: { memberId: r.memberId },
        essential: false,
        data: { arrearsMonths: r.arrearsMonths, paidThrough: null },
        dedupeKey: `subs-reminder:${r.memberId}:${r.period}`,
      });
      sent++;
    }
    return sent;
  }
}
