import { randomUUID } from 'node:crypto';
import { databaseErrorBody, repairUrl, scanJsonBody, securityHeaders } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

const elapsed = async <T>(f: () => PromiseLike<T>): Promise<[T, number]> => {
  const start = performance.now();
  const r = await f();
  return [r, performance.now() - start];
};

describe('platform: bad input, errors and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The default body limit (1 MiB): a hostile body must be refused for its shape, not its size.
    t = await createTestApp();
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
    const res = await t.http().post('/auth/login').send({ email: 'a@b.c', password: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('an unknown route is a 404 with the error shape', async () => {
    const res = await t.http().get('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it('sends security headers on every response, errors and 404s included', async () => {
    for (const res of [await t.http().get('/health/live'), await t.http().get('/no/such/route'), await t.http().post('/auth/login').send({}), await t.http().get('/health/live?q=a%00b')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['permissions-policy']).toContain('camera=()');
    }
  });

  it('allows scripts only from the platform itself: no inline script, no plugins, no device features', () => {
    const h = securityHeaders('http://localhost:3000');
    const csp = Object.fromEntries(h['content-security-policy'].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(h['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(h['permissions-policy']).toContain(`${feature}=()`);
  });

  it('the API documentation page loads no inline script (it works under the content-security policy)', async () => {
    const page = await t.http().get('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<script src=/);
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('answers with Cache-Control: no-store to every authenticated request, and on API answers by default', async () => {
    const m = await t.make.signedInMember();
    for (const res of [
      await t.http().get('/me/member').set(m.auth),
      await t.http().get('/me/mandates').set(m.auth),
      await t.http().get('/health/live').set(m.auth),
      await t.http().get('/no/such/route').set(m.auth),
      await t.http().get('/me/member'),
      await t.http().get('/cases/CC-2026-ABCD-EFGH').set(m.auth),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('refuses a deeply nested JSON body at once (before parsing), and the process stays responsive', async () => {
    const depth = 200_000;
    const body = '['.repeat(depth) + ']'.repeat(depth);
    const [res, ms] = await elapsed(() => t.http().post('/auth/login').set('content-type', 'application/json').send(body));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'body_too_deep' });
    expect(ms).toBeLessThan(1_000);
    // Several at once: the health check still answers promptly.
    const inFlight = Array.from({ length: 6 }, () => t.http().post('/auth/login').set('content-type', 'application/json').send(body).then((r) => r.status));
    const [live, liveMs] = await elapsed(() => t.http().get('/health/live'));
    expect(live.status).toBe(200);
    expect(liveMs).toBeLessThan(1_000);
    expect(await Promise.all(inFlight)).toEqual(Array(6).fill(400));
    // An ordinary nesting (a few levels) is parsed as before.
    const shallow = await t.http().post('/auth/login').send({ email: [[['a@b.c']]], password: 'x' });
    expect(shallow.body.code).toBe('validation_failed');
  });

  it('measures nesting in one pass: strings holding brackets are not nesting, and the limit is exact', () => {
    const nest = (n: number) => Buffer.from('['.repeat(n) + ']'.repeat(n));
    expect(scanJsonBody(nest(32))).toBeNull();
    expect(scanJsonBody(nest(33))).toBe('too_deep');
    expect(scanJsonBody(Buffer.from(JSON.stringify({ a: '[[[['.repeat(100), b: '\\"[[[[' })))).toBeNull();
    expect(scanJsonBody(Buffer.from(JSON.stringify({ a: 'tab\tnew\nline\r' })))).toBeNull();
    expect(scanJsonBody(Buffer.from(JSON.stringify({ a: 'a\u0000b' })))).toBe('control_character');
    expect(scanJsonBody(Buffer.from('{"a":"\\u001F"}'))).toBe('control_character');
    expect(scanJsonBody(Buffer.from('{"a":"\\\\u0000"}'))).toBeNull(); // an escaped backslash, then the letters u0000
    expect(scanJsonBody(Buffer.from(JSON.stringify({ ['k\u0001']: 1 })))).toBe('control_character');
    // An escaped surrogate only as a pair (JSON.stringify escapes a lone one).
    expect(scanJsonBody(Buffer.from('{"a":"\\ud83d\\ude00 ok"}'))).toBeNull();
    expect(scanJsonBody(Buffer.from(JSON.stringify({ a: 'x😀y' })))).toBeNull();
    expect(scanJsonBody(Buffer.from(JSON.stringify({ a: 'x\udfff' })))).toBe('lone_surrogate');
    expect(scanJsonBody(Buffer.from(JSON.stringify({ a: '\ud800' })))).toBe('lone_surrogate');
    expect(scanJsonBody(Buffer.from('{"a":"\\ud800\\u0041"}'))).toBe('lone_surrogate');
    expect(scanJsonBody(Buffer.from('{"a":"\\ud800'))).toBe('lone_surrogate');
  });

  it('an unpaired surrogate in a body text is a 400 at the edge, never a 500', async () => {
    for (const path of ['/auth/password-reset', '/complaints/email-verifications']) {
      const res = await t.http().post(path).set('content-type', 'application/json').send(JSON.stringify({ email: '\udfff' }));
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'invalid_text']);
    }
    const paired = await t.http().post('/auth/password-reset').send({ email: 'smile😀@example.org' });
    expect(paired.status).not.toBe(500);
  });

  it('a NUL or another control character anywhere in the input is a 400 at the edge, never a database error', async () => {
    const sec = await new MembershipFactories(t).secretary(await t.make.branch());
    const cases: [string, () => PromiseLike<{ status: number; body: { code: string } }>][] = [
      ['query', () => t.http().get('/members?name=a%00b').set(sec.auth)],
      ['query (other control)', () => t.http().get('/members?name=a%1Fb').set(sec.auth)],
      ['path', () => t.http().get(`/members/${randomUUID()}%00`).set(sec.auth)],
      ['body', () => t.http().post('/auth/login').send({ email: 'a\u0000b@example.org', password: 'x' })],
      ['body (key)', () => t.http().post('/auth/login').send({ email: 'a@example.org', password: 'x', ['\u0000']: 1 })],
    ];
    for (const [where, call] of cases) {
      const res = await call();
      expect([where, res.status, res.body.code]).toEqual([where, 400, 'control_character']);
    }
    // Tab and line breaks in a body are text, not control characters.
    const ok = await t.http().post('/auth/login').send({ email: 'a@example.org', password: 'line\nbreak\tand tab' });
    expect(ok.status).toBe(401);
  });

  it('a refused change to a finding or an outcome notice is recorded whatever the shape of the request (NUL, bad id, bad body)', async () => {
    const ec = await new MembershipFactories(t).ecMember();
    const count = async () => Number((await t.db.dataSource.query(`SELECT count(*)::int AS n FROM audit.entries WHERE action = 'proceedings.attempt-refused' AND actor_id = $1`, [ec.id]))[0].n);
    const id = randomUUID();
    const before = await count();
    const attempts: [string, () => PromiseLike<{ status: number; body: { code: string } }>, string][] = [
      ['NUL in the action', () => t.http().post(`/findings/${id}/annul%00`).set(ec.auth).send({}), 'discipline.finding.final_except_by_appeal'],
      ['NUL in the query', () => t.http().post(`/findings/${id}/annul?why=a%00b`).set(ec.auth).send({}), 'discipline.finding.final_except_by_appeal'],
      ['NUL in the case reference', () => t.http().delete(`/cases/CC-2026%00/findings/${id}`).set(ec.auth), 'discipline.finding.final_except_by_appeal'],
      ['not an id', () => t.http().patch('/findings/not-an-id').set(ec.auth).send({ status: 'set_aside' }), 'discipline.finding.final_except_by_appeal'],
      ['malformed JSON', () => t.http().post(`/findings/${id}/reopen`).set(ec.auth).set('content-type', 'application/json').send('{"a": '), 'discipline.finding.final_except_by_appeal'],
      ['deep JSON', () => t.http().put(`/findings/${id}`).set(ec.auth).set('content-type', 'application/json').send('['.repeat(5000) + ']'.repeat(5000)), 'discipline.finding.final_except_by_appeal'],
      ['NUL in the body', () => t.http().post(`/outcomes/${id}/withdraw`).set(ec.auth).send({ reason: 'a\u0000b' }), 'discipline.outcome_notice.cannot_be_suppressed'],
      ['not JSON', () => t.http().patch(`/outcomes/${id}%00`).set(ec.auth).set('content-type', 'text/plain').send('withdraw it'), 'discipline.outcome_notice.cannot_be_suppressed'],
      ['oversized body', () => t.http().post(`/cases/CC-2026-ABCD-EFGH/outcome-notices/${id}/cancel`).set(ec.auth).send({ reason: 'x'.repeat(1_100_000) }), 'discipline.outcome_notice.cannot_be_suppressed'],
      ['undecodable percent-encoding', () => t.http().post(`/findings/${id}/annul%ED%A0%80`).set(ec.auth).send({}), 'discipline.finding.final_except_by_appeal'],
      ['a stray percent sign', () => t.http().delete(`/outcomes/${id}%zz`).set(ec.auth), 'discipline.outcome_notice.cannot_be_suppressed'],
      ['a 5,000-character segment', () => t.http().post(`/outcomes/${id}/${'x'.repeat(5_000)}`).set(ec.auth).send({}), 'discipline.outcome_notice.cannot_be_suppressed'],
    ];
    for (const [what, call, code] of attempts) {
      const res = await call();
      expect([what, res.status, res.body.code]).toEqual([what, 403, code]);
    }
    expect((await count()) - before).toBe(attempts.length);
    const [entry] = await t.db.dataSource.query(`SELECT data FROM audit.entries WHERE action = 'proceedings.attempt-refused' AND actor_id = $1 ORDER BY seq LIMIT 1 OFFSET $2`, [ec.id, before]);
    expect((typeof entry.data === 'string' ? JSON.parse(entry.data) : entry.data).attempt).toBe('finding.annul\ufffd');
  });

  it('a URL the router could not read is read leniently, and a request over the server’s limits is answered in the error shape', async () => {
    expect(repairUrl('/members/abc?q=x%20y')).toBe('/members/abc?q=x%20y');
    expect(repairUrl('/findings/1/annul%ED%A0%80')).toBe('/findings/1/annul%EF%BF%BD%EF%BF%BD%EF%BF%BD');
    expect(repairUrl('/a/%zz/%C3%A9/%')).toBe('/a/%25zz/%C3%A9/%25');
    const sec = await new MembershipFactories(t).secretary(await t.make.branch());
    const undecodable = await t.http().get('/members/%ED%A0%80').set(sec.auth);
    expect(undecodable.status).toBe(400);
    expect(undecodable.body).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.any(String) });
    const long = await t.http().get(`/members/${'x'.repeat(2_000)}`).set(sec.auth);
    expect(long.status).toBe(400);
    const huge = await t.http().get(`/members?name=${'x'.repeat(20_000)}`).set(sec.auth);
    expect(huge.status).toBe(431);
    expect(huge.body).toEqual({ statusCode: 431, code: 'request_too_large', message: expect.stringMatching(/too long/) });
    expect(huge.headers['x-content-type-options']).toBe('nosniff');
    // The server still answers afterwards.
    expect((await t.http().get('/health/live')).status).toBe(200);
  });

  it('a constraint the database enforces is a 400 naming the field, not a 500', async () => {
    const ec = await new MembershipFactories(t).ecMember();
    const staff = await t.make.body('STAFF');
    const m = await t.make.member();
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const res = await t.http().post(`/bodies/${staff}/mandates`).set(ec.auth).send({ memberId: m.id, role: 'staff', startsOn: inDays(30), endsOn: inDays(10), decisionRef: 'EC minute 12' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'invalid_value', details: [{ field: 'endsOn' }] });
    expect(res.body.message).toMatch(/end date/i);
    expect(JSON.stringify(res.body)).not.toMatch(/mandates_check|identity\.|INSERT|violates/i);
  });

  it('maps each kind of database refusal to 400/409 with the field, never repeating SQL or values', () => {
    const pg = (f: Record<string, string>) => Object.assign(new Error('duplicate key value violates unique constraint "x" DETAIL: Key (email)=(secret@example.org)'), { severity: 'ERROR', ...f });
    expect(databaseErrorBody(pg({ code: '23505', constraint: 'accounts_email_uq', table: 'accounts' }))).toMatchObject({ statusCode: 409, code: 'already_exists', details: [{ field: 'email' }] });
    expect(databaseErrorBody(pg({ code: '23505', constraint: 'branches_code_key', table: 'branches' }))).toMatchObject({ statusCode: 409, details: [{ field: 'code' }] });
    expect(databaseErrorBody(pg({ code: '23505', constraint: 'candidates_election_id_member_id_key', table: 'candidates' }))).toMatchObject({ statusCode: 409, details: [{ field: 'memberId' }] });
    expect(databaseErrorBody(pg({ code: '23503', constraint: 'mandates_body_id_fkey', table: 'mandates', detail: 'Key (body_id)=(x) is not present in table "bodies".' }))).toMatchObject({ statusCode: 400, code: 'unknown_reference', details: [{ field: 'bodyId' }] });
    expect(databaseErrorBody(pg({ code: '23503', constraint: 'mandates_body_id_fkey', table: 'mandates', detail: 'Key (id)=(x) is still referenced from table "mandates".' }))).toMatchObject({ statusCode: 409, code: 'still_referenced' });
    expect(databaseErrorBody(pg({ code: '23514', constraint: 'bodies_seats_check', table: 'bodies' }))).toMatchObject({ statusCode: 400, code: 'invalid_value', details: [{ field: 'seats' }] });
    expect(databaseErrorBody(pg({ code: '23514', constraint: 'mandates_check', table: 'mandates' }))).toMatchObject({ statusCode: 400, details: [{ field: 'endsOn' }] });
    expect(databaseErrorBody(pg({ code: '23502', column: 'starts_on', table: 'mandates' }))).toMatchObject({ statusCode: 400, code: 'missing_value', details: [{ field: 'startsOn' }] });
    for (const code of ['22P02', '22007', '22008', '22003', '22P05', '22001']) expect(databaseErrorBody(pg({ code }))?.statusCode).toBe(400);
    expect(databaseErrorBody(pg({ code: '08006' }))).toBeNull();
    expect(databaseErrorBody(new Error('no code'))).toBeNull();
    for (const code of ['23505', '23503', '23514', '23502', '22P02']) {
      const text = JSON.stringify(databaseErrorBody(pg({ code, constraint: 'accounts_email_uq', table: 'accounts' })));
      expect(text).not.toMatch(/secret@example.org|violates|accounts_email_uq|DETAIL/);
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
