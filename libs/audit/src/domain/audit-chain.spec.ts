import { ChainVerifier, GENESIS_HASH, canonicalJson, hashRecord, type AuditRecord } from './audit-chain';

const chain = (n: number) => {
  const out: (AuditRecord & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r: AuditRecord = { seq: i, occurredAt: new Date(1_700_000_000_000 + i).toISOString(), actorId: null, actorKind: 'system', context: 'test', action: `a${i}`, subjectType: 't', subjectId: String(i), data: { i }, prevHash: prev };
    const hash = hashRecord(r);
    out.push({ ...r, hash });
    prev = hash;
  }
  return out;
};
const verify = (rows: (AuditRecord & { hash: string })[]) => {
  const v = new ChainVerifier();
  for (const r of rows) {
    const b = v.next(r);
    if (b) return b;
  }
  return null;
};

describe('audit chain', () => {
  it('accepts an intact chain', () => expect(verify(chain(5))).toBeNull());
  it('names an edited entry', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], data: { i: 99 } };
    expect(verify(rows)).toEqual({ seq: 3, problem: 'hash_mismatch' });
  });
  it('names the entry after a deleted one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verify(rows)).toEqual({ seq: 3, problem: 'missing_entry', expectedSeq: 2 });
  });
  it('names reordered entries (seq swapped)', () => {
    const rows = chain(5);
    const a = rows[1], b = rows[2];
    rows[1] = { ...b, seq: 2 };
    rows[2] = { ...a, seq: 3 };
    expect(verify(rows)).toEqual({ seq: 2, problem: 'prev_hash_mismatch' });
  });
  it('hashes independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });
});
