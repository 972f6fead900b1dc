/**
 * Reading the environment: one set of typed helpers that every context's settings loader uses.
 * An absent or empty variable gives the default; a bad value throws `ConfigError` naming the
 * variable, what it must be and what it was, so the process stops at boot with a clear message.
 */

/** The environment as the platform hands it to the contexts (`AppConfig.env`). */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const given = (env: Env, name: string): string | undefined => {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
};

export interface IntegerOptions {
  min?: number;
  max?: number;
  /** Named in the messages: "a whole number of <unit>", "between 1 and 60 <unit>". */
  unit?: string;
  /** Added in brackets after the unit, e.g. "e.g. 2000; 0 turns it off". */
  hint?: string;
}

/** A whole number (digits only) within [min, max] (defaults 0 and `Number.MAX_SAFE_INTEGER`). */
export function envInteger(env: Env, name: string, dflt: number, options: IntegerOptions = {}): number {
  const raw = given(env, name);
  if (raw === undefined) return dflt;
  const { min = 0, max = Number.MAX_SAFE_INTEGER, unit, hint } = options;
  const of = unit ? ` of ${unit}` : '';
  const note = hint ? ` (${hint})` : '';
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number${of}${note}, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    throw new ConfigError(name, `must be ${range}${unit ? ` ${unit}` : ''}${note}, got ${value}`);
  }
  return value;
}

export type DurationUnit = 'milliseconds' | 'seconds' | 'minutes' | 'hours' | 'days';

/**
 * A duration written as a whole number in the unit the variable's name carries
 * (`…_MS`, `…_MINUTES`, `…_HOURS`, `…_DAYS`); returned in that same unit.
 */
export function envDuration(env: Env, name: string, dflt: number, unit: DurationUnit, options: Omit<IntegerOptions, 'unit'> = {}): number {
  return envInteger(env, name, dflt, { ...options, unit });
}

const TRUE = ['1', 'true', 'yes'];
const FALSE = ['0', 'false', 'no'];

/** true / false (also 1 / 0, yes / no, in any case). */
export function envBoolean(env: Env, name: string, dflt: boolean): boolean {
  const raw = given(env, name);
  if (raw === undefined) return dflt;
  if (TRUE.includes(raw.toLowerCase())) return true;
  if (FALSE.includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** One of a fixed set of words. */
export function envOneOf<T extends string>(env: Env, name: string, allowed: readonly T[], dflt: T): T {
  const raw = given(env, name);
  if (raw === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

export interface ListOptions<T extends string> {
  /** The words an item may be (after `normalize`); others stop the process. */
  allowed?: readonly T[];
  /** Applied to each trimmed item (e.g. upper-casing). */
  normalize?: (item: string) => string;
  /** How the message describes a bad item, e.g. "must list EC and/or CC". */
  expected?: string;
}

/** A comma-separated list; items are trimmed, empty ones dropped. */
export function envList<T extends string = string>(env: Env, name: string, dflt: readonly T[], options: ListOptions<T> = {}): T[] {
  const raw = given(env, name);
  if (raw === undefined) return [...dflt];
  const normalize = options.normalize ?? ((s: string) => s);
  const items = raw
    .split(',')
    .map((s) => normalize(s.trim()))
    .filter(Boolean);
  if (options.allowed) {
    for (const item of items) {
      if (!(options.allowed as readonly string[]).includes(item)) throw new ConfigError(name, `${options.expected ?? `must list only ${options.allowed.join(', ')}`}, got "${item}"`);
    }
  }
  return items as T[];
}

/** A URL whose scheme is one of `protocols` (e.g. `['postgres:', 'postgresql:']`); absent → undefined. */
export function envUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = given(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `must start with ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  return raw;
}

/** Free text; absent or empty → the default. */
export function envString(env: Env, name: string, dflt: string): string;
export function envString(env: Env, name: string): string | undefined;
export function envString(env: Env, name: string, dflt?: string): string | undefined {
  return given(env, name) ?? dflt;
}
