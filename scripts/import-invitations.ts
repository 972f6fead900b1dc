/**
 * `npm run invitations -- --import <import id> [--no-wait]`: sends the invitations of a member
 * import (written to the outbox in batches) and shows their progress until every one is sent or
 * has failed; then prints the counts. The import id is in the import's answer (`batchId`).
 *
 * Same configuration as the platform (DATABASE_URL or the embedded database under DATA_DIR). On
 * the embedded database stop the API first (one process at a time); on PostgreSQL it can run next
 * to the API and workers. Exit code 0 when every invitation went out, 3 when some failed, 1 when
 * it could not run. Prints counts only — never addresses or links.
 */
import 'reflect-metadata';
import { followImportInvitations } from '../apps/api/src/operator/import-invitations.task';
import { exitWhenDone, messageOf, withOperatorApp } from '../apps/api/src/operator/operator-task';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(): Promise<number> {
  const i = process.argv.indexOf('--import');
  const batchId = i >= 0 ? process.argv[i + 1] : undefined;
  if (!batchId || !UUID.test(batchId)) {
    console.error('Give the import with --import <id>: the batchId the import answered with (a UUID).');
    return 1;
  }
  // Only mail delivery runs here; the periodic jobs stay with the API.
  return withOperatorApp({ env: { INVITATION_DISPATCH_MS: '0' } }, async (app) => {
    const r = await followImportInvitations(app, batchId, process.stdout, { wait: !process.argv.includes('--no-wait') });
    if (!r) {
      console.error(`There is no import ${batchId}. Check the id in the import's answer.`);
      return 1;
    }
    console.log(`Import ${batchId}: ${r.members} members — ${r.sent} invitations sent, ${r.failed} failed, ${r.queued} still waiting, ${r.withoutEmail} without an e-mail address (print them a letter).`);
    if (r.failed > 0) console.log('Some invitations failed: correct those members\' addresses and resend from each member page, or print them a letter.');
    return r.failed > 0 ? 3 : 0;
  });
}

exitWhenDone(main(), (e) => `Could not send the invitations: ${messageOf(e)}`);
