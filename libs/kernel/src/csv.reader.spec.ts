import fc from 'fast-check';
import { DomainError } from './domain-error';
import { decodeCsv, firstInvalidUtf8Byte, readCsv, readCsvText, type CsvRecord } from './csv.reader';
import { encodeCsvRecord } from './csv.writer';

const records = (text: string) => readCsvText(text).map((r) => [r.row, r.fields] as const);

/** Feeds the bytes to the streaming reader in chunks of the given sizes (cycled). */
async function streamed(bytes: Uint8Array, sizes: number[]): Promise<CsvRecord[]> {
  async function* chunks() {
    let i = 0;
    let k = 0;
    while (i < bytes.length) {
      const n = Math.max(1, sizes[k++ % sizes.length]);
      yield bytes.subarray(i, i + n);
      i += n;
    }
  }
  const out: CsvRecord[] = [];
  for await (const r of readCsv(chunks())) out.push(r);
  return out;
}

/** The DomainError a promise is rejected with. */
const rejection = (p: Promise<unknown>): Promise<DomainError> =>
  p.then(
    () => Promise.reject(new Error('expected a DomainError')),
    (e: unknown) => (e instanceof DomainError ? e : Promise.reject(e)),
  );

/** The DomainError a call throws. */
function errorOf(fn: () => unknown): DomainError {
  let thrown: unknown = new Error('expected a DomainError');
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown instanceof DomainError) return thrown;
  throw thrown;
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
        const back = readCsvText(text).map((r) => r.fields.map((f) => (/^'[=+\-@\t\r]/.test(f) ? f.slice(1) : f)));
        expect(back).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps ragged rows as they are (the import names them), and an empty file has no records', () => {
    expect(records('a,b,c\n1,2\n1,2,3,4\n')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '2']],
      [3, ['1', '2', '3', '4']],
    ]);
    expect(records('')).toEqual([]);
  });

  it('names the row and the value (column) of broken quoting', () => {
    const e = errorOf(() => records('h1,h2\nok,ok\nfine,"x"y\n'));
    expect(e.code).toBe('csv_malformed');
    expect(e.details).toEqual({ row: 3, column: 2 });
    expect(e.message).toContain('Row 3, value 2');
  });

  it('streams: the same records whatever the chunk sizes, with characters and the BOM split across chunks', async () => {
    const text = '\ufeffnom,ville\r\n"Zoë, ""la"" grande",Zürich\n€uro,"multi\r\nline"\rlast,😀\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const whole = readCsvText(bytes);
    expect(whole.map((r) => r.fields)).toEqual([
      ['nom', 'ville'],
      ['Zoë, "la" grande', 'Zürich'],
      ['€uro', 'multi\r\nline'],
      ['last', '😀'],
    ]);
    for (const sizes of [[1], [2], [3], [1, 2, 5], [7, 1], [bytes.length]]) expect(await streamed(bytes, sizes)).toEqual(whole);
    expect(await streamed(Buffer.from(''), [1])).toEqual([]);
  });

  it('property: streaming in random chunks reads what reading the whole text reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        async (rows, sizes) => {
          const bytes = Buffer.from(rows.map(encodeCsvRecord).join(''), 'utf8');
          expect(await streamed(bytes, sizes)).toEqual(readCsvText(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('streaming: a bad byte in a later chunk names its row and byte offset; UTF-16 and broken quotes are refused', async () => {
    const latin1 = Buffer.concat([Buffer.from('first_name\n"Ana\nMaria"\nJos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const e = await rejection(streamed(latin1, [4]));
    expect(e.code).toBe('csv_bad_encoding');
    expect(e.details).toEqual({ row: 3, byteOffset: 26, byte: '0xE9' });
    expect((await rejection(streamed(Buffer.from([0xff, 0xfe, 0x61, 0x00]), [1]))).code).toBe('csv_bad_encoding');
    const q = await rejection(streamed(Buffer.from('h\nok\n"never closed\n'), [3]));
    expect([q.code, (q.details as { row: number }).row]).toEqual(['csv_malformed', 3]);
    // A character cut off at the very end of the file is not UTF-8 either.
    expect((await rejection(streamed(Buffer.from([0x61, 0x0a, 0xe2, 0x82]), [1]))).details).toEqual({ row: 2, byteOffset: 2, byte: '0xE2' });
  });

  it('streaming: refuses a source larger than the limit with the caller\'s error', async () => {
    const big = Buffer.from('a\n'.repeat(1000));
    const tooLarge = () => new DomainError('invalid', 'too_large', 'too large');
    async function* one() {
      yield big;
    }
    const read = async () => {
      for await (const _ of readCsv(one(), { maxBytes: 100, tooLarge })) void _;
    };
    expect((await rejection(read())).code).toBe('too_large');
  });
});
