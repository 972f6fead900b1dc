import { BoundColumnMapping, checkMappingDefinition, parseDateInFormats, type ColumnMappingDefinition } from './column-mapping';
import { DomainError } from './domain-error';

const FIELDS = { known: ['name', 'joined', 'status', 'address'], required: ['name'] };

describe('column mapping (reading another tool\'s export)', () => {
  it('reads dates in the formats given, refusing impossible ones, ignoring a time after the date', () => {
    expect(parseDateInFormats('03/20/2017', ['YYYY-MM-DD', 'MM/DD/YYYY'])).toBe('2017-03-20');
    expect(parseDateInFormats('3 Feb 2021', ['D MMM YYYY'])).toBe('2021-02-03');
    expect(parseDateInFormats('2021-02-03 14:05:00', ['YYYY-MM-DD'])).toBe('2021-02-03');
    expect(parseDateInFormats('31/02/2021', ['DD/MM/YYYY'])).toBeNull();
    expect(parseDateInFormats('2021-02-03', ['DD/MM/YYYY'])).toBeNull();
  });

  it('maps values, joins columns, leaves out rows by value, and names the source column of an error', () => {
    const def: ColumnMappingDefinition = {
      fields: {
        name: { column: 'Full Name' },
        joined: { column: 'Since', dateFormats: ['DD/MM/YYYY'] },
        status: { column: 'State', values: { current: 'active', expired: 'lapsed' }, skipWhen: ['Deceased'] },
        address: { columns: ['Street', 'City'], join: ', ' },
      },
    };
    const bound = BoundColumnMapping.bind(def, ['full name', 'SINCE', 'State', 'Street', 'City'], 'test');
    const ok = bound.map(['Ana Lima', '01/02/2020', 'Current', '1 Mill Lane', '']);
    expect(Object.fromEntries(ok.values)).toEqual({ name: 'Ana Lima', joined: '2020-02-01', status: 'active', address: '1 Mill Lane' });
    expect(ok.errors).toEqual([]);
    expect(bound.map(['Ben', '01/02/2020', 'deceased', '', '']).skipped).toBe('State is "deceased"');
    const bad = bound.map(['Cy', '2020-02-01', 'Honorary', '', '']);
    expect(bad.errors.map((e) => [e.field, e.column])).toEqual([
      ['joined', 'Since'],
      ['status', 'State'],
    ]);
    expect(bound.sourceOf('address')).toBe('Street + City');
  });

  it('a file without a mapped column is refused naming it, unless the rule says the column is optional', () => {
    const def: ColumnMappingDefinition = { fields: { name: { column: 'Name' }, address: { column: 'Address', optional: true }, joined: { column: 'Joined' } } };
    let error: unknown;
    try {
      BoundColumnMapping.bind(def, ['Name'], 'sheet');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('csv_mapping_column_missing');
    expect((error as DomainError).message).toContain('no column "Joined"');
    expect((error as DomainError).message).not.toContain('"Address"');
    const bound = BoundColumnMapping.bind(def, ['Name', 'Joined'], 'sheet');
    expect(bound.map(['Ana', '2020-01-01']).values.get('address')).toBe('');
  });

  it('checks a definition before it is saved, naming every problem', () => {
    const problems = checkMappingDefinition({ fields: { shoe: { column: 'S' }, joined: { column: 'J', constant: 'x', dateFormats: ['QQ'] } } }, FIELDS);
    expect(problems).toEqual([
      '"name" is required: say which column it comes from',
      '"shoe" is not a field of this import (fields: name, joined, status, address)',
      '"joined": give exactly one of column, columns or constant',
      '"joined": "QQ" is not a date format (use YYYY, MM, M, DD, D, MMM and separators)',
    ]);
    expect(checkMappingDefinition({ fields: { name: { column: 'N' } } }, FIELDS)).toEqual([]);
    expect(checkMappingDefinition(null, FIELDS)).toHaveLength(1);
  });
});
