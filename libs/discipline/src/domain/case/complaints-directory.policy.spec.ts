import { DomainError } from '@org/kernel';
import { assertWithinDirectoryBudget, directoryQueryWords, DIRECTORY_DAILY_SEARCHES } from './complaints-directory.policy';

const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'other';
  }
};

describe('complaints directory policy', () => {
  it('asks for at least three letters, at most four words', () => {
    for (const q of [undefined, '', 'ab', 'a b', '12 34 ++', 'a b c d e f']) expect(codeOf(() => directoryQueryWords(q))).toBe('discipline.directory_query');
    expect(directoryQueryWords('  Ana  Kow ')).toEqual(['ana', 'kow']);
    expect(directoryQueryWords('Zoë')).toEqual(['zoë']);
  });

  it('refuses once the day’s budget is used, saying when to come back', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(codeOf(() => assertWithinDirectoryBudget(DIRECTORY_DAILY_SEARCHES - 1, now, now))).toBeNull();
    const oldest = new Date('2026-03-10T08:00:00Z');
    try {
      assertWithinDirectoryBudget(DIRECTORY_DAILY_SEARCHES, oldest, now);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).kind).toBe('rate_limited');
      expect((e as DomainError).details).toEqual({ retryAfterSeconds: 20 * 3600 });
      expect((e as DomainError).message).toMatch(/2026-03-11 08:00 UTC/);
    }
  });
});
