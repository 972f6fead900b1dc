import { DomainError } from '@org/kernel';

/** The deepest nesting of arrays and objects a JSON body may have. No route takes more than a few levels. */
export const MAX_JSON_DEPTH = 32;

export type JsonBodyProblem = 'too_deep' | 'control_character' | 'lone_surrogate';

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const HEX = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1);
/** The code unit of a `\uXXXX` escape whose four hex digits start at `at`, or -1. */
const hex4 = (b: Uint8Array, at: number): number => {
  const a = HEX(b[at]), c = HEX(b[at + 1]), d = HEX(b[at + 2]), e = HEX(b[at + 3]);
  return a < 0 || c < 0 || d < 0 || e < 0 ? -1 : (a << 12) | (c << 8) | (d << 4) | e;
};
/** C0 control characters other than tab, line feed and carriage return. */
const isForbiddenControl = (code: number): boolean => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;

/**
 * One linear pass over a JSON text, before it is parsed: the nesting depth of arrays and objects,
 * and any text value (or key) holding a control character — NUL and the other C0 characters
 * except tab, line feed and carriage return, written raw or as an escape (`\u0000`, `\b`, `\f`) —
 * and any escaped UTF-16 surrogate without its pair (`\ud800`, `\udfff`), which is no character
 * and which no database or mail header can store.
 * Nothing is allocated, so a hostile body costs one read of its bytes, however it is shaped.
 */
export function scanJsonBody(bytes: Uint8Array, maxDepth = MAX_JSON_DEPTH): JsonBodyProblem | null {
  let depth = 0;
  let inString = false;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === QUOTE) inString = false;
      else if (c === BACKSLASH) {
        const e = bytes[i + 1];
        if (e === 0x62 /* \b */ || e === 0x66 /* \f */) return 'control_character';
        if (e === 0x75 /* \u */ && i + 5 < n) {
          const code = hex4(bytes, i + 2);
          if (code >= 0 && isForbiddenControl(code)) return 'control_character';
          if (code >= 0xdc00 && code <= 0xdfff) return 'lone_surrogate';
          if (code >= 0xd800 && code <= 0xdbff) {
            const low = i + 11 < n && bytes[i + 6] === BACKSLASH && bytes[i + 7] === 0x75 ? hex4(bytes, i + 8) : -1;
            if (low < 0xdc00 || low > 0xdfff) return 'lone_surrogate';
            i += 11; // past the pair
            continue;
          }
        }
        i++;
      } else if (isForbiddenControl(c)) return 'control_character';
    } else if (c === QUOTE) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return 'too_deep';
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

export const bodyTooDeep = () =>
  new DomainError('invalid', 'body_too_deep', `The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep. Send the fields the operation documents, without extra nesting.`);

export const controlCharacter = (where: 'body' | 'url') =>
  new DomainError(
    'invalid',
    'control_character',
    where === 'body'
      ? 'A text value in the request body holds a control character (such as NUL). Remove it and send the request again; tab and line breaks are allowed.'
      : 'The address or query string holds a control character (such as %00). Remove it and send the request again.',
    { field: where },
  );

export const loneSurrogate = () =>
  new DomainError('invalid', 'invalid_text', 'A text value in the request body holds an escaped UTF-16 surrogate without its pair (such as \\ud800), which is not a character. Send the text as it is written, in UTF-8.', { field: 'body' });

type Done = (err: Error | null, body?: unknown) => void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Fastify's request type, passed through untouched
type JsonParser = (req: any, body: Buffer, done: Done) => void;

/**
 * The platform's parser for `application/json` bodies: the linear scan above first (too deep, a control
 * character or an unpaired surrogate: 400 before any parsing or validation), then Fastify's own parser, which
 * refuses `__proto__` and `constructor` keys.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Fastify's default parser takes a string or a Buffer
export function guardedJsonParser(defaultParser: (req: any, body: any, done: Done) => void, maxDepth = MAX_JSON_DEPTH): JsonParser {
  return (req, body, done) => {
    const problem = scanJsonBody(body, maxDepth);
    if (problem === 'too_deep') return done(bodyTooDeep());
    if (problem === 'control_character') return done(controlCharacter('body'));
    if (problem === 'lone_surrogate') return done(loneSurrogate());
    defaultParser(req, body, done);
  };
}
