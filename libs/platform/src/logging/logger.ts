import pino, { type Logger } from 'pino';

/**
 * Structured logs. Paths that could carry secrets or case content are censored wherever they
 * appear; code must still never pass case content, ballots or passwords to a logger.
 */
export const REDACTED_PATHS = [
  'password', '*.password', 'newPassword', '*.newPassword', 'token', '*.token', 'accessToken', '*.accessToken',
  'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization', 'req.headers.cookie',
  'narrative', '*.narrative', 'statement', '*.statement', 'body', '*.body', 'ballot', '*.ballot', 'rankings', '*.rankings',
];

export function createLogger(level: string, name = 'commons'): Logger {
  return pino({
    name,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { app: name },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type { Logger };
