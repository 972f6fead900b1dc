import { createHash } from 'node:crypto';

/**
 * A reproducible pseudo-random stream: the same seed always yields the same sequence, on any
 * machine. Used wherever the statutes leave a choice to lot (panel draws, STV ties) so that
 * anyone entitled can re-run the draw from the recorded seed and get the same result.
 * SHA-256 in counter mode: deterministic, well distributed, and free of platform quirks.
 */
export class SeededRandom {
  private counter = 0;
  private buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(readonly seed: string) {}

  /** An integer in [0, 2^32). */
  nextUint32(): number {
    if (this.offset + 4 > this.buffer.length) {
      this.buffer = createHash('sha256').update(`${this.seed}:${this.counter++}`).digest();
      this.offset = 0;
    }
    const v = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  /** An unbiased integer in [0, n). */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError('nextInt needs a positive integer bound');
    const limit = Math.floor(0x100000000 / n) * n;
    let v = this.nextUint32();
    while (v >= limit) v = this.nextUint32();
    return v % n;
  }

  /** A new array: Fisher–Yates shuffle of the input. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
