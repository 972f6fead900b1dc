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
 * A small, strict CSV reader and writer (RFC 4180, plus LF or CR line ends), shared by the member
 * import and export and the bank import. Parsing is linear in the size of the file.
 *
 * Row numbers are **record numbers counted from 1, header included** — what a spreadsheet shows
 * as the row number — so "row 2" is the first data row. A quoted field may span lines; it is
 * still one row.
 */
export interface CsvRecord {
  row: number;
  fields: string[];
}

const BOM = '\ufeff';

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

/** The row (record number, from 1) that contains character index `index` of `text`. */
export function rowAt(text: string, index: number): number {
  let row = 1;
  let quoted = false;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 10) row++;
    else if (!quoted && c === 13 && text.charCodeAt(i + 1) !== 10) row++;
  }
  return row;
}

/**
 * Turns the uploaded bytes into text: strips a UTF-8 byte-order mark, refuses UTF-16, and refuses
 * anything that is not valid UTF-8 with an error naming the row and the byte.
 * A string is taken as already decoded (only the BOM is stripped).
 */
export function decodeCsv(input: Uint8Array | string): string {
  if (typeof input === 'string') return input.startsWith(BOM) ? input.slice(1) : input;
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    throw new DomainError(
      'invalid',
      CsvErrorCode.badEncoding,
      'The file is encoded as UTF-16. Save it as "CSV UTF-8" (comma-separated) and import it again.',
      { encoding: 'utf-16' },
    );
  }
  const start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  const body = input.subarray(start);
  const bad = firstInvalidUtf8Byte(body);
  if (bad >= 0) {
    const prefix = Buffer.from(body.buffer, body.byteOffset, bad).toString('utf8');
    const row = rowAt(prefix, prefix.length);
    const byte = body[bad].toString(16).toUpperCase().padStart(2, '0');
    throw new DomainError(
      'invalid',
      CsvErrorCode.badEncoding,
      `The file is not valid UTF-8: byte 0x${byte} at byte offset ${bad + start} (row ${row}) cannot be read. It was probably saved in another encoding such as Windows-1252; save it as "CSV UTF-8" and import it again.`,
      { row, byteOffset: bad + start, byte: `0x${byte}` },
    );
  }
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/**
 * Yields every record, including blank lines (as a single empty field) so that row numbers match
 * the file. Refuses an unterminated quoted field or text after a closing quote, naming the row.
 */
export function* parseCsvRecords(text: string): Generator<CsvRecord> {
  const n = text.length;
  let i = 0;
  let row = 1;
  if (n === 0) return;
  for (;;) {
    const fields: string[] = [];
    const recordRow = row;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        // quoted field
        let j = i + 1;
        let out = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            throw new DomainError(
              'invalid',
              CsvErrorCode.malformed,
              `Row ${recordRow} has a quoted value that is never closed. Check the quotes (") in that row.`,
              { row: recordRow },
            );
          }
          out += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== 44 && next !== 10 && next !== 13) {
          throw new DomainError(
            'invalid',
            CsvErrorCode.malformed,
            `Row ${recordRow} has text right after a closing quote. A quoted value must be followed by a comma or the end of the line; write a quote inside a value as "".`,
            { row: recordRow },
          );
        }
        value = out;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i < n && text.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      break;
    }
    // end of record
    if (i < n) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else i += 1;
      row++;
      yield { row: recordRow, fields };
      if (i >= n) return;
    } else {
      yield { row: recordRow, fields };
      return;
    }
  }
}

/** True for a record that is a blank line (or only empty fields). */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field for output. A value a spreadsheet would run as a formula (starting with = + - @, tab
 * or CR) gets a leading apostrophe; a value with a comma, quote, line break or edge spaces is
 * quoted, with quotes doubled.
 */
export function encodeCsvField(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s) || /^\s|\s$/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** The reverse of the formula protection, applied on import: `'+44…` reads back as `+44…`. */
export function unprotectCsvField(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function encodeCsvRecord(fields: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return fields.map(encodeCsvField).join(',') + '\r\n';
}
