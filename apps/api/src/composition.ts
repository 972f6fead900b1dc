import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { IdentityNotifier } from '@org/identity';
import type { AppConfig } from '@org/platform';

/**
 * Where bounded contexts are plugged into the API. Each context module brings its own
 * controllers, entities and processors; `portBindings` binds the ports one context defines to
 * another context's implementation.
 */
export const contextModules = (config: AppConfig): (Type<unknown> | DynamicModule)[] => {
  void config;
  return [];
};

export const portBindings: Provider[] = [
  // TEMPORARY until the notifications outbox lands: replaced by the outbox adapter.
  { provide: IdentityNotifier, useValue: { passwordReset: async () => undefined } },
];
