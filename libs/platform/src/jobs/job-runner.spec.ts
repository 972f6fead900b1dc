import { InProcessJobLocks } from './job-locks';
import { JobRunner } from './job-runner';

const logger = () => ({ info: jest.fn(), warn: jest.fn(), debug: jest.fn() });

/** A run that lasts until `open()` is called. */
function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

describe('the job runner (in-process locks, fake timers)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a job first after firstRunAfterMs, then every everyMs; 0 never schedules it; stop() clears its timers', async () => {
    const r = new JobRunner({ locks: new InProcessJobLocks({}), logger: logger() });
    const run = jest.fn().mockResolvedValue({ n: 1 });
    const never = jest.fn().mockResolvedValue(null);
    r.register({ name: 'probe', description: 'a probe', everyMs: 60_000, firstRunAfterMs: 5_000, run });
    r.register({ name: 'idle', description: 'never scheduled', everyMs: 0, run: never });
    await jest.advanceTimersByTimeAsync(4_999);
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(r.list().map((j) => [j.name, j.scheduled])).toEqual([['idle', false], ['probe', true]]);
    expect(r.list().find((j) => j.name === 'probe')?.lastRun).toMatchObject({ outcome: 'ran', trigger: 'schedule', result: { n: 1 } });
    await r.stop();
    expect(r.list().some((j) => j.scheduled)).toBe(false);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(never).not.toHaveBeenCalled();
  });

  it('a runner that does not schedule still lists its jobs and runs them on request', async () => {
    const r = new JobRunner({ locks: new InProcessJobLocks({}), schedule: false });
    const run = jest.fn().mockResolvedValue(3);
    r.register({ name: 'probe', description: 'a probe', everyMs: 1_000, run });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(run).not.toHaveBeenCalled();
    expect(await r.runNow('probe')).toMatchObject({ job: 'probe', outcome: 'ran', trigger: 'request', result: 3 });
    expect(() => r.runNow('nope')).toThrow('There is no job named "nope". Jobs: probe.');
  });

  it('a tick that finds the job still running is skipped and logged at debug level; the next one runs', async () => {
    const log = logger();
    const r = new JobRunner({ locks: new InProcessJobLocks({}), logger: log });
    const g = gate();
    const run = jest.fn().mockImplementationOnce(() => g.p).mockResolvedValue(undefined);
    r.register({ name: 'slow', description: 'slow', everyMs: 1_000, run });
    await jest.advanceTimersByTimeAsync(3_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(log.debug).toHaveBeenCalledWith({ job: 'slow', trigger: 'schedule' }, expect.stringMatching(/not run: it is running/));
    expect(await r.runNow('slow')).toMatchObject({ outcome: 'busy', trigger: 'request' });
    g.open();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    await r.stop();
  });

  it('two runners on one database: a job runs in one of them at a time', async () => {
    const database = {};
    const a = new JobRunner({ locks: new InProcessJobLocks(database) });
    const b = new JobRunner({ locks: new InProcessJobLocks(database) });
    const g = gate();
    const inA = jest.fn(() => g.p);
    const inB = jest.fn().mockResolvedValue(undefined);
    a.register({ name: 'shared', description: 'shared', everyMs: 0, run: inA });
    b.register({ name: 'shared', description: 'shared', everyMs: 0, run: inB });
    const first = a.runNow('shared');
    expect(await b.runNow('shared')).toMatchObject({ outcome: 'busy' });
    expect(inB).not.toHaveBeenCalled();
    g.open();
    expect(await first).toMatchObject({ outcome: 'ran' });
    expect(await b.runNow('shared')).toMatchObject({ outcome: 'ran' });
    // Another database's runner is not held up.
    const c = new JobRunner({ locks: new InProcessJobLocks({}) });
    c.register({ name: 'shared', description: 'shared', everyMs: 0, run: jest.fn(() => new Promise<void>(() => undefined)) });
    void c.runNow('shared');
    expect(await a.runNow('shared')).toMatchObject({ outcome: 'ran' });
  });

  it('a failure is logged with its code and message only, answered as failed, and the next run retries', async () => {
    const log = logger();
    const r = new JobRunner({ locks: new InProcessJobLocks({}), logger: log });
    const run = jest.fn().mockRejectedValueOnce(Object.assign(new Error('connection lost'), { code: 'ECONNRESET', detail: 'secret row' })).mockResolvedValue(1);
    r.register({ name: 'flaky', description: 'flaky', everyMs: 1_000, run });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(log.warn).toHaveBeenCalledWith({ job: 'flaky', trigger: 'schedule', err: { code: 'ECONNRESET', message: 'connection lost' } }, 'job flaky failed; the next run retries');
    expect(r.list()[0].lastRun).toMatchObject({ outcome: 'failed', error: { code: 'ECONNRESET', message: 'connection lost' } });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(r.list()[0].lastRun).toMatchObject({ outcome: 'ran', result: 1 });
    await r.stop();
  });

  it('a job whose errors may carry case content keeps them by name and code only (log, answer, record)', async () => {
    const log = logger();
    const r = new JobRunner({ locks: new InProcessJobLocks({}), logger: log });
    r.register({ name: 'sealed', description: 'sealed', everyMs: 0, quietErrors: true, run: () => Promise.reject(Object.assign(new TypeError('the complaint of X about Y'), { code: 'E1' })) });
    expect(await r.runNow('sealed')).toMatchObject({ outcome: 'failed', error: { code: 'E1', message: 'TypeError' } });
    expect(log.warn).toHaveBeenCalledWith({ job: 'sealed', trigger: 'request', err: { name: 'TypeError', code: 'E1' } }, 'job sealed failed; the next run retries');
    expect(JSON.stringify(log.warn.mock.calls)).not.toContain('complaint');
    expect(JSON.stringify(r.list())).not.toContain('complaint');
  });

  it('stop() waits for the run in progress, and nothing starts afterwards', async () => {
    const r = new JobRunner({ locks: new InProcessJobLocks({}) });
    const g = gate();
    let finished = false;
    const run = jest.fn(async () => {
      await g.p;
      finished = true;
    });
    r.register({ name: 'long', description: 'long', everyMs: 1_000, run });
    await jest.advanceTimersByTimeAsync(1_000);
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(stopped).toBe(false);
    g.open();
    await stopping;
    expect(finished).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
    expect(await r.runNow('long')).toMatchObject({ outcome: 'busy' });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('names are lower-case words joined by "-", once each', () => {
    const r = new JobRunner({ locks: new InProcessJobLocks({}) });
    const job = { description: 'x', everyMs: 0, run: async () => undefined };
    expect(() => r.register({ ...job, name: 'Standing Job' })).toThrow(/lower-case words/);
    r.register({ ...job, name: 'standing' });
    expect(() => r.register({ ...job, name: 'standing' })).toThrow('A job named "standing" is already registered.');
  });
});
