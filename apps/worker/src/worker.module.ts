import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@org/audit';
import { NotificationsModule, type MailTransport, type NotificationSettings } from '@org/notifications';
import { Clock, DatabaseModule, JobsModule, PlatformConfigModule, type AppConfig, type EmbeddedDatabase } from '@org/platform';

export interface WorkerModuleOptions {
  config: AppConfig;
  /** Tests only: share the test's in-process database. */
  embedded?: EmbeddedDatabase;
  clock?: Clock;
  settings?: Partial<NotificationSettings>;
  transport?: MailTransport;
}

/** The queue consumers: no HTTP, the notifications context in its worker role. */
@Module({})
export class WorkerModule {
  static forRoot(o: WorkerModuleOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformConfigModule.forRoot(o.config, o.clock),
        DatabaseModule.forRoot({ embedded: o.embedded }),
        // The platform's job runner: a context module added here registers its scheduled jobs as in the API.
        JobsModule.forRoot(),
        AuditModule,
        NotificationsModule.forWorker(o.config, { settings: o.settings, transport: o.transport }),
      ],
    };
  }
}
