import type { BallotProfile, RankedBallot } from './ballot-profile.model';
import { ballotsInvalid } from './counting.errors';

const DENSE_LIMIT = 1 << 18;
const TWO32 = 4294967296;

/**
 * Aggregates ballots into ranking groups as they arrive: identical rankings are merged and their
 * weights added — a hash map keyed by the ranking, written over typed arrays so that adding a
 * ballot allocates nothing (no string key, no array per ballot). Three tiers, chosen per ranking:
 *
 * 1. **dense**: when the number of candidates is known, a ranking of at most L preferences
 *    (L = 4 for 20 candidates) is a number below (candidates + 1)^L ≤ 2^18 and its weight is kept
 *    by direct index in a small array that stays in the processor cache — most ballots end here;
 * 2. **packed**: a ranking of at most 10 of the first 31 candidates packs exactly into one number
 *    (5 bits per preference); its weight sits next to the key in an open-addressing table, so a
 *    lookup costs one memory access and never reads stored rankings;
 * 3. **general**: anything else (long rankings, equal rankings, more candidates) is stored as a
 *    group and found through a hash table of group indices.
 *
 * Groups of tiers 1 and 2 are materialised by `build()`. A million ballots aggregate in roughly
 * the time it takes to read the bytes.
 */
export class RankingGroupsBuilder {
  // general tier: stored groups
  private prefs = new Uint16Array(1 << 16);
  private ties: Uint8Array | null;
  private prefLength = 0;
  private offsets = new Uint32Array(1 << 12);
  private weights = new Float64Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private groups = 0;
  private table = new Int32Array(1 << 13).fill(-1);
  private mask = (1 << 13) - 1;
  private anyTie = false;
  private total = 0;

  // dense tier: weight by ranking index
  private dense: Float64Array | null = null;
  private denseBase = 0;
  private denseLength = 0;

  // packed tier: [key, weight] pairs, key 0 = empty
  private packed = new Float64Array(1 << 14);
  private packedMask = (1 << 13) - 1;
  private packedCount = 0;

  /**
   * @param withEqualRankings keep `a=b` ties (Meek only)
   * @param candidateCount when known (up to 255), enables the dense tier
   */
  constructor(
    readonly withEqualRankings = false,
    candidateCount?: number,
  ) {
    this.ties = withEqualRankings ? new Uint8Array(1 << 16) : null;
    if (!withEqualRankings && candidateCount !== undefined && candidateCount >= 1 && candidateCount <= 255) {
      const base = candidateCount + 1;
      let length = 0;
      let size = 1;
      while (size * base <= DENSE_LIMIT) {
        size *= base;
        length++;
      }
      if (length >= 2) {
        this.dense = new Float64Array(size);
        this.denseBase = base;
        this.denseLength = length;
      }
    }
  }

  get ballotCount(): number {
    return this.total;
  }

  /**
   * Adds `weight` ballots ranking `scratch[0..length)` (0-based candidates, no repeats, checked by
   * the caller). `tieScratch[i] === 1` marks position i as tied with i + 1.
   */
  add(scratch: Uint16Array, length: number, weight: number, tieScratch?: Uint8Array): void {
    this.total += weight;
    if (this.ties === null) {
      if (this.dense !== null && length <= this.denseLength) {
        const base = this.denseBase;
        let index = 0;
        for (let i = 0; i < length; i++) index = index * base + scratch[i] + 1;
        this.dense[index] += weight;
        return;
      }
      if (length <= 10) {
        let key = 0;
        let i = 0;
        for (; i < length; i++) {
          const c = scratch[i];
          if (c >= 31) break;
          key = key * 32 + (c + 1);
        }
        if (i === length) {
          this.addPacked(key, weight);
          return;
        }
      }
    }
    this.addGeneral(scratch, length, weight, tieScratch);
  }

