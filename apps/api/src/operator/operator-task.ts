/**
 * How an operator's command (`npm run org:init`, `invitations`, `discipline:rotate-key`) starts
 * and stops the platform around its one task: the platform's own configuration with the
 * background jobs off, the embedded database (with its folder lock) or PostgreSQL, the Nest
 * application, and — whatever happens — the application closed and the embedded database released
 * before the process exits with the task's code.
 */
import * as fs from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { closeEmbeddedDatabases, loadConfig, openEmbeddedDatabase, runMigrations, type AppConfig } from '@org/platform';
import { migrations } from '../../../../migrations';
import { createApp } from '../bootstrap';

/** A one-off task: no demo data, and none of the platform's periodic jobs run in this process. */
export const OPERATOR_TASK_ENV: Readonly<Record<string, string>> = {
  SEED_DEMO: 'false',
  STANDING_JOB_INTERVAL_MINUTES: '0',
  DISCIPLINE_DEADLINE_JOB_MINUTES: '0',
};

export interface OperatorTaskOptions {
  /** Values on top of the process's environment and `OPERATOR_TASK_ENV` (e.g. `NOTIFY_DISPATCH: 'false'`). */
  env?: Record<string, string>;
  /**
   * `existing` (default): the embedded database must already be there (else a message and exit 1);
   * `create`: its folder is created, and it is migrated (PostgreSQL too with MIGRATE_ON_START=true).
   */
  database?: 'existing' | 'create';
}

/** The configuration an operator's task runs with. */
export function operatorConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, ...OPERATOR_TASK_ENV, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env });
}

/**
 * Starts the platform, runs `task` with the initialized application, and always closes both.
 * Returns the task's exit code; 1 when the embedded database is missing (`database: 'existing'`).
 */
export async function withOperatorApp(options: OperatorTaskOptions, task: (app: NestFastifyApplication, config: AppConfig) => Promise<number>): Promise<number> {
  const config = operatorConfig(options.env);
  if ((options.database ?? 'existing') === 'create') {
    if (!config.databaseUrl) fs.mkdirSync(config.dataDir, { recursive: true });
  } else if (!config.databaseUrl && !fs.existsSync(config.dataDir)) {
    console.error(`No embedded database at ${config.dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL).`);
    return 1;
  }
  const embedded = config.databaseUrl ? undefined : await openEmbeddedDatabase(config.dataDir);
  if (options.database === 'create' && (embedded || config.env.MIGRATE_ON_START === 'true')) await runMigrations(config, migrations, embedded);
  // A one-off task: none of the platform's scheduled jobs run in this process.
  const app = await createApp({ config, embedded, webRoot: null, scheduleJobs: false });
  try {
    await app.init();
    return await task(app, config);
  } finally {
    await app.close();
    await closeEmbeddedDatabases();
  }
}

/**
 * The end of an operator's command: exits with the code `main` resolves to, or prints what
 * `failure` makes of the error and exits 1.
 */
export function exitWhenDone(main: Promise<number>, failure: (e: unknown) => string): void {
  main.then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(failure(e));
      process.exit(1);
    },
  );
}

/** An error's message, for "Could not …: <message>". */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
