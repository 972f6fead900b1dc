import { DomainError } from '@org/kernel';
import { MemberStatus, isMemberStatus } from './member-status.value-object';
import { MembershipErrorCode } from './membership.errors';

export type StandingFilter = 'good' | 'not-good';

/** Position after the last row of a page: the row's sort key and id (ties on the key break by id). */
export interface SearchCursor {
  sortKey: string;
  id: string;
}

export interface MemberSearchCriteriaInput {
  /** Part of the name, case-insensitive. */
  name?: string | null;
  /** Part of the e-mail address, case-insensitive. */
  email?: string | null;
  branchIds?: readonly string[] | null;
  statuses?: readonly string[] | null;
  standing?: string | null;
  /** 1..200, default 50. */
  pageSize?: number | string | null;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * The key members are listed by: last name, then first name, case- and accent-folded
 * (`Öztürk Ana` → `ozturk\u0000ana`). The store keeps it in a column so keyset pagination is an
 * index range scan.
 */
export function memberSortKey(firstName: string, lastName: string): string {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .trim()
      .replace(/\s+/g, ' ');
  return `${fold(lastName)}\u0000${fold(firstName)}`;
}

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify({ sortKey: cursor.sortKey, id: cursor.id }), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): SearchCursor {
  const bad = () => new DomainError('invalid', MembershipErrorCode.invalidCursor, 'The page cursor is not valid. Start again from the first page.', { field: 'cursor' });
  if (typeof text !== 'string' || text.length === 0 || text.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(text)) throw bad();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!value || typeof value !== 'object') throw bad();
  const { sortKey, id } = value as Record<string, unknown>;
  if (typeof sortKey !== 'string' || typeof id !== 'string' || id === '') throw bad();
  return { sortKey, id };
}

/**
 * Validated search filters and page position. Filters combine with AND; the values inside one
 * filter (several statuses, several branches) with OR. Branch scope is applied by
 * `restrictToBranches`: a secretary asking for another branch gets an empty result, never an error
 * that would confirm the branch's members exist.
 */
export class MemberSearchCriteria {
  private constructor(
    readonly name: string | null,
    readonly email: string | null,
    readonly branchIds: readonly string[] | null,
    readonly statuses: readonly MemberStatus[] | null,
    readonly standing: StandingFilter | null,
    readonly pageSize: number,
    readonly after: SearchCursor | null,
  ) {}

  static create(input: MemberSearchCriteriaInput = {}): MemberSearchCriteria {
    const errors: Array<{ field: string; message: string }> = [];
    const text = (field: string, v: string | null | undefined, max: number): string | null => {
      if (v === null || v === undefined) return null;
      if (typeof v !== 'string') {
        errors.push({ field, message: 'must be text' });
        return null;
      }
      const t = v.normalize('NFC').trim().toLowerCase();
      if (t.length > max) errors.push({ field, message: `must be at most ${max} characters` });
      return t === '' ? null : t;
    };
    const name = text('name', input.name, 100);
    const email = text('email', input.email, 254);

    let statuses: MemberStatus[] | null = null;
    if (input.statuses && input.statuses.length > 0) {
      const unknown = input.statuses.filter((s) => !isMemberStatus(s));
      if (unknown.length) errors.push({ field: 'statuses', message: `unknown status(es): ${unknown.join(', ')}` });
      statuses = [...new Set(input.statuses.filter(isMemberStatus))];
    }
    let branchIds: string[] | null = null;
    if (input.branchIds && input.branchIds.length > 0) {
      if (input.branchIds.some((b) => typeof b !== 'string' || b === '')) errors.push({ field: 'branchIds', message: 'must be branch ids' });
      branchIds = [...new Set(input.branchIds)];
    }
    let standing: StandingFilter | null = null;
    if (input.standing !== null && input.standing !== undefined && input.standing !== '') {
      if (input.standing === 'good' || input.standing === 'not-good') standing = input.standing;
      else errors.push({ field: 'standing', message: 'must be good or not-good' });
    }
    if (errors.length > 0) {
      throw new DomainError('invalid', MembershipErrorCode.invalidSearchFilter, `The search is not valid — ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
    }

    let pageSize = DEFAULT_PAGE_SIZE;
    if (input.pageSize !== null && input.pageSize !== undefined && input.pageSize !== '') {
      const n = typeof input.pageSize === 'number' ? input.pageSize : /^\d+$/.test(input.pageSize) ? Number(input.pageSize) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
        throw new DomainError('invalid', MembershipErrorCode.invalidPageSize, `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${JSON.stringify(input.pageSize)}.`, {
          field: 'pageSize',
        });
      }
      pageSize = n;
    }
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    return new MemberSearchCriteria(name, email, branchIds, statuses, standing, pageSize, after);
  }

  /**
   * Narrows the search to the branches the caller may see. With no branch filter, the result is
   * exactly the allowed branches; with one, the intersection (possibly empty: see `isEmpty`).
   */
  restrictToBranches(allowed: readonly string[]): MemberSearchCriteria {
    const branchIds = this.branchIds === null ? [...allowed] : this.branchIds.filter((b) => allowed.includes(b));
    return new MemberSearchCriteria(this.name, this.email, branchIds, this.statuses, this.standing, this.pageSize, this.after);
  }

  /** True when no member can match (an empty branch scope): skip the query. */
  get isEmpty(): boolean {
    return this.branchIds !== null && this.branchIds.length === 0;
  }

  /** The cursor for the page after one that ended with this row (only when the page was full). */
  nextCursor(lastRow: SearchCursor | undefined, rowsOnPage: number): string | null {
    return lastRow && rowsOnPage >= this.pageSize ? encodeCursor(lastRow) : null;
  }

  toSnapshot() {
    return {
      name: this.name,
      email: this.email,
      branchIds: this.branchIds ? [...this.branchIds] : null,
      statuses: this.statuses ? [...this.statuses] : null,
      standing: this.standing,
      pageSize: this.pageSize,
      after: this.after ? { ...this.after } : null,
    };
  }
}
