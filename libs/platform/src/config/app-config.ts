import * as path from 'node:path';

/**
 * Typed configuration, read once from the environment and validated at boot. A bad value stops
 * the process with a message that names the variable (see `ConfigError`).
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  /** Real PostgreSQL; absent → embedded PGlite under `dataDir/pg`. */
  databaseUrl?: string;
  /** The disciplinary context's own role on real PostgreSQL (defaults to databaseUrl). */
  disciplineDatabaseUrl?: string;
  /** Role used to run migrations (defaults to databaseUrl). */
  migrationDatabaseUrl?: string;
  databasePoolSize: number;
  redisUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  sessionTtlHours: number;
  /** Seed the demo organization on first start of an empty database. */
  seedDemo: boolean;
  /** Base64 key (32 bytes) for the disciplinary context; absent → a key file under dataDir. */
  disciplineKey?: string;
  disciplineKeyFile?: string;
  /** Milliseconds between looks for a large import's queued invitations (`INVITATION_DISPATCH_MS`); 0: this process never looks. */
  invitationDispatchMs: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const int = (env: Env, name: string, dflt: number, min: number, max: number, unit?: { name: string; hint: string }): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const hint = unit ? ` (${unit.hint})` : '';
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number${unit ? ` of ${unit.name}` : ''}${hint}, got "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new ConfigError(name, `must be between ${min} and ${max}${unit ? ` ${unit.name}` : ''}${hint}, got ${v}`);
  return v;
};

const url = (env: Env, name: string, protocols: string[]): string | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
};

const oneOf = <T extends string>(env: Env, name: string, allowed: readonly T[], dflt: T): T => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
};

const bool = (env: Env, name: string, dflt: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
};

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = int(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const disciplineKey = env.DISCIPLINE_KEY || undefined;
  if (disciplineKey !== undefined && Buffer.from(disciplineKey, 'base64').length !== 32) {
    throw new ConfigError('DISCIPLINE_KEY', 'must be 32 bytes encoded in base64 (generate one with: openssl rand -base64 32)');
  }
  const mailFrom = env.MAIL_FROM || 'Commons <no-reply@commons.localhost>';
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', `must contain an email address, got "${mailFrom}"`);
  return {
    nodeEnv,
    host,
    port,
    publicUrl: publicUrl.replace(/\/$/, ''),
    dataDir,
    databaseUrl,
    disciplineDatabaseUrl: url(env, 'DISCIPLINE_DATABASE_URL', ['postgres:', 'postgresql:']) ?? databaseUrl,
    migrationDatabaseUrl: url(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']) ?? databaseUrl,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    seedDemo: bool(env, 'SEED_DEMO', nodeEnv !== 'production'),
    disciplineKey,
    disciplineKeyFile: env.DISCIPLINE_KEY_FILE || undefined,
    invitationDispatchMs: int(env, 'INVITATION_DISPATCH_MS', 2000, 0, 3_600_000, { name: 'milliseconds', hint: 'e.g. 2000; 0 turns the dispatch off in this process' }),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
