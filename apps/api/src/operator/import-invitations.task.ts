/**
 * The operator's view of an import's invitations (`npm run invitations -- --import <id>`): writes
 * the queued invitations to the outbox batch by batch, then follows their delivery, with a
 * progress bar on a terminal (one line per step otherwise) and the final counts of sent and
 * failed. Safe next to a running API: each batch locks its own rows.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DISPATCH_BATCH } from '@org/identity';
import { operatorTasks } from '../composition';

export interface ProgressOutput {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/** `[##########----------]  50%  30/60` */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total <= 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${done}/${total}`;
}

export interface ImportInvitationsResult {
  sent: number;
  failed: number;
  queued: number;
  withoutEmail: number;
  members: number;
}

export async function followImportInvitations(
  app: INestApplicationContext,
  batchId: string,
  out: ProgressOutput,
  o: { batchSize?: number; wait?: boolean; pollMs?: number; timeoutMs?: number } = {},
): Promise<ImportInvitationsResult | null> {
  const first = await operatorTasks.importInvitations(app, batchId);
  if (!first) return null;
  const line = (text: string, final = false) => out.write(out.isTTY ? `\r${text}${final ? '\n' : ''}` : `${text}\n`);
  // 1. Queued invitations → the outbox, one transaction per batch.
  let written = 0;
  for (;;) {
    const n = await operatorTasks.writeQueuedInvitations(app, o.batchSize ?? DISPATCH_BATCH);
    if (n === 0) break;
    written += n;
    line(`Writing invitations  ${progressBar(written, Math.max(written, first.queued))}`);
  }
  if (written > 0 && out.isTTY) line(`Writing invitations  ${progressBar(written, written)}`, true);
  // 2. Delivery (by this process, a worker or the API, whichever sends mail here).
  const deadline = Date.now() + (o.timeoutMs ?? 24 * 3600_000);
  let p = (await operatorTasks.importInvitations(app, batchId))!;
  // Once written, every invitation still to send is in the outbox: sent + failed + queued.
  const sending = () => `Sending invitations  ${progressBar(p.sent + p.failed, p.sent + p.failed + p.queued)}  sent ${p.sent}, failed ${p.failed}`;
  while (o.wait !== false && !p.done && Date.now() < deadline) {
    line(sending());
    await new Promise((r) => setTimeout(r, o.pollMs ?? 500));
    p = (await operatorTasks.importInvitations(app, batchId))!;
  }
  line(sending(), true);
  return { sent: p.sent, failed: p.failed, queued: p.queued, withoutEmail: p.withoutEmail, members: p.members };
}
