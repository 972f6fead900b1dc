import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import * as pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';

// Calendar dates stay `YYYY-MM-DD` strings on real PostgreSQL too, as on the embedded database.
pg.types.setTypeParser(1082, (v: string) => v);

export const EMBEDDED_DATABASE = Symbol('EMBEDDED_DATABASE');
/** Name of the disciplinary context's own connection (its own role on real PostgreSQL). */
export const DISCIPLINE_CONNECTION = 'discipline';

export interface DatabaseModuleOptions {
  /** Tests pass an in-memory database cloned from the migrated template. */
  embedded?: EmbeddedDatabase;
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions = {}): DynamicModule {
    const connection = (name: 'app' | 'discipline') =>
      TypeOrmModule.forRootAsync({
        name: name === 'app' ? undefined : DISCIPLINE_CONNECTION,
        inject: [APP_CONFIG],
        useFactory: async (config: AppConfig) => ({
          ...(await dataSourceOptions(config, name, {}, options.embedded)),
          autoLoadEntities: true,
          retryAttempts: 0,
          manualInitialization: false,
        }),
      });
    return {
      module: DatabaseModule,
      imports: [connection('app'), connection('discipline')],
      providers: [
        // The embedded database in use (the one the connections share), or null on real PostgreSQL.
        {
          provide: EMBEDDED_DATABASE,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => (config.databaseUrl ? null : (options.embedded ?? (await openEmbeddedDatabase(config.dataDir)))),
        },
      ],
      exports: [TypeOrmModule, EMBEDDED_DATABASE],
    };
  }
}
