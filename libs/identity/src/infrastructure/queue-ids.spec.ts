import { queueIds } from './member-accounts.sql-repository';

describe('queueIds: the ids of an import’s queued invitations', () => {
  const at = new Date('2026-12-07T17:00:00.123Z');
  it('sort bytewise (as PostgreSQL compares uuids) in the order they were made, across the version and variant bits', () => {
    const ids = queueIds(70_000, at);
    const bytes = ids.map((id) => Buffer.from(id.replace(/-/g, ''), 'hex'));
    for (let i = 1; i < bytes.length; i++) expect(Buffer.compare(bytes[i - 1], bytes[i])).toBe(-1);
  });
  it('are well-formed UUIDv7s carrying the millisecond, and two imports in the same millisecond draw different ones', () => {
    const a = queueIds(1000, at);
    const b = queueIds(1000, at);
    for (const id of a) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(a[0].replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
    expect(new Set([...a, ...b]).size).toBe(2000);
  });
});
