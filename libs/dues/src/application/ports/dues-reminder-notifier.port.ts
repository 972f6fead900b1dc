import type { Tx } from '@org/platform';

/** A reminder that a member's subs are in arrears: no amounts a member chose, no waiver facts. */
export interface DuesReminder {
  id: string;
  memberId: string;
  /** YYYY-MM: at most one reminder per member per month. */
  period: string;
  arrearsMonths: number;
  /** Due date of the oldest unpaid month (null when unknown). */
  oldestUnpaidDueOn: string | null;
}

/**
 * Delivers subs reminders. The standing job records each reminder in `dues.reminders` (one per
 * member per month); after it commits, `DispatchRemindersUseCase` hands them here in batches,
 * each batch in its own transaction. Bound in the app's
 * composition root to the notifications outbox when it is there; otherwise
 * `RecordOnlyReminderNotifier` leaves them recorded (channel `recorded`) for a later sender.
 */
export abstract class DuesReminderNotifier {
  /** Recorded on each reminder handed over (e.g. `outbox`). */
  abstract readonly channel: string;
  /** Returns how many were handed to a delivery channel (0: none, they stay recorded). */
  abstract remind(m: Tx, reminders: readonly DuesReminder[]): Promise<number>;
}
