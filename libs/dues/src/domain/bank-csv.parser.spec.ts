import { DomainError } from '@org/kernel';
import { BankCsvContext, MemberDirectory, contentKey, matchReference, parseBankCsv } from './bank-csv.parser';

const directory: MemberDirectory = {
  memberIdByNumber: (n) => ({ 'M-1001': 'm1', 'M-1002': 'm2' })[n],
  memberIdByEmail: (e) => ({ 'ana@example.org': 'm1', 'bo@example.org': 'm2' })[e],
};
const context = (over: Partial<BankCsvContext> = {}): BankCsvContext => ({ currency: 'EUR', today: '2024-03-31', directory, alreadyImported: new Set(), ...over });
const HEADER = 'date,amount,currency,reference,transaction_id';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('bank CSV import', () => {
  const file = [HEADER, '2024-03-01,12.50,EUR,Subs M-1001 March,TX1', '2024-03-02,10,EUR,"from Bo@Example.org, thanks",', '2024-03-02,10,EUR,"from Bo@Example.org, thanks",'].join('\r\n');

  it('matches rows to members by member number or e-mail and proposes payments', () => {
    const result = parseBankCsv(Buffer.from(file), context());
    expect(result).toMatchObject({ newPayments: 3, alreadyImported: 0, rejected: 0, ok: true });
    expect(result.rows[0]).toEqual({
      row: 2,
      outcome: 'new',
      ok: true,
      errors: [],
      idempotencyKey: 'txn:TX1',
      payment: { memberId: 'm1', amountMinor: 1250, currency: 'EUR', paidOn: '2024-03-01', source: 'bank-import', externalRef: 'txn:TX1', reference: 'Subs M-1001 March' },
    });
    expect(result.rows[1].payment?.memberId).toBe('m2');
  });

  it('two identical rows without a transaction id stay two payments, with different keys', () => {
    const [, second, third] = parseBankCsv(file, context()).rows;
    expect(second.idempotencyKey).toMatch(/^row:[0-9a-f]{64}:0$/);
    expect(third.idempotencyKey).toBe(second.idempotencyKey!.replace(/:0$/, ':1'));
  });

  it('re-importing the same file adds nothing', () => {
    const first = parseBankCsv(file, context());
    const ledger = new Set(first.rows.map((r) => r.payment!.externalRef));
    const again = parseBankCsv(file, context({ alreadyImported: ledger }));
    expect(again).toMatchObject({ newPayments: 0, alreadyImported: 3, rejected: 0, ok: true });
    expect(again.rows.every((r) => r.payment === undefined)).toBe(true);
    // even if a row would now fail a check (the member left the directory), it is still "already imported"
    const emptyDirectory = { memberIdByNumber: () => undefined, memberIdByEmail: () => undefined };
    expect(parseBankCsv(file, context({ alreadyImported: ledger, directory: emptyDirectory })).alreadyImported).toBe(3);
  });

  it('a later export that repeats the rows in the same order yields the same keys', () => {
    const later = `${file}\r\n2024-03-20,5.00,EUR,M-1002,TX9`;
    const keys = (text: string) => parseBankCsv(text, context()).rows.map((r) => r.idempotencyKey);
    expect(keys(later).slice(0, 3)).toEqual(keys(file));
  });

  it('rejects rows with a bad amount, currency, date or reference, saying which and why', () => {
    const bad = [
      HEADER,
      '2024-03-01,-12.50,EUR,M-1001,T1',
      '2024-03-01,twelve,EUR,M-1001,T2',
      '2024-03-01,12.50,XYZ,M-1001,T3',
      '2024-03-01,12.50,GBP,M-1001,T4',
      '2024-04-01,12.50,EUR,M-1001,T5',
      '01/03/2024,12.50,EUR,M-1001,T6',
      '2024-03-01,12.50,EUR,rent,T7',
      '2024-03-01,12.50,EUR,M-1001 and M-1002,T8',
      '2024-03-01,12.505,EUR,M-1001,T9',
    ].join('\n');
    const result = parseBankCsv(bad, context());
    expect(result).toMatchObject({ newPayments: 0, rejected: 9, ok: false });
    expect(result.rows.map((r) => r.errors)).toEqual([
      [{ field: 'amount', message: '-12.50 is not an incoming payment: only positive amounts can be imported' }],
      [{ field: 'amount', message: '"twelve" is not a number. Write it with a dot for decimals and no thousands separators, for example 1234.50.' }],
      [{ field: 'currency', message: '"XYZ" is not a known currency code' }],
      [{ field: 'currency', message: 'dues are paid in EUR, not GBP' }],
      [{ field: 'date', message: '2024-04-01 is in the future' }],
      [{ field: 'date', message: '"01/03/2024" is not a date written YYYY-MM-DD' }],
      [{ field: 'reference', message: 'contains no known member number or e-mail address' }],
      [{ field: 'reference', message: 'matches 2 different members; record this payment by hand' }],
      [{ field: 'amount', message: '"12.505" has more decimals than EUR allows (2).' }],
    ]);
  });

  it('a transaction id repeated in the file is imported once, or refused if the details differ', () => {
    const text = [HEADER, '2024-03-01,12.50,EUR,M-1001,TX1', '2024-03-01,12.50,EUR,M-1001,TX1', '2024-03-01,99.00,EUR,M-1001,TX1'].join('\n');
    const rows = parseBankCsv(text, context()).rows;
    expect(rows.map((r) => r.outcome)).toEqual(['new', 'duplicate-in-file', 'rejected']);
    expect(rows[2].errors).toEqual([{ field: 'transaction_id', message: 'TX1 is also used on row 2 with different details' }]);
  });

  it('a wrong header names the missing and unknown columns; a bad encoding names the row', () => {
    const e = errorOf(() => parseBankCsv('date,value,currency,reference\n', context()));
    expect([e.kind, e.code]).toEqual(['invalid', 'csv_bad_header']);
    expect(e.details).toMatchObject({ missing: ['amount', 'transaction_id'], unknown: ['value'] });
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n2024-03-01,1.00,EUR,Jos`), Buffer.from([0xe9]), Buffer.from(',T\n')]);
    const enc = errorOf(() => parseBankCsv(bytes, context()));
    expect([enc.code, (enc.details as { row: number }).row]).toEqual(['csv_bad_encoding', 2]);
    expect(errorOf(() => parseBankCsv('', context())).code).toBe('csv_empty');
  });

  it('reads member numbers and e-mails out of free text', () => {
    expect(matchReference('SUBS/M-1001/2024', directory)).toEqual(['m1']);
    expect(matchReference('Payment ana@example.org.', directory)).toEqual(['m1']);
    expect(matchReference('ANA@EXAMPLE.ORG m-1001', directory)).toEqual(['m1']);
    expect(matchReference('nothing here', directory)).toEqual([]);
  });

  it('content keys ignore spacing and case differences that banks introduce', () => {
    expect(contentKey({ date: '2024-03-01', amount: '1.00', currency: 'eur', reference: ' a  b ' }, 0)).toBe(
      contentKey({ date: '2024-03-01', amount: '1.00', currency: 'EUR', reference: 'a b' }, 0),
    );
  });
});
