import fc from 'fast-check';
import { DomainError } from './domain-error';
import { decodeCsv, encodeCsvRecord, firstInvalidUtf8Byte, parseCsvRecords } from './csv-table.parser';

const records = (text: string) => [...parseCsvRecords(text)].map((r) => [r.row, r.fields] as const);

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('CSV reading and writing', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks; CRLF, LF and CR line ends', () => {
    expect(records('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\rlast,1\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'say "hi"']],
      [3, ['multi\nline', 'z']],
      [4, ['last', '1']],
    ]);
  });

  it('keeps blank lines as blank records so row numbers match the file', () => {
    expect(records('h\n\nx\n')).toEqual([
      [1, ['h']],
      [2, ['']],
      [3, ['x']],
    ]);
  });

  it('refuses an unclosed quote or text after a closing quote, naming the row', () => {
    const a = errorOf(() => records('h\nok\n"never closed\n'));
    expect([a.code, (a.details as { row: number }).row]).toEqual(['csv_malformed', 3]);
    const b = errorOf(() => records('h\n"x"y,1\n'));
    expect([b.code, (b.details as { row: number }).row]).toEqual(['csv_malformed', 2]);
  });

  it('strips a UTF-8 BOM and refuses UTF-16', () => {
    expect(decodeCsv(Buffer.from('\ufeffa,b', 'utf8'))).toBe('a,b');
    expect(decodeCsv('\ufeffa,b')).toBe('a,b');
    expect(errorOf(() => decodeCsv(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).code).toBe('csv_bad_encoding');
  });

  it('refuses bytes that are not UTF-8, naming the row and the byte', () => {
    const latin1 = Buffer.concat([Buffer.from('first_name\nAna\nJos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const e = errorOf(() => decodeCsv(latin1));
    expect(e.code).toBe('csv_bad_encoding');
    expect(e.details).toEqual({ row: 3, byteOffset: 18, byte: '0xE9' });
    expect(e.message).toContain('row 3');
    expect(e.message).toContain('0xE9');
  });

  it('finds the first invalid UTF-8 byte exactly as the platform decoder judges validity', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Byte(bytes) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
    expect(firstInvalidUtf8Byte(Buffer.from('ok €', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8Byte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });

  it('protects against formula injection and quotes when needed', () => {
    expect(encodeCsvRecord(['=SUM(A1)', '+44 20', '-5', '@cmd', 'plain', 'a,b', 'say "x"', ' padded', null])).toBe(
      `'=SUM(A1),'+44 20,'-5,'@cmd,plain,"a,b","say ""x"""," padded",\r\n`,
    );
  });

  it('property: whatever is written reads back the same (after the formula apostrophe)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map(encodeCsvRecord).join('');
        const back = [...parseCsvRecords(text)].map((r) => r.fields.map((f) => (/^'[=+\-@\t\r]/.test(f) ? f.slice(1) : f)));
        expect(back).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
