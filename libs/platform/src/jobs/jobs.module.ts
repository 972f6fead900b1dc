import { DynamicModule, Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EMBEDDED_DATABASE } from '../database/database.module';
import type { EmbeddedDatabase } from '../database/embedded-database';
import { LOGGER } from '../logging/logging.tokens';
import type { Logger } from '../logging/logger';
import { AdvisoryJobLocks, InProcessJobLocks } from './job-locks';
import { JobRunLog } from './job-run-log';
import { JobRunner } from './job-runner';

export interface JobsModuleOptions {
  /** false: this process runs jobs only on request (`npm run job`, other one-off scripts). Default true. */
  schedule?: boolean;
}

/** Stops the runner when the application shuts down — before the database connections close. */
@Injectable()
class JobRunnerShutdown implements OnModuleDestroy {
  constructor(@Inject(JobRunner) private readonly runner: JobRunner) {}
  onModuleDestroy(): Promise<void> {
    return this.runner.stop();
  }
}

/**
 * The platform's job runner for the whole application (global). Locks: advisory locks on the
 * database at `DATABASE_URL`, or in-process locks on the embedded database.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions = {}): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        {
          provide: JobRunner,
          inject: [APP_CONFIG, LOGGER, EMBEDDED_DATABASE, getDataSourceToken()],
          useFactory: (config: AppConfig, logger: Logger, embedded: EmbeddedDatabase | null, ds: DataSource) =>
            new JobRunner({
              locks: config.databaseUrl ? new AdvisoryJobLocks(config.databaseUrl, logger) : new InProcessJobLocks(embedded!.db),
              logger,
              schedule: options.schedule ?? true,
              log: new JobRunLog(ds),
            }),
        },
        JobRunnerShutdown,
      ],
      exports: [JobRunner],
    };
  }
}
