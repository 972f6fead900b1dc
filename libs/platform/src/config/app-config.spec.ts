import { ConfigError, loadConfig } from './app-config';

describe('typed configuration', () => {
  it('defaults to the embedded database under ./data', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with postgres:/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a valid URL/],
    ['REDIS_URL', 'http://x', /REDIS_URL must start with redis:/],
    ['NODE_ENV', 'staging', /NODE_ENV must be one of/],
    ['DISCIPLINE_KEY', 'c2hvcnQ=', /DISCIPLINE_KEY must be 32 bytes/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO must be true or false/],
    ['INVITATION_DISPATCH_MS', '2s', /INVITATION_DISPATCH_MS must be a whole number of milliseconds \(e\.g\. 2000; 0 turns the dispatch off in this process\), got "2s"/],
    ['INVITATION_DISPATCH_MS', '-1', /INVITATION_DISPATCH_MS must be a whole number of milliseconds/],
    ['INVITATION_DISPATCH_MS', '3600001', /INVITATION_DISPATCH_MS must be between 0 and 3600000 milliseconds/],
  ])('a bad %s (%s) stops with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('INVITATION_DISPATCH_MS: 2000 by default, 0 turns the dispatch off', () => {
    expect(loadConfig({}).invitationDispatchMs).toBe(2000);
    expect(loadConfig({ INVITATION_DISPATCH_MS: '0' }).invitationDispatchMs).toBe(0);
    expect(loadConfig({ INVITATION_DISPATCH_MS: '250' }).invitationDispatchMs).toBe(250);
  });

  it('the discipline and migration roles default to DATABASE_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://a@h/db' });
    expect(c.disciplineDatabaseUrl).toBe('postgres://a@h/db');
    expect(c.migrationDatabaseUrl).toBe('postgres://a@h/db');
  });
});
