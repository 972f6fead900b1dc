import { Injectable } from '@nestjs/common';
import { query } from '@org/platform';
import { DuesTransactions } from '../ports/dues-transactions.port';
import { DuesReminderNotifier, type DuesReminder } from '../ports/dues-reminder-notifier.port';

/**
 * Hands the reminders the standing job recorded (channel `recorded`) to the notifier, a batch per
 * transaction: a reminder's outbox message and its new channel commit together, so a crash
 * half-way re-sends nothing and loses nothing. With the record-only notifier nothing moves.
 */
@Injectable()
export class DispatchRemindersUseCase {
  private running: Promise<number> | null = null;

  constructor(
    private readonly ds: DuesTransactions,
    private readonly notifier: DuesReminderNotifier,
  ) {}

  /** Drains every waiting reminder; concurrent calls share one run. Returns how many were handed over. */
  drain(batchSize = 200): Promise<number> {
    if (!this.running) this.running = this.run(batchSize).finally(() => (this.running = null));
    return this.running;
  }

  private async run(batchSize: number): Promise<number> {
    let total = 0;
    for (;;) {
      const handed = await this.ds.transaction(async (m) => {
        const rows = await query<{ id: string; member_id: string; period: string; arrears_months: number }>(
          m,
          `SELECT id, member_id, period, arrears_months FROM dues.reminders WHERE channel = 'recorded' ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batchSize],
        );
        if (rows.length === 0) return 0;
        const reminders: DuesReminder[] = rows.map((r) => ({ id: r.id, memberId: r.member_id, period: r.period, arrearsMonths: r.arrears_months, oldestUnpaidDueOn: null }));
        const sent = await this.notifier.remind(m, reminders);
        if (sent === 0) return 0;
        await query(m, `UPDATE dues.reminders SET channel = $2 WHERE id = ANY($1::uuid[])`, [reminders.map((r) => r.id), this.notifier.channel]);
        return sent;
      });
      if (handed === 0) return total;
      total += handed;
    }
  }
}
