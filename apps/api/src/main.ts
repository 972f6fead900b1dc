import 'reflect-metadata';
import * as fs from 'node:fs';
import { ConfigError, loadConfig, openEmbeddedDatabase, runMigrations, createLogger } from '@org/platform';
import { migrations } from '../../../migrations';
import { createApp, findWebRoot } from './bootstrap';
import { DemoClock } from './seed/demo-clock';
import { seedDemoIfEmpty } from './seed/demo-seed';
import { startBanner } from './start-banner';

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(config.logLevel === 'silent' ? 'silent' : 'info', 'commons-api');
  fs.mkdirSync(config.dataDir, { recursive: true });
  const embedded = config.databaseUrl ? undefined : await openEmbeddedDatabase(config.dataDir);
  try {
    if (embedded || config.env.MIGRATE_ON_START === 'true') {
      const applied = await runMigrations(config, migrations, embedded);
      if (applied.length) log.info({ applied }, 'migrations applied');
    }
  } catch (e) {
    fail(e, config.databaseUrl);
  }
  let app;
  try {
    // The demo seed replays a case from weeks ago: it needs a clock it can move (the system clock otherwise).
    app = await createApp({ config, embedded, clock: config.seedDemo ? new DemoClock() : undefined });
  } catch (e) {
    fail(e, config.databaseUrl);
  }
  const demo = config.seedDemo ? await seedDemoIfEmpty(app, config) : null;
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  log.info({ url, docs: `${url}/docs`, database: config.databaseUrl ? 'postgresql' : `embedded (${config.dataDir}/pg)`, readyInMs: Date.now() - started }, 'platform ready');
  console.log(startBanner({ url, webInterface: findWebRoot() !== null, demo }));
}

function fail(e: unknown, databaseUrl?: string): never {
  const err = e as { message?: string; code?: string };
  if (databaseUrl) {
    const u = new URL(databaseUrl);
    console.error(`Cannot use the database at ${u.hostname}:${u.port || 5432}${u.pathname}: ${err.code ? `${err.code} ` : ''}${err.message ?? e}`);
    console.error('Check DATABASE_URL, that PostgreSQL is running, and that migrations ran (npm run migrate).');
  } else {
    console.error(`Cannot open the embedded database: ${err.message ?? e}`);
  }
  process.exit(1);
}

main().catch((e) => {
  console.error('The platform failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
