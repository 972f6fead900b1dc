import { loadApplicationLimits, type ApplicationLimits } from './application-limits';
import { PendingApplicationsScheduler } from './pending-applications.scheduler';
import type { ApplyForMembershipUseCase } from './use-cases/apply-for-membership.use-case';

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };

function scheduler(cleanupMinutes: number, deleteExpired: () => Promise<number>) {
  const limits = { ...loadApplicationLimits({}), cleanupMinutes } as ApplicationLimits;
  return new PendingApplicationsScheduler({ deleteExpired } as unknown as ApplyForMembershipUseCase, logger as never, limits);
}

describe('expired applications are deleted on a schedule', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs shortly after boot and then every APPLICATION_CLEANUP_MINUTES', async () => {
    const deleteExpired = jest.fn().mockResolvedValue(2);
    const s = scheduler(30, deleteExpired);
    s.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(deleteExpired).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(30 * 60_000);
    expect(deleteExpired).toHaveBeenCalledTimes(2);
    await s.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(deleteExpired).toHaveBeenCalledTimes(2);
  });

  it('0 turns the timer off; a failed run is logged without its data and retried next time', async () => {
    const off = jest.fn().mockResolvedValue(0);
    scheduler(0, off).onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(24 * 3600_000);
    expect(off).not.toHaveBeenCalled();

    const failing = jest.fn().mockRejectedValueOnce(Object.assign(new Error('connection lost'), { code: 'ECONNRESET' })).mockResolvedValue(1);
    const s = scheduler(0, failing);
    expect(await s.sweep()).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith({ err: { code: 'ECONNRESET', message: 'connection lost' } }, expect.stringMatching(/retried/));
    expect(await s.sweep()).toBe(1);
  });

  it('APPLICATION_CLEANUP_MINUTES is 60 by default, 0 in tests, and checked at boot', () => {
    expect(loadApplicationLimits({}).cleanupMinutes).toBe(60);
    expect(loadApplicationLimits({ NODE_ENV: 'test' }).cleanupMinutes).toBe(0);
    expect(loadApplicationLimits({ APPLICATION_CLEANUP_MINUTES: '15' }).cleanupMinutes).toBe(15);
    expect(() => loadApplicationLimits({ APPLICATION_CLEANUP_MINUTES: 'often' })).toThrow(/APPLICATION_CLEANUP_MINUTES/);
  });
});