  /** Freezes the groups into a profile (arrays trimmed to size). */
  build(meta: {
    title: string;
    candidates: readonly string[];
    seats: number;
    withdrawn?: readonly number[];
    blankBallots?: number;
    tieOrder?: readonly number[];
  }): BallotProfile {
    const digits = new Uint16Array(32);
    if (this.dense !== null) {
      const dense = this.dense;
      const base = this.denseBase;
      for (let index = 1; index < dense.length; index++) {
        const w = dense[index];
        if (w === 0) continue;
        let len = 0;
        for (let v = index; v > 0; len++) {
          const q = (v / base) | 0;
          digits[len] = v - q * base - 1;
          v = q;
        }
        reverse(digits, len);
        this.newGroup(digits, len, w, undefined, 0);
      }
      this.dense = null;
    }
    const packed = this.packed;
    for (let s = 0; s < packed.length; s += 2) {
      const key = packed[s];
      if (key === 0) continue;
      let len = 0;
      for (let v = key; v > 0; len++) {
        const q = Math.floor(v / 32);
        digits[len] = v - q * 32 - 1;
        v = q;
      }
      reverse(digits, len);
      this.newGroup(digits, len, packed[s + 1], undefined, 0);
    }
    this.packed = new Float64Array(2);
    this.packedMask = 0;

    const n = this.groups;
    const offsets = this.offsets.slice(0, n + 1);
    return {
      title: meta.title,
      candidates: meta.candidates,
      seats: meta.seats,
      withdrawn: meta.withdrawn ?? [],
      groupCount: n,
      prefs: this.prefs.slice(0, this.prefLength),
      offsets,
      weights: this.weights.slice(0, n),
      tiedWithNext: this.anyTie && this.ties ? this.ties.slice(0, this.prefLength) : undefined,
      hasEqualRankings: this.anyTie,
      ballotCount: this.total,
      blankBallots: meta.blankBallots ?? 0,
      tieOrder: meta.tieOrder,
    };
  }

  private addPacked(key: number, weight: number): void {
    const table = this.packed;
    const mask = this.packedMask;
    let slot = packedHash(key) & mask;
    for (;;) {
      const k = table[slot * 2];
      if (k === key) {
        table[slot * 2 + 1] += weight;
        return;
      }
      if (k === 0) break;
      slot = (slot + 1) & mask;
    }
    table[slot * 2] = key;
    table[slot * 2 + 1] = weight;
    if (++this.packedCount * 2 > mask + 1) this.growPacked();
  }

