import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config';
import { LOGGER } from '../logging/logging.tokens';
import { createLogger } from '../logging/logger';
import { Clock, SystemClock } from './clock';

@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: PlatformConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: createLogger(config.logLevel) },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, LOGGER, Clock],
    };
  }
}
