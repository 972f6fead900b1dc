import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule, type WorkerModuleOptions } from './worker.module';

/** Builds and starts a worker (used by `main.ts` and by tests that run workers in-process). */
export async function createWorker(options: WorkerModuleOptions): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), {
    logger: options.config.logLevel === 'silent' ? false : ['error', 'warn'],
    abortOnError: false,
  });
  await app.init();
  return app;
}
