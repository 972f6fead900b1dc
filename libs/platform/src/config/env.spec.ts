import { loadConfig } from './app-config';
import { ConfigError, envBoolean, envDuration, envInteger, envList, envOneOf, envString, envUrl } from './env';

describe('reading the environment', () => {
  it('an absent or empty variable gives the default', () => {
    expect(envInteger({}, 'N', 7)).toBe(7);
    expect(envInteger({ N: '' }, 'N', 7)).toBe(7);
    expect(envDuration({}, 'POLL_MS', 2000, 'milliseconds')).toBe(2000);
    expect(envBoolean({}, 'B', true)).toBe(true);
    expect(envOneOf({}, 'M', ['a', 'b'] as const, 'b')).toBe('b');
    expect(envList({}, 'L', ['EC'])).toEqual(['EC']);
    expect(envString({ S: '' }, 'S', 'x')).toBe('x');
    expect(envString({}, 'S')).toBeUndefined();
    expect(envUrl({}, 'U', ['redis:'])).toBeUndefined();
  });

  it('reads good values', () => {
    expect(envInteger({ N: '42' }, 'N', 7, { min: 1, max: 100 })).toBe(42);
    expect(envDuration({ WAIT_MINUTES: '0' }, 'WAIT_MINUTES', 60, 'minutes', { min: 0 })).toBe(0);
    expect(envBoolean({ B: 'No' }, 'B', true)).toBe(false);
    expect(envBoolean({ B: '1' }, 'B', false)).toBe(true);
    expect(envOneOf({ M: 'a' }, 'M', ['a', 'b'] as const, 'b')).toBe('a');
    expect(envList({ L: ' ec, cc ,' }, 'L', [], { allowed: ['EC', 'CC'], normalize: (s) => s.toUpperCase() })).toEqual(['EC', 'CC']);
    expect(envUrl({ U: 'redis://h:1' }, 'U', ['redis:'])).toBe('redis://h:1');
  });

  it.each([
    ['a word for a number', () => envInteger({ LIMIT: 'ten' }, 'LIMIT', 1), /^Configuration error: LIMIT must be a whole number, got "ten"$/],
    ['a negative number', () => envInteger({ LIMIT: '-1' }, 'LIMIT', 1), /LIMIT must be a whole number/],
    ['a number out of range', () => envInteger({ LIMIT: '500' }, 'LIMIT', 1, { min: 1, max: 100 }), /^Configuration error: LIMIT must be between 1 and 100, got 500$/],
    ['too small, no upper bound', () => envInteger({ MAX_BYTES: '10' }, 'MAX_BYTES', 2048, { min: 1024, unit: 'bytes' }), /^Configuration error: MAX_BYTES must be at least 1024 bytes, got 10$/],
    ['a duration with a unit suffix', () => envDuration({ POLL_MS: '2s' }, 'POLL_MS', 2000, 'milliseconds', { hint: 'e.g. 2000' }), /^Configuration error: POLL_MS must be a whole number of milliseconds \(e\.g\. 2000\), got "2s"$/],
    ['a duration out of range', () => envDuration({ WAIT_MINUTES: '99' }, 'WAIT_MINUTES', 1, 'minutes', { max: 60 }), /WAIT_MINUTES must be between 0 and 60 minutes, got 99/],
    ['not a boolean', () => envBoolean({ FLAG: 'maybe' }, 'FLAG', false), /^Configuration error: FLAG must be true or false, got "maybe"$/],
    ['not one of the words', () => envOneOf({ MODE: 'c' }, 'MODE', ['a', 'b'], 'a'), /^Configuration error: MODE must be one of a, b, got "c"$/],
    ['a list with a stranger', () => envList({ BODIES: 'EC,XX' }, 'BODIES', [], { allowed: ['EC', 'CC'], expected: 'must list EC and/or CC' }), /^Configuration error: BODIES must list EC and\/or CC, got "XX"$/],
    ['a URL of another scheme', () => envUrl({ QUEUE_URL: 'http://x' }, 'QUEUE_URL', ['redis:']), /QUEUE_URL must start with redis:/],
    ['not a URL', () => envUrl({ QUEUE_URL: 'nope' }, 'QUEUE_URL', ['redis:']), /QUEUE_URL is not a valid URL/],
  ])('%s stops with a ConfigError naming the variable', (_what, read, message) => {
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  it('the config hands the contexts the environment it was given, on top of the process environment, frozen', () => {
    const c = loadConfig({ ELECTIONS_BALLOT_BATCH: '6' });
    expect(c.env.ELECTIONS_BALLOT_BATCH).toBe('6');
    expect(c.env.PATH).toBe(process.env.PATH);
    expect(Object.isFrozen(c.env)).toBe(true);
  });
});
