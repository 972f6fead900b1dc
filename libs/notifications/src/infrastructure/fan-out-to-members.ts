import type { Tx } from '@org/platform';
import { fanOutToAudience, type FanOutDeps, type FanOutResult } from '../application/outbox.service';
import type { FanOutInput } from '../domain/notification-message';
import { OutboxSqlRepository } from './outbox.sql-repository';

/**
 * A notice to every member of an audience, in the caller's transaction (see `fanOutToAudience`),
 * on the SQL outbox unless another one is given. Inside the app, use `Outbox.fanOutToMembers`.
 */
export function fanOutToMembers(manager: Tx, input: FanOutInput, deps: Partial<FanOutDeps> = {}): Promise<FanOutResult> {
  return fanOutToAudience(manager, input, { ...deps, repo: deps.repo ?? new OutboxSqlRepository() });
}
