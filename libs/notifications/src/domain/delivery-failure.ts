/**
 * What went wrong when a message was handed to the mail transport, reduced to what the retry
 * rules need: SMTP replies 4xx are temporary, 5xx are permanent; connection-level problems
 * (refused, reset, timed out, DNS, TLS, a full disk for the file transport) are temporary.
 */
export type FailureKind = 'transient' | 'permanent';

export interface DeliveryFailure {
  kind: FailureKind;
  /** The SMTP reply code when the server answered (421, 550, …). */
  replyCode: number | null;
  /** A short, content-free description for the dead-letter list and the logs. */
  reason: string;
}

/** Error codes that mean "we could not talk to the server (or disk) this time". */
const TRANSIENT_CODES = new Set([
  'ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ETLS', 'EPROTOCOL', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE',
  'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EAUTH', 'ENOSPC', 'EMFILE', 'EBUSY', 'EAGAIN',
]);

export interface TransportErrorLike {
  responseCode?: unknown;
  code?: unknown;
  response?: unknown;
  message?: unknown;
}

/** Classifies an error thrown by a mail transport (nodemailer's errors carry these fields). */
export function classifyDeliveryFailure(err: TransportErrorLike): DeliveryFailure {
  const replyCode = typeof err?.responseCode === 'number' && err.responseCode >= 200 && err.responseCode < 600 ? err.responseCode : null;
  const code = typeof err?.code === 'string' ? err.code : null;
  const firstLine = (v: unknown): string => (typeof v === 'string' ? v.split(/\r?\n/)[0].slice(0, 200) : '');
  if (replyCode !== null) {
    const kind: FailureKind = replyCode >= 500 ? 'permanent' : replyCode >= 400 ? 'transient' : 'transient';
    return { kind, replyCode, reason: firstLine(err.response) || `SMTP ${replyCode}` };
  }
  if (code && TRANSIENT_CODES.has(code)) return { kind: 'transient', replyCode: null, reason: `${code}: ${firstLine(err.message)}`.slice(0, 200) };
  // An envelope the transport itself refuses (no valid recipient address) will never work.
  if (code === 'EENVELOPE') return { kind: 'permanent', replyCode: null, reason: `${code}: ${firstLine(err.message)}`.slice(0, 200) };
  // Anything else is retried, within the attempt limit, rather than given up at once.
  return { kind: 'transient', replyCode: null, reason: `${code ?? 'error'}: ${firstLine(err?.message)}`.slice(0, 200) };
}
