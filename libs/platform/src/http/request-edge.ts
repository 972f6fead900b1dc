import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { controlCharacter } from './json-body.parser';

/** The Fastify route option set by `RefusesEveryRequest()`. */
export const REFUSES_EVERY_REQUEST = 'refusesEveryRequest';

/**
 * Marks a route that refuses every request and records the attempt (a finding or an outcome
 * notice nobody may change, S7/S8): the edge's input checks do not stop it, and its body is never
 * read, so a request of any shape — a NUL in the path, a malformed or oversized body, an unknown
 * content type — still reaches the route, is refused, and is recorded. Such a route must read
 * nothing from the request but its path parameters, and must clean those before storing them.
 */
export const RefusesEveryRequest = () => RouteConfig({ [REFUSES_EVERY_REQUEST]: true });

const refusesEveryRequest = (req: FastifyRequest): boolean => (req.routeOptions?.config as unknown as Record<string, unknown> | undefined)?.[REFUSES_EVERY_REQUEST] === true;

/** A control character in a URL, raw or percent-encoded (`%00`–`%1F`, `%7F`). */
const CONTROL_IN_URL = /%(?:[01][0-9a-f]|7f)|[\x00-\x1f\x7f]/i;

/** Headers that make a request an authenticated one (a bearer token, or a non-member complainant's confirmed address). */
const CREDENTIAL_HEADERS = ['authorization', 'x-verification-token'];

/**
 * The platform's HTTP edge, before any routing to a controller:
 * - the security headers (computed once at start-up) on every response, errors and 404s included;
 * - a control character anywhere in the path or query string is a 400 before anything reads it
 *   (it would otherwise reach PostgreSQL, which refuses NUL in text);
 * - `Cache-Control: no-store` on every answer to a request that carries credentials, and on every
 *   API answer that did not choose its own caching (static files and the interface's page do).
 */
export function installRequestEdge(fastify: FastifyInstance, securityHeaders: Readonly<Record<string, string>>): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(securityHeaders);
    if (refusesEveryRequest(req)) {
      // The body is never read: the route answers the same refusal whatever was sent.
      delete req.raw.headers['content-type'];
      delete req.raw.headers['transfer-encoding'];
      req.raw.headers['content-length'] = '0';
      done();
      return;
    }
    if (CONTROL_IN_URL.test(req.url)) {
      done(controlCharacter('url'));
      return;
    }
    done();
  });
  fastify.addHook('onSend', (req, reply, payload, done) => {
    const credentials = CREDENTIAL_HEADERS.some((h) => req.headers[h] !== undefined);
    if (credentials || !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/**
 * The longest path segment the router reads (Fastify's default is 100, answered with a 414 before
 * any route runs). A request line is bounded anyway by the HTTP server's 16 KB header limit, and a
 * route refusing every request must see even an absurd segment to record the attempt.
 */
export const MAX_PATH_SEGMENT = 16 * 1024;

const PERCENT_RUN = /(?:%[0-9a-f]{2})+|%/gi;
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * A URL whose percent-encoding does not decode (`%ED%A0%80`, a lone surrogate; `%zz`; a stray `%`)
 * is answered by the router with a 400 before any route runs — so a route refusing every request
 * would not record it. Such a URL is read the way browsers read it instead: each undecodable byte
 * becomes U+FFFD, a stray `%` stands for itself. A URL that decodes is returned unchanged.
 */
export function repairUrl(url: string): string {
  if (!url.includes('%')) return url;
  try {
    decodeURIComponent(url);
    return url;
  } catch {
    return url.replace(PERCENT_RUN, (run) => {
      if (run === '%') return '%25';
      try {
        decodeURIComponent(run);
        return run;
      } catch {
        return encodeURIComponent(lenientUtf8.decode(Buffer.from(run.replace(/%/g, ''), 'hex')));
      }
    });
  }
}

interface ClientError extends Error {
  code?: string;
}
interface ClientSocket {
  destroyed: boolean;
  writable: boolean;
  write(data: string): void;
  destroy(err?: Error): void;
}

/**
 * What the HTTP server answers when it cannot read a request at all (headers over 16 KB, a
 * malformed request line, a timeout) — in the platform's error shape, with the security headers,
 * instead of the server's own.
 */
export function clientErrorHandler(securityHeaders: Readonly<Record<string, string>>) {
  const headers = Object.entries(securityHeaders)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return (err: ClientError, socket: ClientSocket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, reason, code, message] =
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive. Send it again.']
        : err.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Request Header Fields Too Large', 'request_too_large', 'The address or the headers of the request are too long (over 16 KB). Shorten them and send it again.']
          : [400, 'Bad Request', 'malformed_request', 'The request is not valid HTTP. Send a well-formed request.'];
    const body = JSON.stringify({ statusCode: status, code, message });
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n${headers}\r\n${body}`);
    }
    socket.destroy(err);
  };
}
