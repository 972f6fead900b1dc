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
