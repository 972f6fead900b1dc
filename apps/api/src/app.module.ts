import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { AuditModule } from '@org/audit';
import { IdentityModule } from '@org/identity';
import { NoRestrictions, RestrictionsPort } from '@org/kernel';
import { Clock, DatabaseModule, JobsModule, LiveModule, PlatformConfigModule, type AppConfig, type EmbeddedDatabase } from '@org/platform';
import { HealthController } from './health/health.controller';
import { contextModules, portBindings, portModules } from './composition';

export interface AppModuleOptions {
  config: AppConfig;
  embedded?: EmbeddedDatabase;
  clock?: Clock;
  /** Tests may replace providers (e.g. a failing SMTP transport). */
  overrides?: Provider[];
  /** false: scheduled jobs run only on request in this process (one-off scripts such as `npm run job`). Default true. */
  scheduleJobs?: boolean;
}

/** Ports one context defines and another implements, bound once for the whole app. */
@Global()
@Module({})
class PortsModule {
  static forRoot(extra: Provider[]): DynamicModule {
    const providers: Provider[] = [{ provide: RestrictionsPort, useClass: NoRestrictions }, ...portBindings, ...extra];
    return { module: PortsModule, imports: portModules, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) as any };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformConfigModule.forRoot(options.config, options.clock),
        DatabaseModule.forRoot({ embedded: options.embedded }),
        JobsModule.forRoot({ schedule: options.scheduleJobs ?? true }),
        LiveModule,
        AuditModule,
        PortsModule.forRoot(options.overrides ?? []),
        IdentityModule,
        ...contextModules(options.config),
      ],
      controllers: [HealthController],
    };
  }
}
