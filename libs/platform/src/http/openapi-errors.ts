import type { OpenAPIObject } from '@nestjs/swagger';

/** The schema of `ErrorBody`, the one error shape every route answers with. */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', description: 'Machine-readable reason, e.g. `validation_failed`, `not_found`, `already_exists`.' },
    message: { type: 'string', description: 'What was wrong and what to do, for a person.' },
    details: { description: 'For validation and constraint errors: the fields concerned, `[{ field, messages }]`.' },
  },
} as const;

/** The header carrying a non-member complainant's token (a confirmed e-mail address). */
const VERIFICATION_TOKEN = 'x-verification-token';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** The error answers the platform itself may give, whatever the route: the edge, the policy guard, the database. */
const GENERIC: Record<string, string> = {
  '400': 'The request is not valid: a field fails validation (each named in `details`), an id is malformed, a value breaks a rule of the record (the field is named), or the input holds a control character or nests too deep.',
  '401': 'Not signed in, or the session has ended (`WWW-Authenticate: Bearer`).',
  '403': 'Signed in, but this account may not do this (the route’s policy, or a restriction).',
  '404': 'No such record, or not one this account may know of.',
  '409': 'The request conflicts with the current state of the record (already done, already exists, changed meanwhile).',
  '413': 'The request body is larger than the platform accepts.',
  '414': 'A path segment is longer than any id or reference the platform uses.',
  '415': 'The request body is not in a format the route accepts (send `application/json`).',
  '422': 'The request is well formed but a rule of the organization refuses it now (the message says which and what to do).',
  '429': 'Too many requests from this client or for this account: wait for the `Retry-After` seconds.',
  '431': 'The request line or headers are larger than the HTTP server accepts (16 KB); answered before any route reads the request.',
  '503': 'The database is unavailable right now: nothing was changed, try again shortly.',
};

interface Operation {
  responses?: Record<string, unknown>;
  parameters?: { in?: string; name?: string; required?: boolean }[];
  requestBody?: unknown;
  security?: unknown[];
}

/** Which generic error answers an operation may give, from what the document already says about it. */
function errorStatusesOf(method: string, path: string, op: Operation, globalSecurity: boolean): string[] {
  const statuses = ['400', '431', '503'];
  const params = op.parameters ?? [];
  const secured = (op.security ?? (globalSecurity ? [{}] : [])).length > 0;
  if (secured) statuses.push('401', '403');
  // A non-member complainant's routes: the confirmed address's token is the credential.
  if (params.some((p) => p.in === 'header' && p.required && p.name?.toLowerCase() === VERIFICATION_TOKEN)) statuses.push('401');
  if (params.some((p) => p.in === 'path')) statuses.push('404', '414');
  if (params.some((p) => p.in === 'header')) statuses.push('404');
  // A body naming a record (a branch, a member, a finding) that does not exist, or not for this account.
  if (op.requestBody) statuses.push('404');
  if (secured && path.startsWith('/cases')) statuses.push('404');
  if (method !== 'get' && method !== 'head') statuses.push('409', '422');
  if (op.requestBody) statuses.push('413', '415');
  if (path.startsWith('/auth/') || /^\/(applications|complaints)/.test(path)) statuses.push('429');
  return [...new Set(statuses)];
}

/**
 * Completes the OpenAPI document with the error answers the platform gives on every route (the
 * edge's 400/413/415, the guard's 401/403, a missing record's 404, a conflict's 409/422, the
 * database's 503), each with the `ErrorBody` schema — so that every answer the API gives is one the
 * document lists. A route's own description of a status is kept.
 */
export function documentErrorResponses(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.ErrorBody = ERROR_BODY_SCHEMA as never;
  const json = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };
  const globalSecurity = (doc.security ?? []).length > 0;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      op.responses ??= {};
      // A route that never succeeds (a refusal the rules require, recorded whatever the request)
      // documents its refusal itself; only an anonymous caller is asked to sign in first.
      if (!Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))) {
        if ((op.security ?? (globalSecurity ? [{}] : [])).length > 0 && !op.responses['401']) op.responses['401'] = { description: GENERIC['401'], content: json };
        // The one request such a route cannot see: one the HTTP server refuses to read.
        op.responses['431'] ??= { description: GENERIC['431'], content: json };
        continue;
      }
      for (const status of errorStatusesOf(method, path, op, globalSecurity)) {
        const own = op.responses[status] as { description?: string; content?: unknown } | undefined;
        op.responses[status] = own ? { ...own, content: own.content ?? json } : { description: GENERIC[status], content: json };
      }
    }
  }
  return doc;
}
