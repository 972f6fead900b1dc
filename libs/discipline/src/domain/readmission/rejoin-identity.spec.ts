import { normalizePersonName, normalizePhone, normalizePostalAddress, rejoinFingerprintSources } from './rejoin-identity';

describe('rejoin identity (S9)', () => {
  it('normalizes names, phones and addresses so that the same person written differently gives the same values', () => {
    expect(normalizePersonName('Schmidt, Anna-María')).toBe(normalizePersonName('anna maria  SCHMIDT'));
    expect(normalizePhone('+44 20 7946 0321')).toBe(normalizePhone('020 7946 0321'));
    expect(normalizePhone('0044 (20) 7946-0321')).toBe(normalizePhone('020 7946 0321'));
    expect(normalizePhone('12')).toBe('');
    expect(normalizePostalAddress('12 Canal Street, Manchester')).toBe(normalizePostalAddress('12 canal st manchester'));
  });

  it('a name alone is never a fingerprint: only with date of birth, phone or address; e-mail on its own', () => {
    expect(rejoinFingerprintSources({ name: 'Anna Schmidt' })).toEqual([]);
    const kinds = rejoinFingerprintSources({ name: 'Anna Schmidt', email: 'A@x.org', dateOfBirth: '1980-01-02', phone: '0301234567', postalAddress: 'Hauptstraße 5, Berlin' }).map((s) => s.kind);
    expect(kinds).toEqual(['email', 'name_dob', 'name_phone', 'name_address']);
    expect(rejoinFingerprintSources({ name: '', phone: '0301234567' })).toEqual([]);
  });
});
