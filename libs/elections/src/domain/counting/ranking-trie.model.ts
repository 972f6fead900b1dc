import type { BallotProfile } from './ballot-profile.model';

/**
 * The strict rankings of a profile as a prefix tree: node `v` stands for every ballot whose
 * ranking starts with the path root → v, and `weight[v]` counts them. Meek's method hands each
 * ballot's voting power down its ranking, and what a ballot passes on after its first k
 * preferences depends only on those k candidates — so the work of one count is one walk over the
 * tree that stops wherever a hopeful candidate (keep factor 1) absorbs everything, instead of a
 * walk over every ballot. Sums are identical to per-ballot counting: each node adds
 * `amount × weight`, exactly the sum over its ballots of the same per-ballot amount.
 *
 * Rankings with equal preferences are not in the tree (see `MeekStvCounter`).
 */
export class RankingTrie {
  /** Candidate at each node (node 0 is the root and has none). */
  readonly candidate: Uint16Array;
  readonly weight: Float64Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  readonly size: number;

  private constructor(candidate: Uint16Array, weight: Float64Array, firstChild: Int32Array, nextSibling: Int32Array, size: number) {
    this.candidate = candidate;
    this.weight = weight;
    this.firstChild = firstChild;
    this.nextSibling = nextSibling;
    this.size = size;
  }

  /** Builds the tree from the groups for which `include(g)` holds. */
  static fromProfile(profile: BallotProfile, include: (g: number) => boolean = () => true): RankingTrie {
    const { prefs, offsets, weights, groupCount } = profile;
    const maxNodes = prefs.length + 1;
    const candidate = new Uint16Array(maxNodes);
    const parent = new Int32Array(maxNodes);
    const weight = new Float64Array(maxNodes);
    let size = 1;
    parent[0] = -1;

    // Open-addressing table keyed by (parent, candidate) → child.
    let tableSize = 1 << 10;
    while (tableSize < maxNodes * 2) tableSize <<= 1;
    const table = new Int32Array(tableSize).fill(-1);
    const mask = tableSize - 1;

    for (let g = 0; g < groupCount; g++) {
      if (!include(g)) continue;
      const w = weights[g];
      let node = 0;
      weight[0] += w;
      for (let i = offsets[g]; i < offsets[g + 1]; i++) {
        const c = prefs[i];
        let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca6b)) & mask;
        let child = -1;
        for (;;) {
          const found = table[slot];
          if (found === -1) break;
          if (parent[found] === node && candidate[found] === c) {
            child = found;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (child === -1) {
          child = size++;
          candidate[child] = c;
          parent[child] = node;
          table[slot] = child;
        }
        weight[child] += w;
        node = child;
      }
    }

    const firstChild = new Int32Array(size).fill(-1);
    const nextSibling = new Int32Array(size).fill(-1);
    for (let v = size - 1; v >= 1; v--) {
      const p = parent[v];
      nextSibling[v] = firstChild[p];
      firstChild[p] = v;
    }
    return new RankingTrie(candidate.slice(0, size), weight.slice(0, size), firstChild, nextSibling, size);
  }
}
