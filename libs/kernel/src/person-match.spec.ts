import { normalizePersonName, normalizePhone, normalizePostalAddress, probableMatchKeys } from './person-match';

describe('person match (probable duplicates, S9 recognition)', () => {
  it('the same person written differently gives the same normalized values', () => {
    expect(normalizePersonName('Schmidt, Anna-María')).toBe(normalizePersonName('anna maria  SCHMIDT'));
    expect(normalizePersonName('Jörg Groß')).toBe(normalizePersonName('JORG GROSS'));
    expect(normalizePhone('+44 20 7946 0321')).toBe(normalizePhone('020 7946 0321'));
    expect(normalizePhone('0044 (20) 7946-0321')).toBe(normalizePhone('020 7946 0321'));
    expect(normalizePostalAddress('12 Canal Street, Manchester')).toBe(normalizePostalAddress('12 canal st manchester'));
  });

  it('a name alone is never a key; too short a phone or a one-word address is no value', () => {
    expect(probableMatchKeys({ name: 'Anna Schmidt' })).toEqual([]);
    expect(probableMatchKeys({ name: 'Anna Schmidt', phone: '12', postalAddress: 'Berlin' })).toEqual([]);
    expect(probableMatchKeys({ name: '', phone: '0301234567' })).toEqual([]);
    expect(probableMatchKeys({ name: 'Anna Schmidt', dateOfBirth: '1980-01-02', phone: '030 1234567' }).map((k) => k.reason)).toEqual(['name+date_of_birth', 'name+phone']);
  });
});
