import { securityHeaders } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';

describe('platform: bad input, errors and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    expect((await t.http().get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toBe('ok');
  });

  it('malformed JSON is a 400 with the error shape, not a 500', async () => {
    const res = await t.http().post('/auth/login').set('content-type', 'application/json').send('{"email": "a@b.c", ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'malformed_body' });
  });

  it('unknown fields and wrong types are a 400 naming each field', async () => {
    const res = await t.http().post('/auth/login').send({ email: 42, password: 'x', admin: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['admin', 'email']);
  });

  it('a bad UUID in the path is a 400', async () => {
    const ec = await t.make.signedInMember();
    await t.make.mandate(ec.id, 'EC');
    const res = await t.http().post('/mandates/not-a-uuid/end').set(ec.auth).send({ endsOn: '2026-01-01', reason: 'test reason' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_id');
  });

  it('an oversized body is a 413', async () => {
    const res = await t.http().post('/auth/login').send({ email: 'a@b.c', password: 'x'.repeat(10_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('an unknown route is a 404 with the error shape', async () => {
    const res = await t.http().get('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it('sends security headers on every response, errors and 404s included', async () => {
    for (const res of [await t.http().get('/health/live'), await t.http().get('/no/such/route'), await t.http().post('/auth/login').send({})]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('asks browsers to upgrade to https only when the public URL is https (a plain-http install must still load its scripts)', () => {
    const plain = securityHeaders('http://192.168.1.20:3000');
    expect(plain['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(plain['strict-transport-security']).toBeUndefined();
    const secure = securityHeaders('https://members.example.org');
    expect(secure['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(secure['strict-transport-security']).toContain('max-age=');
  });

  it('publishes OpenAPI with a policy on every operation', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    const ops = Object.values(res.body.paths as Record<string, Record<string, { 'x-policy'?: string }>>).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThan(5);
    for (const op of ops) expect(op['x-policy']).toBeTruthy();
  });
});
