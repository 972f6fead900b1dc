import { createHash } from 'node:crypto';

/**
 * The order of the candidates on the ballot paper: drawn by lot for each election, never
 * alphabetical (a name early in the alphabet gains votes from voters who rank top-down). The
 * returning officer does not choose it: a random seed is drawn when voting opens, published with
 * the election, and the order follows from it, so anyone can check it:
 *
 *     sort the candidates' ids by SHA-256 (hex) of `commons-ballot-order-v1\n<seed>\n<candidate id>`
 *
 * (ties, which SHA-256 makes practically impossible, by id). Returns the ids in ballot order.
 */
export function ballotOrder(seed: string, candidateIds: readonly string[]): string[] {
  const key = (id: string) => createHash('sha256').update(`commons-ballot-order-v1\n${seed}\n${id}`).digest('hex');
  return candidateIds
    .map((id) => ({ id, k: key(id) }))
    .sort((a, b) => (a.k === b.k ? (a.id < b.id ? -1 : 1) : a.k < b.k ? -1 : 1))
    .map((x) => x.id);
}
