import { DomainError } from '@org/kernel';

/**
 * The complaints directory (S1, S14): it serves a complainant finding the person they mean —
 * never a membership dump. A search needs at least three letters, each word matches the start
 * of a first or last name, at most five people are answered, each searcher has a daily budget,
 * and the answer carries no member id: an opaque handle, usable only by that searcher, only to
 * name that person in a complaint, for a day.
 */
export const DIRECTORY_MIN_LETTERS = 3;
export const DIRECTORY_MAX_RESULTS = 5;
export const DIRECTORY_DAILY_SEARCHES = 30;
export const DIRECTORY_HANDLE_HOURS = 24;
const DAY_MS = 86_400_000;

/** The query's words, or the refusal that says what to type. */
export function directoryQueryWords(text: string | undefined): string[] {
  const q = typeof text === 'string' ? text.trim() : '';
  const words = q.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const letters = words.join('').replace(/[^\p{L}]/gu, '').length;
  if (letters < DIRECTORY_MIN_LETTERS || q.length > 100 || words.length > 4) {
    throw new DomainError(
      'invalid',
      'discipline.directory_query',
      `Type at least ${DIRECTORY_MIN_LETTERS} letters of the person's first or last name (at most four words, 100 characters).`,
      { field: 'q' },
    );
  }
  return words;
}

/** Refused once the searcher has used the day's budget: the message says when they can search again. */
export function assertWithinDirectoryBudget(searchesInLastDay: number, oldestInWindow: Date | null, now: Date): void {
  if (searchesInLastDay < DIRECTORY_DAILY_SEARCHES) return;
  const retryAt = new Date((oldestInWindow ?? now).getTime() + DAY_MS);
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  throw new DomainError(
    'rate_limited',
    'discipline.directory_budget_used',
    `You have searched the directory ${DIRECTORY_DAILY_SEARCHES} times in the last 24 hours, its daily limit. You can search again after ${retryAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. If you cannot find the person, describe them in the complaint instead: the commission will identify them.`,
    { retryAfterSeconds },
  );
}

export const directoryHandleExpiry = (now: Date): number => now.getTime() + DIRECTORY_HANDLE_HOURS * 3_600_000;

/** A handle that is not genuine, not this searcher's, or expired. */
export function directoryHandleRefused(): DomainError {
  return new DomainError(
    'invalid',
    'discipline.directory_handle_invalid',
    'A person chosen from the directory could not be used: the choice is valid for 24 hours, and only for the account that searched. Search the directory again and choose them again.',
    { field: 'handle' },
  );
}
