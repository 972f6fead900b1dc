import fc from 'fast-check';
import { DomainError } from '@org/kernel';
import { MemberSearchCriteria, decodeCursor, encodeCursor, memberSortKey } from './member-search-criteria.value-object';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('MemberSearchCriteria', () => {
  it('normalizes filters and defaults the page size', () => {
    const c = MemberSearchCriteria.create({ name: '  Ana ', email: 'ANA@', statuses: ['active', 'active', 'lapsed'], standing: 'good' });
    expect(c.toSnapshot()).toEqual({ name: 'ana', email: 'ana@', branchIds: null, statuses: ['active', 'lapsed'], standing: 'good', pageSize: 50, after: null });
  });

  it('accepts page sizes 1..200 only', () => {
    expect(MemberSearchCriteria.create({ pageSize: '200' }).pageSize).toBe(200);
    expect(MemberSearchCriteria.create({ pageSize: 1 }).pageSize).toBe(1);
    for (const pageSize of [0, 201, 1.5, 'ten', -1]) expect(errorOf(() => MemberSearchCriteria.create({ pageSize })).code).toBe('invalid_page_size');
  });

  it('refuses unknown statuses and standing values', () => {
    const e = errorOf(() => MemberSearchCriteria.create({ statuses: ['active', 'vip'], standing: 'maybe' }));
    expect(e.code).toBe('invalid_search_filter');
    expect(e.details).toEqual([
      { field: 'statuses', message: 'unknown status(es): vip' },
      { field: 'standing', message: 'must be good or not-good' },
    ]);
  });

  it('cursors are opaque base64url and round-trip; a tampered cursor is refused', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (sortKey, id) => {
        const text = encodeCursor({ sortKey, id });
        expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(text)).toEqual({ sortKey, id });
      }),
    );
    expect(errorOf(() => decodeCursor('')).code).toBe('invalid_cursor');
    for (const bad of ['not base64!', Buffer.from('{"sortKey":1}').toString('base64url'), Buffer.from('nope').toString('base64url')]) {
      expect(errorOf(() => MemberSearchCriteria.create({ cursor: bad })).code).toBe('invalid_cursor');
    }
  });

  it("narrows to the caller's branches; asking for another branch gives an empty search, not an error", () => {
    expect(MemberSearchCriteria.create().restrictToBranches(['A']).branchIds).toEqual(['A']);
    const other = MemberSearchCriteria.create({ branchIds: ['B'] }).restrictToBranches(['A']);
    expect(other.isEmpty).toBe(true);
  });

  it('gives a next cursor only after a full page', () => {
    const c = MemberSearchCriteria.create({ pageSize: 2 });
    expect(c.nextCursor({ sortKey: 'k', id: '1' }, 1)).toBeNull();
    expect(decodeCursor(c.nextCursor({ sortKey: 'k', id: '1' }, 2)!)).toEqual({ sortKey: 'k', id: '1' });
  });

  it('sort keys fold case and accents, last name first', () => {
    expect(memberSortKey('Ana', 'Öztürk')).toBe('ozturk\u0000ana');
    expect(memberSortKey('ana', 'OZTURK')).toBe(memberSortKey('Ana', 'Öztürk'));
  });
});
