import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { IdentityNotifier } from '@org/identity';
import type { AppConfig } from '@org/platform';
import type { DemoContributor } from './seed/demo-contributor';

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

/** Contexts that add to the demo organization on first start (providers of their modules). */
export const demoContributors: Type<DemoContributor>[] = [];
