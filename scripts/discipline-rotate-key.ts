/**
 * `npm run discipline:rotate-key`: after a new master key has been added (the last line of
 * DISCIPLINE_KEY_FILE, or DISCIPLINE_KEY with the old key kept in the file), re-wraps every case's
 * data key under it, in batches, each in its own transaction (safe to interrupt and run again).
 * Case content itself is not re-encrypted: each case keeps its own data key. When it reports
 * that nothing is left under an old key, that key can be removed.
 *
 * Same configuration as the platform (DATABASE_URL or the embedded database under DATA_DIR).
 * Exit code 0 when done, 1 when it could not run. Prints counts only — never keys.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import { createApp } from '../apps/api/src/bootstrap';
import { operatorTasks } from '../apps/api/src/composition';
import { closeEmbeddedDatabases, loadConfig, openEmbeddedDatabase } from '../libs/platform/src';

async function main(): Promise<number> {
  // A one-off task: none of the platform's background jobs run in this process.
  const config = loadConfig({
    ...process.env,
    SEED_DEMO: 'false',
    NOTIFY_DISPATCH: 'false',
    STANDING_JOB_INTERVAL_MINUTES: '0',
    DISCIPLINE_DEADLINE_JOB_MINUTES: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  if (!config.databaseUrl && !fs.existsSync(config.dataDir)) {
    console.error(`No embedded database at ${config.dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`);
    return 1;
  }
  const embedded = config.databaseUrl ? undefined : await openEmbeddedDatabase(config.dataDir);
  const app = await createApp({ config, embedded, webRoot: null, scheduleJobs: false });
  try {
    await app.init();
    const rewrapped = await operatorTasks.rotateDisciplineKeys(app);
    console.log(`Case keys re-wrapped under the active master key: ${rewrapped}. Every case key is now under the active key; older master keys can be removed.`);
    return 0;
  } finally {
    await app.close();
    await closeEmbeddedDatabases();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`Could not rotate the disciplinary keys: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
