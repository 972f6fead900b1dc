import * as path from 'node:path';
import { ConfigError, envBoolean, envDuration, envInteger, envOneOf, envString, envUrl, type Env } from './env';

export { ConfigError, type Env } from './env';

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
  /**
   * The environment the contexts' settings loaders read (`loadSignInLimits(config.env)`, …): the
   * process's environment at boot, with the values given to `loadConfig` on top. Frozen; no code
   * outside the platform reads `process.env` for settings.
   */
  env: Env;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = envOneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = envInteger(env, 'PORT', 3000, { min: 0, max: 65535 });
  const host = envString(env, 'HOST', '127.0.0.1');
  const publicUrl = envUrl(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const dataDir = path.resolve(envString(env, 'DATA_DIR', 'data'));
  const databaseUrl = envUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const disciplineKey = envString(env, 'DISCIPLINE_KEY');
  if (disciplineKey !== undefined && Buffer.from(disciplineKey, 'base64').length !== 32) {
    throw new ConfigError('DISCIPLINE_KEY', 'must be 32 bytes encoded in base64 (generate one with: openssl rand -base64 32)');
  }
  const mailFrom = envString(env, 'MAIL_FROM', 'Commons <no-reply@commons.localhost>');
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', `must contain an email address, got "${mailFrom}"`);
  return {
    nodeEnv,
    host,
    port,
    publicUrl: publicUrl.replace(/\/$/, ''),
    dataDir,
    databaseUrl,
    disciplineDatabaseUrl: envUrl(env, 'DISCIPLINE_DATABASE_URL', ['postgres:', 'postgresql:']) ?? databaseUrl,
    migrationDatabaseUrl: envUrl(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']) ?? databaseUrl,
    databasePoolSize: envInteger(env, 'DATABASE_POOL_SIZE', 10, { min: 1, max: 200 }),
    redisUrl: envUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    smtpUrl: envUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    logLevel: envOneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimitBytes: envInteger(env, 'BODY_LIMIT_BYTES', 1_048_576, { min: 1024, max: 50 * 1_048_576 }),
    sessionTtlHours: envDuration(env, 'SESSION_TTL_HOURS', 12, 'hours', { min: 1, max: 24 * 30 }),
    seedDemo: envBoolean(env, 'SEED_DEMO', nodeEnv !== 'production'),
    disciplineKey,
    disciplineKeyFile: envString(env, 'DISCIPLINE_KEY_FILE'),
    invitationDispatchMs: envDuration(env, 'INVITATION_DISPATCH_MS', 2000, 'milliseconds', { min: 0, max: 3_600_000, hint: 'e.g. 2000; 0 turns the dispatch off in this process' }),
    env: Object.freeze({ ...process.env, ...env }),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
