import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { JobRunner, LOGGER, type JobHandle, type Logger } from '@org/platform';
import { ELECTIONS_CONFIG, type ElectionsConfig } from '../application/elections.config';
import { RemindVotersUseCase } from '../application/use-cases/remind-voters.use-case';

/**
 * The `election-reminders` job: every `ELECTIONS_REMINDER_JOB_MINUTES` (default 10; 0 = only on
 * request, `npm run job -- election-reminders`), sends the one reminder of each election closing
 * within `ELECTIONS_REMINDER_HOURS` to its voters who have not voted. Its result counts elections,
 * never voters.
 */
@Injectable()
export class VoterRemindersScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private handle: JobHandle | null = null;
  private readonly jobs: JobRunner;

  constructor(
    private readonly reminders: RemindVotersUseCase,
    @Inject(ELECTIONS_CONFIG) private readonly config: ElectionsConfig,
    @Inject(LOGGER) logger: Logger,
    @Optional() jobs?: JobRunner,
  ) {
    this.jobs = jobs ?? JobRunner.inProcess(logger);
  }

  onApplicationBootstrap(): void {
    this.handle = this.jobs.register({
      name: 'election-reminders',
      description: 'sends the one reminder before the close to the voters of each election who have not voted (who they are is never shown)',
      everyMs: this.config.reminderJobMinutes * 60_000,
      run: () => this.reminders.remindDue(),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    this.handle = null;
  }
}
