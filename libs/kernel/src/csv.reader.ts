import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type Options } from 'csv-parse';
import { parse as parseWhole } from 'csv-parse/sync';
import { DomainError } from './domain-error';

/**
 * The codes of the errors thrown here. Each context that reads CSV lists them among its own codes
 * (same strings) so that its error filter maps them.
 */
export const CsvErrorCode = {
  badEncoding: 'csv_bad_encoding',
  malformed: 'csv_malformed',
} as const;
export type CsvErrorCode = (typeof CsvErrorCode)[keyof typeof CsvErrorCode];

/**
 * The platform's one CSV reader (RFC 4180 on `csv-parse`, plus LF or CR line ends), shared by
 * the member import and the bank import. It reads a stream: records come out as the bytes come
 * in, so a large file is never held whole.
 *
 * Row numbers are **record numbers counted from 1, header included** — what a spreadsheet shows
 * as the row number — so "row 2" is the first data row. A quoted field may span lines; it is
 * still one row. Blank lines are records too (one empty field), so that row numbers match the
 * file. Rows may have any number of fields: the callers name a ragged row themselves.
 */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/** Bytes (one buffer or a stream of chunks, e.g. an HTTP request body) or already decoded text. */
export type CsvSource = Uint8Array | string | AsyncIterable<Uint8Array | string>;

export interface CsvReadOptions {
  /** The most bytes read; past it, `tooLarge()` is thrown. */
  maxBytes?: number;
  tooLarge?: () => Error;
}

const PARSER_OPTIONS: Options = {
  relax_column_count: true,
  skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n', '\r'],
};

/** Reads every record of the source, as the bytes arrive. Stop reading (break) to stop the source. */
export async function* readCsv(source: CsvSource, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  const decoder = new CsvByteCheck(options);
  const parser = parse(PARSER_OPTIONS);
  const feeding = pipeline(Readable.from(checked(source, decoder)), parser);
  feeding.catch(() => undefined); // the same error reaches the reading loop below
  let row = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) yield { row: ++row, fields };
    await feeding;
  } catch (e) {
    throw asDomainError(e);
  } finally {
    parser.destroy();
  }
}

/** Reads a whole file held in memory (a bank statement): the same rules and errors as `readCsv`. */
export function readCsvText(input: Uint8Array | string): CsvRecord[] {
  const bytes = checkedBytes(input);
  try {
    return (parseWhole(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), PARSER_OPTIONS) as string[][]).map((fields, i) => ({ row: i + 1, fields }));
  } catch (e) {
    throw asDomainError(e);
  }
}

/** True for a record that is a blank line (or only empty fields). */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/**
 * Turns the uploaded bytes into text: strips a UTF-8 byte-order mark, refuses UTF-16, and refuses
 * anything that is not valid UTF-8 with an error naming the row and the byte.
 * A string is taken as already decoded (only the BOM is stripped).
 */
export function decodeCsv(input: Uint8Array | string): string {
  const bytes = checkedBytes(input);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The bytes of a whole file, checked (text is taken as decoded: only a BOM is stripped). */
function checkedBytes(input: Uint8Array | string): Uint8Array {
  if (typeof input === 'string') return Buffer.from(input.startsWith(BOM) ? input.slice(1) : input, 'utf8');
  const decoder = new CsvByteCheck({});
  const head = decoder.push(input);
  const rest = decoder.end();
  return rest.length ? Buffer.concat([head, rest]) : head;
}

/**
 * The source's bytes, checked as they pass (the parser reads bytes: faster than text, and a
 * character split between two chunks is joined by the parser itself).
 */
async function* checked(source: CsvSource, decoder: CsvByteCheck): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') source = Buffer.from(source.startsWith(BOM) ? source.slice(1) : source, 'utf8');
  if (source instanceof Uint8Array) {
    // A large buffer is fed in pieces, so the parser's output is read as it goes.
    for (let i = 0; i < source.length; i += CHUNK) {
      const bytes = decoder.push(source.subarray(i, i + CHUNK));
      if (bytes.length) yield bytes;
    }
  } else {
    let first = true;
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(first && chunk.startsWith(BOM) ? chunk.slice(1) : chunk, 'utf8') : decoder.push(chunk);
      first = false;
      if (bytes.length) yield bytes;
    }
  }
  const rest = decoder.end();
  if (rest.length) yield rest;
}

const CHUNK = 64 * 1024;
const EMPTY = new Uint8Array(0);
const BOM = '\ufeff';

