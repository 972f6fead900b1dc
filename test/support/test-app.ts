import type { Provider } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { Clock, SystemClock } from '@org/platform';
import { createApp } from '../../apps/api/src/bootstrap';
import { Factories } from './factories';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  make: Factories;
  close(): Promise<void>;
}

/** The whole API on this test file's own database. */
export async function createTestApp(options: { clock?: Clock; overrides?: Provider[]; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase(options.env);
  const app = await createApp({ config: db.config, embedded: db.embedded, clock: options.clock ?? new SystemClock(), overrides: options.overrides });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const make = new Factories(db.dataSource, app);
  return {
    app,
    db,
    http: () => request(app.getHttpServer()),
    make,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
