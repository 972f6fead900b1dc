import { rejoinFingerprintSources } from './rejoin-identity';

describe('rejoin identity (S9)', () => {
  it('the same person written differently gives the same fingerprint sources', () => {
    const a = rejoinFingerprintSources({ name: 'Schmidt, Anna-María', phone: '+44 20 7946 0321', postalAddress: '12 Canal Street, Manchester' });
    const b = rejoinFingerprintSources({ name: 'anna maria  SCHMIDT', phone: '0044 (20) 7946-0321', postalAddress: '12 canal st manchester' });
    expect(a).toEqual(b);
    expect(a.map((s) => s.kind)).toEqual(['name_phone', 'name_address']);
  });

  it('a name alone is never a fingerprint: only with date of birth, phone or address; e-mail on its own', () => {
    expect(rejoinFingerprintSources({ name: 'Anna Schmidt' })).toEqual([]);
    const kinds = rejoinFingerprintSources({ name: 'Anna Schmidt', email: 'A@x.org', dateOfBirth: '1980-01-02', phone: '0301234567', postalAddress: 'Hauptstraße 5, Berlin' }).map((s) => s.kind);
    expect(kinds).toEqual(['email', 'name_dob', 'name_phone', 'name_address']);
    expect(rejoinFingerprintSources({ name: '', phone: '0301234567' })).toEqual([]);
    expect(rejoinFingerprintSources({ name: 'Anna Schmidt', phone: '12' })).toEqual([]);
  });
});