function asDomainError(e: unknown): unknown {
  if (e instanceof DomainError || !(e instanceof Error)) return e;
  const err = e as Error & { code?: string; records?: number; index?: number };
  if (typeof err.code !== 'string' || !err.code.startsWith('CSV_')) return e;
  const row = (err.records ?? 0) + 1;
  const column = (err.index ?? 0) + 1;
  const message =
    err.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `Row ${row} has a quoted value that is never closed (value ${column} of the row). Check the quotes (") in that row.`
      : err.code === 'CSV_INVALID_CLOSING_QUOTE'
        ? `Row ${row}, value ${column} has text right after a closing quote. A quoted value must be followed by a comma or the end of the line; write a quote inside a value as "".`
        : `Row ${row}, value ${column} cannot be read as CSV. Save the file as "CSV UTF-8" (comma-separated) and import it again.`;
  return new DomainError('invalid', CsvErrorCode.malformed, message, { row, column });
}

/**
 * Checks UTF-8 chunk by chunk: strips a BOM, refuses UTF-16 and any byte that is not UTF-8,
 * naming the row (counted as the reader counts records) and the byte offset in the file. Passes
 * the bytes on, holding back only a character cut at the end of a chunk.
 */
class CsvByteCheck {
  private carry: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private started = false;
  private row = 1;
  private quoted = false;
  private lastCr = false;

  constructor(private readonly options: CsvReadOptions) {}

  push(chunk: Uint8Array): Uint8Array {
    let bytes = this.carry.length ? concat(this.carry, chunk) : chunk;
    this.carry = new Uint8Array(0);
    if (!this.started) {
      if (bytes.length < 3) {
        this.carry = bytes.slice();
        return EMPTY;
      }
      this.started = true;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new DomainError('invalid', CsvErrorCode.badEncoding, 'The file is encoded as UTF-16. Save it as "CSV UTF-8" (comma-separated) and import it again.', { encoding: 'utf-16' });
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        this.offset = 3;
      }
    }
    const cut = completeLength(bytes);
    if (cut < bytes.length) this.carry = bytes.slice(cut);
    return this.check(bytes.subarray(0, cut));
  }

  end(): Uint8Array {
    if (!this.started) {
      this.started = true;
      const bytes = this.carry;
      this.carry = new Uint8Array(0);
      if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        throw new DomainError('invalid', CsvErrorCode.badEncoding, 'The file is encoded as UTF-16. Save it as "CSV UTF-8" (comma-separated) and import it again.', { encoding: 'utf-16' });
      }
      return this.check(bytes);
    }
    // Bytes left over at the end are an unfinished character.
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    return rest.length ? this.check(rest) : EMPTY;
  }

  private check(bytes: Uint8Array): Uint8Array {
    if (this.options.maxBytes !== undefined && this.offset + bytes.length > this.options.maxBytes && this.options.tooLarge) throw this.options.tooLarge();
    const bad = firstInvalidUtf8Byte(bytes);
    if (bad >= 0) {
      this.count(bytes.subarray(0, bad));
      const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
      const byteOffset = this.offset + bad;
      throw new DomainError(
        'invalid',
        CsvErrorCode.badEncoding,
        `The file is not valid UTF-8: byte 0x${byte} at byte offset ${byteOffset} (row ${this.row}) cannot be read. It was probably saved in another encoding such as Windows-1252; save it as "CSV UTF-8" and import it again.`,
        { row: this.row, byteOffset, byte: `0x${byte}` },
      );
    }
    this.offset += bytes.length;
    this.count(bytes);
    return bytes;
  }

  /** Follows record boundaries (outside quotes) to name the row of a bad byte. */
  private count(bytes: Uint8Array): void {
    let { row, quoted, lastCr } = this;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === 34) quoted = !quoted;
      else if (!quoted && c === 10) {
        if (!lastCr) row++;
      } else if (!quoted && c === 13) row++;
      lastCr = c === 13 && !quoted;
    }
    Object.assign(this, { row, quoted, lastCr });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The length of the prefix that does not end inside a multi-byte character. */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * Index of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and code
 * points above U+10FFFF are invalid), or -1.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * A request body as a CSV source: bytes, text, or a stream of chunks (a streaming body parser
 * hands the request itself over). Null when the body is something else (JSON, nothing).
 */
export function asCsvSource(body: unknown): CsvSource | null {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body !== null && typeof body === 'object' && typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function') {
    return body as AsyncIterable<Uint8Array | string>;
  }
  return null;
}
