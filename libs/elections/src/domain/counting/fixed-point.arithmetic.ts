/**
 * Exact decimal fixed point on plain integers: a value `x` with `places` decimals is held as the
 * integer `x * 10^places` ("units"). Scottish STV uses 5 places (units of 0.00001) and stays below
 * 2^53 in a JS number; Meek uses 9 places and falls back to BigInt where a product could exceed
 * 2^53.
 */

/** Formats an integer number of units (number or bigint) as a decimal string, e.g. 132200000 → "1322.00000". */
export function formatUnits(units: number | bigint, places: number): string {
  let v = typeof units === 'bigint' ? units : BigInt(units);
  const negative = v < 0n;
  if (negative) v = -v;
  if (places === 0) return `${negative ? '-' : ''}${v}`;
  const scale = 10n ** BigInt(places);
  const whole = v / scale;
  const frac = (v % scale).toString().padStart(places, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** Parses a decimal string into units with `places` decimals (extra decimals truncated). */
export function parseUnits(text: string, places: number): bigint {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal number: "${text}"`);
  const frac = (m[3] ?? '').slice(0, places).padEnd(places, '0');
  const v = BigInt(m[2] || '0') * 10n ** BigInt(places) + BigInt(frac || '0');
  return m[1] === '-' ? -v : v;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** floor(a * b / d) for non-negative integers, exact (BigInt when a*b could exceed 2^53). */
export function mulDivFloor(a: number, b: number, d: number): number {
  const p = a * b;
  if (p <= SAFE) {
    let q = Math.floor(p / d);
    const r = p - q * d;
    if (r < 0) q--;
    else if (r >= d) q++;
    return q;
  }
  return Number((BigInt(a) * BigInt(b)) / BigInt(d));
}

/** ceil(a * b / d) for non-negative integers, exact. */
export function mulDivCeil(a: number, b: number, d: number): number {
  const p = a * b;
  if (p <= SAFE) {
    let q = Math.floor(p / d);
    const r = p - q * d;
    if (r < 0) q--;
    else if (r >= d) q++;
    return q * d === p ? q : q + 1;
  }
  const big = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  return Number((big + bd - 1n) / bd);
}
