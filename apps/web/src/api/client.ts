/**
 * A typed client over `fetch`, driven by the generated `paths` (schema.gen.ts): the path, its
 * parameters, the request body and the answer are all checked against the API's OpenAPI document.
 * Every failure becomes an `ApiError` carrying the API's own `{ code, message }`.
 */
import { apiOperations, type paths } from './schema.gen';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type IsNever<T> = [T] extends [never] ? true : false;

/** Paths that have method M. */
export type PathsWith<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, unknown> ? P : never }[keyof paths];
type Op<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;
type Field<O, K extends string> = O extends Record<K, infer V> ? V : never;

export type Request<O> = (IsNever<Field<O, 'path'>> extends true ? { path?: undefined } : { path: Field<O, 'path'> }) &
  (IsNever<Field<O, 'query'>> extends true ? { query?: undefined } : { query?: Field<O, 'query'> }) &
  (IsNever<Field<O, 'body'>> extends true ? { body?: undefined } : { body: Field<O, 'body'> }) & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };
export type Response<P extends keyof paths, M extends Method> = Field<Op<P, M>, 'response'>;
/** The JSON answer of `GET path`. */
export type Get<P extends PathsWith<'get'>> = Response<P, 'get'>;

type Optional<O> = IsNever<Field<O, 'path'>> extends true ? (IsNever<Field<O, 'body'>> extends true ? true : false) : false;
type Args<O> = Optional<O> extends true ? [req?: Request<O>] : [req: Request<O>];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** The route does not exist (the area is not on this server) or the thing does not exist for this caller. */
  get notFound(): boolean {
    return this.status === 404;
  }
}

const known = new Set<string>(apiOperations);
/** Whether the API had this route when the interface was built ("GET /me/notifications"). */
export const hasRoute = (op: string): boolean => known.has(op);
/** Whether any route starts with one of these prefixes ("/cases", "/elections"). */
export const hasArea = (...prefixes: string[]): boolean => apiOperations.some((o) => prefixes.some((p) => o.split(' ')[1].startsWith(p)));

/**
 * How many API calls are under way, on `window.__commonsApiCalls` (read by the browser tests to
 * know a screen has its answers, instead of waiting a fixed time).
 */
let inFlight = 0;
async function counted<T>(work: () => Promise<T>): Promise<T> {
  window.__commonsApiCalls = ++inFlight;
  try {
    return await work();
  } finally {
    window.__commonsApiCalls = --inFlight;
  }
}
declare global {
  interface Window {
    __commonsApiCalls?: number;
  }
}

let token: string | null = null;
let onUnauthorized: (() => void) | null = null;
export const setToken = (t: string | null): void => {
  token = t;
};
/** The signed-in session's authorization header, for a stream the typed client does not carry (server-sent events). */
export const authorization = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
export const setUnauthorizedHandler = (fn: () => void): void => {
  onUnauthorized = fn;
};

function url(template: string, path?: Record<string, string | number>, query?: Record<string, unknown>): string {
  const p = template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(path?.[k] ?? '')));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${p}?${qs}` : p;
}

async function send(method: string, path: string, init: { body?: BodyInit; contentType?: string; headers?: Record<string, string>; signal?: AbortSignal; accept?: string }): Promise<globalThis.Response> {
  const headers: Record<string, string> = { accept: init.accept ?? 'application/json', ...init.headers };
  if (init.contentType) headers['content-type'] = init.contentType;
  if (token) headers.authorization = `Bearer ${token}`;
  let res: globalThis.Response;
  try {
    res = await fetch(path, { method, headers, body: init.body, signal: init.signal, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again; nothing was changed.');
  }
  if (!res.ok) {
    let body: { code?: string; message?: string; details?: unknown } = {};
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    if (res.status === 401 && token) onUnauthorized?.();
    throw new ApiError(res.status, body.code ?? `http_${res.status}`, body.message ?? `The server answered ${res.status}.`, body.details);
  }
  return res;
}

function call(method: Method, template: string, req: { path?: unknown; query?: unknown; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<unknown> {
  return counted(async () => {
    const res = await send(method.toUpperCase(), url(template, req.path as Record<string, string>, req.query as Record<string, unknown>), {
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      contentType: req.body === undefined ? undefined : 'application/json',
      headers: req.headers,
      signal: req.signal,
    });
    if (res.status === 204) return undefined;
    const type = res.headers.get('content-type') ?? '';
    return type.includes('json') ? res.json() : res.text();
  });
}

export const api = {
  get: <P extends PathsWith<'get'>>(p: P, ...[req]: Args<Op<P, 'get'>>) => call('get', p, req) as Promise<Response<P, 'get'>>,
  post: <P extends PathsWith<'post'>>(p: P, ...[req]: Args<Op<P, 'post'>>) => call('post', p, req) as Promise<Response<P, 'post'>>,
  put: <P extends PathsWith<'put'>>(p: P, ...[req]: Args<Op<P, 'put'>>) => call('put', p, req) as Promise<Response<P, 'put'>>,
  patch: <P extends PathsWith<'patch'>>(p: P, ...[req]: Args<Op<P, 'patch'>>) => call('patch', p, req) as Promise<Response<P, 'patch'>>,
  delete: <P extends PathsWith<'delete'>>(p: P, ...[req]: Args<Op<P, 'delete'>>) => call('delete', p, req) as Promise<Response<P, 'delete'>>,
  /**
   * POST a file's text (the CSV routes take `text/csv`, which the OpenAPI document does not
   * describe as a body); the answer is typed from the document.
   */
  upload<P extends PathsWith<'post'>>(p: P, text: string, req: Omit<Request<Op<P, 'post'>>, 'body'> & { contentType?: string }): Promise<Response<P, 'post'>> {
    return counted(async () => {
      const res = await send('POST', url(p, req.path as Record<string, string>, req.query as Record<string, unknown>), {
        body: text,
        contentType: req.contentType ?? 'text/csv; charset=utf-8',
        headers: req.headers,
        signal: req.signal,
      });
      return res.json();
    });
  },
  /** GET a file (CSV export) as text. */
  download<P extends PathsWith<'get'>>(p: P, req?: Request<Op<P, 'get'>>): Promise<string> {
    return counted(async () => {
      const res = await send('GET', url(p, req?.path as Record<string, string>, req?.query as Record<string, unknown>), { accept: 'text/csv, */*', signal: req?.signal });
      return res.text();
    });
  },
};

/** A fresh idempotency key for a write that may be retried. */
export const idempotencyKey = (): string => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
