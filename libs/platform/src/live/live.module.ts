import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Logger } from '../logging/logger';
import { LOGGER } from '../logging/logging.tokens';
import { InProcessLiveUpdates, LiveUpdates } from './live-updates';
import { RedisLiveUpdates } from './redis-live-updates';

const channelPrefix = (config: AppConfig): string => {
  const db = config.databaseUrl ? new URL(config.databaseUrl) : null;
  return `commons:live:${db ? `${db.hostname}:${db.port || 5432}${db.pathname}` : `embedded:${process.pid}`}:`;
};

/**
 * Live updates for the whole API: through Redis pub/sub when `REDIS_URL` is set (every API
 * process hears every publication), in this process otherwise.
 */
@Global()
@Module({
  providers: [
    {
      provide: LiveUpdates,
      inject: [APP_CONFIG, LOGGER],
      useFactory: async (config: AppConfig, logger: Logger): Promise<LiveUpdates> => {
        if (!config.redisUrl) return new InProcessLiveUpdates();
        const live = new RedisLiveUpdates(config.redisUrl, channelPrefix(config), logger);
        await live.ready();
        return live;
      },
    },
  ],
  exports: [LiveUpdates],
})
export class LiveModule implements OnApplicationShutdown {
  constructor(@Inject(LiveUpdates) private readonly live: LiveUpdates) {}

  async onApplicationShutdown(): Promise<void> {
    await this.live.close();
  }
}