  private growPacked(): void {
    const old = this.packed;
    const slots = (this.packedMask + 1) * 2;
    const table = new Float64Array(slots * 2);
    const mask = slots - 1;
    for (let s = 0; s < old.length; s += 2) {
      const key = old[s];
      if (key === 0) continue;
      let slot = packedHash(key) & mask;
      while (table[slot * 2] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = key;
      table[slot * 2 + 1] = old[s + 1];
    }
    this.packed = table;
    this.packedMask = mask;
  }

  private addGeneral(scratch: Uint16Array, length: number, weight: number, tieScratch?: Uint8Array): void {
    let h = 0x811c9dc5 | 0;
    if (this.ties !== null) {
      for (let i = 0; i < length; i++) h = Math.imul(h ^ ((scratch[i] << 1) | (tieScratch ? tieScratch[i] & 1 : 0)), 0x01000193);
    } else {
      for (let i = 0; i < length; i++) h = Math.imul(h ^ scratch[i], 0x01000193);
    }
    // murmur3 finaliser: spreads the bits so the low ones (the table slot) are well mixed.
    h = Math.imul(h ^ length ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;

    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const g = table[slot];
      if (g === -1) break;
      if (this.hashes[g] === h && this.sameRanking(g, scratch, length, tieScratch)) {
        this.weights[g] += weight;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const g = this.newGroup(scratch, length, weight, tieScratch, h);
    table[slot] = g;
    if (this.groups * 2 > table.length) this.growTable();
  }

  /** Appends a new group; returns its index. */
  private newGroup(scratch: Uint16Array, length: number, weight: number, tieScratch: Uint8Array | undefined, hash: number): number {
    const g = this.groups;
    if (g + 2 > this.offsets.length) this.growGroups();
    if (this.prefLength + length > this.prefs.length) this.growPrefs(this.prefLength + length);
    const start = this.prefLength;
    const prefs = this.prefs;
    for (let i = 0; i < length; i++) prefs[start + i] = scratch[i];
    if (this.ties !== null) {
      for (let i = 0; i < length; i++) {
        const t = tieScratch ? tieScratch[i] & 1 : 0;
        this.ties[start + i] = t;
        if (t) this.anyTie = true;
      }
    }
    this.prefLength += length;
    this.offsets[g] = start;
    this.offsets[g + 1] = this.prefLength;
    this.weights[g] = weight;
    this.hashes[g] = hash;
    this.groups = g + 1;
    return g;
  }

  private sameRanking(g: number, scratch: Uint16Array, length: number, tieScratch?: Uint8Array): boolean {
    const start = this.offsets[g];
    if (this.offsets[g + 1] - start !== length) return false;
    const prefs = this.prefs;
    for (let i = 0; i < length; i++) if (prefs[start + i] !== scratch[i]) return false;
    if (this.ties !== null) {
      for (let i = 0; i < length; i++) {
        const t = tieScratch ? tieScratch[i] & 1 : 0;
        if (this.ties[start + i] !== t) return false;
      }
    }
    return true;
  }

  private growGroups(): void {
    const size = this.offsets.length * 2;
    const offsets = new Uint32Array(size);
    offsets.set(this.offsets);
    this.offsets = offsets;
    const weights = new Float64Array(size);
    weights.set(this.weights);
    this.weights = weights;
    const hashes = new Int32Array(size);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private growPrefs(needed: number): void {
    let size = this.prefs.length * 2;
    while (size < needed) size *= 2;
    const prefs = new Uint16Array(size);
    prefs.set(this.prefs);
    this.prefs = prefs;
    if (this.ties) {
      const ties = new Uint8Array(size);
      ties.set(this.ties);
      this.ties = ties;
    }
  }

  /** Only general-tier groups are in the table (all groups before `build()`). */
  private growTable(): void {
    const old = this.table;
    const size = old.length * 2;
    const table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let s = 0; s < old.length; s++) {
      const g = old[s];
      if (g === -1) continue;
      let slot = this.hashes[g] & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = g;
    }
    this.table = table;
    this.mask = mask;
  }
}

function reverse(a: Uint16Array, length: number): void {
  for (let i = 0, j = length - 1; i < j; i++, j--) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

function packedHash(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / TWO32);
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Builds a profile from plain ballots (0-based candidate indices). Checks every ranking: known
 * candidates only, no candidate twice, whole positive weights. Withdrawn candidates are dropped
 * from rankings; a ballot left empty counts as blank.
 */
export function profileFromBallots(input: {
  candidates: readonly string[];
  seats: number;
  ballots: Iterable<RankedBallot>;
  withdrawn?: readonly number[];
  title?: string;
}): BallotProfile {
  const n = input.candidates.length;
  if (n === 0) throw ballotsInvalid('an election needs at least one candidate');
  if (n > 0xffff) throw ballotsInvalid(`too many candidates (${n}); at most 65535`);
  if (!Number.isInteger(input.seats) || input.seats < 1) throw ballotsInvalid('the number of seats must be a whole number of at least 1');
  const withdrawn = new Uint8Array(n);
  for (const w of input.withdrawn ?? []) {
    if (!Number.isInteger(w) || w < 0 || w >= n) throw ballotsInvalid(`withdrawn candidate ${w} does not exist`);
    withdrawn[w] = 1;
  }
  const builder = new RankingGroupsBuilder(false, n);
  const seen = new Int32Array(n).fill(-1);
  const scratch = new Uint16Array(n);
  let blank = 0;
  let index = 0;
  for (const ballot of input.ballots) {
    const weight = ballot.weight ?? 1;
    if (!Number.isSafeInteger(weight) || weight < 1) throw ballotsInvalid(`ballot ${index + 1}: weight must be a whole number of at least 1`);
    let len = 0;
    for (const c of ballot.ranking) {
      if (!Number.isInteger(c) || c < 0 || c >= n) throw ballotsInvalid(`ballot ${index + 1}: candidate ${c} does not exist`);
      if (seen[c] === index) throw ballotsInvalid(`ballot ${index + 1}: candidate ${c} is ranked twice`);
      seen[c] = index;
      if (!withdrawn[c]) scratch[len++] = c;
    }
    if (len === 0) blank += weight;
    else builder.add(scratch, len, weight);
    index++;
  }
  return builder.build({
    title: input.title ?? '',
    candidates: input.candidates,
    seats: input.seats,
    withdrawn: [...(input.withdrawn ?? [])].sort((a, b) => a - b),
    blankBallots: blank,
  });
}
