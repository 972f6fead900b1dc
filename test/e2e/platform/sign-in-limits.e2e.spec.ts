import { createApp } from '../../../apps/api/src/bootstrap';
import request from 'supertest';
import { SystemClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * Sign-in limits: per (account, client) pair and per client, and a global brake that slows but
 * never refuses. Clients are told apart by `X-Forwarded-For`, trusted here from the loopback
 * proxy only (`TRUST_PROXY=loopback`), as behind a reverse proxy.
 */
const withEnv = async <T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> => {
  const saved: Record<string, string | undefined> = {};
  for (const k of Object.keys(env)) {
    saved[k] = process.env[k];
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  try {
    return await fn();
  } finally {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
};

const PASSWORD = 'test-password-123';

describe('sign-in limits: nobody can lock a member out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withEnv({ TRUST_PROXY: 'loopback', RATE_LIMIT_LOGIN_PER_CLIENT: '30' }, () => createTestApp());
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, client: string) => t.http().post('/auth/login').set('x-forwarded-for', client).send({ email, password });
  const owner = async () => {
    const m = await t.make.member();
    await t.make.account(m.id, m.email);
    return m;
  };

  it('wrong passwords typed from another client never lock the owner out of their own: that pair answers 429 with Retry-After', async () => {
    const m = await owner();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(m.email, `wrong-${i}`, '203.0.113.7')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const refused = await login(m.email, PASSWORD, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, code: 'too_many_attempts', message: expect.stringMatching(/^Too many attempts\. Wait \d+ seconds and try again\.$/), details: { retryAfterSeconds: expect.any(Number) } });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.body.details.retryAfterSeconds).toBe(retryAfter);
    // The owner, from their own client, still gets in.
    const own = await login(m.email, PASSWORD, '198.51.100.20');
    expect(own.status).toBe(200);
    expect(own.body.accessToken).toEqual(expect.any(String));
  });

  it('guessing spread over many clients does not lock the owner out either', async () => {
    const m = await owner();
    for (let c = 0; c < 8; c++) for (let i = 0; i < 3; i++) expect((await login(m.email, 'wrong', `192.0.2.${c + 1}`)).status).toBe(401);
    expect((await login(m.email, PASSWORD, '198.51.100.21')).status).toBe(200);
  });

  it("the owner's own wrong passwords limit only their own client, and signing in clears the count", async () => {
    const m = await owner();
    for (let i = 0; i < 9; i++) expect((await login(m.email, 'wrong', '198.51.100.22')).status).toBe(401);
    expect((await login(m.email, PASSWORD, '198.51.100.22')).status).toBe(200);
    // The count starts again after a success: nine more wrong ones are still answered 401.
    for (let i = 0; i < 9; i++) expect((await login(m.email, 'wrong', '198.51.100.22')).status).toBe(401);
  });

  it('members behind one address (a congress hall, an office) all get in: successful sign-ins do not count against the client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const m = await owner();
      statuses.push((await login(m.email, PASSWORD, '203.0.113.50')).status);
    }
    expect(statuses).toEqual(Array(40).fill(200));
  });

  it('one client trying many accounts is limited per client (30 attempts here), whatever the accounts; other clients are not', async () => {
    const m = await owner();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(`nobody-${i}@test.localhost`, 'wrong', '203.0.113.99')).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const over = await login(m.email, PASSWORD, '203.0.113.99');
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(m.email, PASSWORD, '198.51.100.23')).status).toBe(200);
  });
});

describe('sign-in limits: a client cannot choose its own address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withEnv({ TRUST_PROXY: undefined }, () => createTestApp());
  });
  afterAll(() => t.close());

  it('without TRUST_PROXY, X-Forwarded-For is ignored: a new header per attempt does not escape the limit', async () => {
    const m = await t.make.member();
    await t.make.account(m.id, m.email);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await t.http().post('/auth/login').set('x-forwarded-for', `203.0.113.${i + 1}`).send({ email: m.email, password: 'wrong' })).status);
    expect(statuses[9]).toBe(401);
    expect(statuses[10]).toBe(429);
  });
});

describe('sign-in limits: the global brake slows every sign-in, never refuses the owner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await withEnv({ TRUST_PROXY: 'loopback', RATE_LIMIT_LOGIN_FAILURES_PER_MINUTE: '4', RATE_LIMIT_LOGIN_BRAKE_MS: '900' }, () => createTestApp());
  });
  afterAll(() => t.close());

  it('over the ceiling of failed sign-ins across everyone, a sign-in waits the brake and then succeeds', async () => {
    const m = await t.make.member();
    await t.make.account(m.id, m.email);
    const timed = async (client: string) => {
      const started = Date.now();
      const res = await t.http().post('/auth/login').set('x-forwarded-for', client).send({ email: m.email, password: PASSWORD });
      return { status: res.status, ms: Date.now() - started };
    };
    const before = await timed('198.51.100.30');
    expect(before.status).toBe(200);
    expect(before.ms).toBeLessThan(800);
    for (let i = 0; i < 4; i++) {
      expect((await t.http().post('/auth/login').set('x-forwarded-for', `192.0.2.${50 + i}`).send({ email: `x${i}@test.localhost`, password: 'wrong' })).status).toBe(401);
    }
    const braked = await timed('198.51.100.30');
    expect(braked.status).toBe(200);
    expect(braked.ms).toBeGreaterThanOrEqual(850);
  });
});

// With REDIS_URL (the PostgreSQL + Redis pass): two API processes on one database share the limits.
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
withRedis('sign-in limits in Redis: shared by every API process', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof createApp>>;
  beforeAll(async () => {
    t = await withEnv({ TRUST_PROXY: 'loopback' }, async () => {
      const first = await createTestApp();
      second = await createApp({ config: first.db.config, clock: new SystemClock(), webRoot: null });
      await second.init();
      await second.getHttpAdapter().getInstance().ready();
      return first;
    });
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('wrong passwords counted on one process are counted on the other', async () => {
    expect(t.db.config.redisUrl).toBeTruthy();
    const m = await t.make.member();
    await t.make.account(m.id, m.email);
    const on = (app: 'first' | 'second', password: string) =>
      request(app === 'first' ? t.app.getHttpServer() : second.getHttpServer()).post('/auth/login').set('x-forwarded-for', '203.0.113.150').send({ email: m.email, password });
    for (let i = 0; i < 5; i++) expect((await on('first', 'wrong')).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await on('second', 'wrong')).status).toBe(401);
    const over = await on('first', PASSWORD);
    expect(over.status).toBe(429);
    expect((await on('second', PASSWORD)).status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });
});
