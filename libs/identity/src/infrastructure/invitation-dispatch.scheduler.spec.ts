import { loadConfig, type Logger } from '@org/platform';
import type { AccountProvisioning } from '../application/account-provisioning.service';
import { InvitationDispatchScheduler } from './invitation-dispatch.scheduler';

describe('the dispatch of queued invitations: its interval comes from the validated configuration', () => {
  const logger = { info: jest.fn(), warn: jest.fn() } as unknown as Logger;
  const before = process.env.INVITATION_DISPATCH_MS;
  let scheduler: InvitationDispatchScheduler | undefined;
  let provisioning: { dispatchQueued: jest.Mock };

  beforeEach(() => {
    jest.useFakeTimers();
    provisioning = { dispatchQueued: jest.fn().mockResolvedValue(0) };
    // What the process environment says after boot is not read again: the configuration was.
    process.env.INVITATION_DISPATCH_MS = '5';
  });
  afterEach(async () => {
    await scheduler?.onModuleDestroy();
    scheduler = undefined;
    jest.useRealTimers();
    if (before === undefined) delete process.env.INVITATION_DISPATCH_MS;
    else process.env.INVITATION_DISPATCH_MS = before;
  });

  const start = (env: Record<string, string>) => {
    scheduler = new InvitationDispatchScheduler(provisioning as unknown as AccountProvisioning, logger, loadConfig(env));
    scheduler.onApplicationBootstrap();
  };

  it('looks every INVITATION_DISPATCH_MS milliseconds', () => {
    start({ INVITATION_DISPATCH_MS: '1234' });
    jest.advanceTimersByTime(1233);
    expect(provisioning.dispatchQueued).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(provisioning.dispatchQueued).toHaveBeenCalledTimes(1);
  });

  it('looks every 2 seconds by default', () => {
    start({});
    jest.advanceTimersByTime(1999);
    expect(provisioning.dispatchQueued).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(provisioning.dispatchQueued).toHaveBeenCalledTimes(1);
  });

  it('never looks with 0', () => {
    start({ INVITATION_DISPATCH_MS: '0' });
    jest.advanceTimersByTime(60_000);
    expect(provisioning.dispatchQueued).not.toHaveBeenCalled();
  });
});
