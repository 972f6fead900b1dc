import { bulletinError, BulletinErrorCode } from './bulletin.errors';

/**
 * What a congress's standing orders set for its pre-congress discussion bulletin: the period in
 * which contributions are published, and their maximum length in words. Nothing else: there is no
 * approval, no moderation queue, no officer's hold.
 */
export interface BulletinOrders {
  /** Contributions are published from this instant… */
  opensAt: string;
  /** …until (before) this instant. */
  closesAt: string;
  /** The longest contribution, in words (title not counted). */
  maxWords: number;
}

export const MIN_WORDS_LIMIT = 50;
export const MAX_WORDS_LIMIT = 20_000;

export function checkBulletinOrders(o: BulletinOrders): BulletinOrders {
  const opens = new Date(o.opensAt).getTime();
  const closes = new Date(o.closesAt).getTime();
  if (Number.isNaN(opens) || Number.isNaN(closes)) throw bulletinError('invalid', BulletinErrorCode.invalidBulletinOrders, 'The bulletin needs opensAt and closesAt as date-times (ISO 8601).');
  if (closes <= opens) throw bulletinError('invalid', BulletinErrorCode.invalidBulletinOrders, 'The bulletin must close (closesAt) after it opens (opensAt).');
  if (!Number.isInteger(o.maxWords) || o.maxWords < MIN_WORDS_LIMIT || o.maxWords > MAX_WORDS_LIMIT) {
    throw bulletinError('invalid', BulletinErrorCode.invalidBulletinOrders, `maxWords must be a whole number from ${MIN_WORDS_LIMIT} to ${MAX_WORDS_LIMIT}.`);
  }
  return { opensAt: new Date(opens).toISOString(), closesAt: new Date(closes).toISOString(), maxWords: o.maxWords };
}

/** Words as a reader counts them: runs of characters between white space. The web's live count uses the same rule. */
export const countWords = (text: string): number => text.split(/\s+/u).filter((w) => w.length > 0).length;

export type BulletinPhase = 'not-open-yet' | 'open' | 'closed';

export function bulletinPhase(o: BulletinOrders, now: Date): BulletinPhase {
  if (now.getTime() < new Date(o.opensAt).getTime()) return 'not-open-yet';
  return now.getTime() < new Date(o.closesAt).getTime() ? 'open' : 'closed';
}

/** Refuses, saying when, unless the bulletin is open now. */
export function requireOpen(o: BulletinOrders, now: Date, doing: string): void {
  const phase = bulletinPhase(o, now);
  if (phase === 'not-open-yet') throw bulletinError('unprocessable', BulletinErrorCode.bulletinNotOpenYet, `The bulletin opens at ${o.opensAt}; ${doing} from then until it closes at ${o.closesAt}.`, { opensAt: o.opensAt, closesAt: o.closesAt });
  if (phase === 'closed') throw bulletinError('unprocessable', BulletinErrorCode.bulletinClosed, `The bulletin closed at ${o.closesAt}; ${doing} is no longer possible.`, { opensAt: o.opensAt, closesAt: o.closesAt });
}

export const TITLE_MIN = 3;
export const TITLE_MAX = 200;

/**
 * A contribution may be published when the bulletin is open and its text is within the length the
 * standing orders set. Returns its word count. Publication is then immediate: nothing here (or
 * anywhere) waits for an officer.
 */
export function checkContribution(o: BulletinOrders, c: { title: string; text: string }, now: Date): { title: string; text: string; words: number } {
  requireOpen(o, now, 'contributions are published');
  const title = c.title.trim();
  const text = c.text.trim();
  if (title.length < TITLE_MIN || title.length > TITLE_MAX) throw bulletinError('invalid', BulletinErrorCode.invalidContribution, `The title must be ${TITLE_MIN} to ${TITLE_MAX} characters.`, { field: 'title' });
  const words = countWords(text);
  if (words === 0) throw bulletinError('invalid', BulletinErrorCode.invalidContribution, 'The contribution has no text.', { field: 'text' });
  if (words > o.maxWords) {
    throw bulletinError('invalid', BulletinErrorCode.contributionTooLong, `The contribution has ${words} words: ${words - o.maxWords} over the ${o.maxWords} the standing orders allow.`, {
      field: 'text',
      words,
      maxWords: o.maxWords,
      over: words - o.maxWords,
    });
  }
  return { title, text, words };
}

/** Who a contribution is by: a member, or a caucus — a caucus's contribution keeps no member's id. */
export type ContributionAuthor = { kind: 'member'; memberId: string } | { kind: 'caucus'; caucusId: string };

/** Only the author (for a caucus: a current member of it, as the caucuses context says) withdraws, before the bulletin closes, once. */
export function checkWithdrawal(o: BulletinOrders, c: { author: ContributionAuthor; withdrawnAt: string | null }, by: { memberId: string; actsForCaucus: boolean }, now: Date): void {
  const isAuthor = c.author.kind === 'member' ? c.author.memberId === by.memberId : by.actsForCaucus;
  if (!isAuthor) throw bulletinError('forbidden', BulletinErrorCode.notTheAuthor, 'Only the author of a contribution (for a caucus: a current member of it) withdraws it.');
  if (c.withdrawnAt) throw bulletinError('conflict', BulletinErrorCode.alreadyWithdrawn, `This contribution was withdrawn at ${c.withdrawnAt}.`);
  requireOpen(o, now, 'withdrawing a contribution');
}
