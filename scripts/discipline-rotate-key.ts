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
import { operatorTasks } from '../apps/api/src/composition';
import { exitWhenDone, messageOf, withOperatorApp } from '../apps/api/src/operator/operator-task';

// A one-off task: none of the platform's background jobs run in this process.
const main = (): Promise<number> =>
  withOperatorApp({ env: { NOTIFY_DISPATCH: 'false' } }, async (app) => {
    const rewrapped = await operatorTasks.rotateDisciplineKeys(app);
    console.log(`Case keys re-wrapped under the active master key: ${rewrapped}. Every case key is now under the active key; older master keys can be removed.`);
    return 0;
  });

exitWhenDone(main(), (e) => `Could not rotate the disciplinary keys: ${messageOf(e)}`);
