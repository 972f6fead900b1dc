import { expiryOf, INVITATION_LINK_DAYS, letterCodeFrom, normalizeLetterCode } from './invitation';

describe('invitation rules', () => {
  it('a link expires 14 days after it was issued', () => {
    const at = new Date('2026-01-01T10:00:00Z');
    expect(INVITATION_LINK_DAYS).toBe(14);
    expect(expiryOf('link', at).toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });

  it('a letter code has no look-alike characters and is read back whatever the case or spacing', () => {
    const code = letterCodeFrom(new Uint8Array(Array.from({ length: 12 }, (_, i) => i * 37)));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(normalizeLetterCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
  });
});
