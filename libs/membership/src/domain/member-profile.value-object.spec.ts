import { DomainError } from '@org/kernel';
import { MemberProfile, validateEmail, validatePhone } from './member-profile.value-object';

describe('MemberProfile', () => {
  it('normalizes names, e-mail and phone', () => {
    const p = MemberProfile.create({ firstName: '  Ana  Maria ', lastName: 'Lima', email: ' Ana@Example.ORG ', phone: ' +351  21 000 0000 ', address: '' });
    expect(p.toSnapshot()).toEqual({ firstName: 'Ana Maria', lastName: 'Lima', email: 'ana@example.org', phone: '+351 21 000 0000', address: null });
  });

  it('lists every invalid field with a reason', () => {
    try {
      MemberProfile.create({ firstName: '', email: 'a@b', phone: 'call me', address: 'x'.repeat(501) });
      fail('expected an error');
    } catch (e) {
      expect((e as DomainError).code).toBe('invalid_member_profile');
      expect(((e as DomainError).details as Array<{ field: string }>).map((d) => d.field)).toEqual(['firstName', 'email', 'phone', 'address']);
    }
  });

  it('accepts ordinary addresses and numbers, refuses obvious mistakes', () => {
    for (const ok of ['a@example.org', 'first.last+tag@sub.example.co.uk', 'ñandú@ejemplo.es']) expect(validateEmail('email', ok).error).toBeUndefined();
    for (const bad of ['a@b', 'a b@example.org', 'a@@example.org', '@example.org', 'a@example', 'a..b@example.org', 'a@.example.org'])
      expect(validateEmail('email', bad).error).toBeDefined();
    for (const ok of ['020 7946 0000', '+44 (0)20 7946-0000', '0612345678']) expect(validatePhone('phone', ok).error).toBeUndefined();
    for (const bad of ['12345', '+44 20 7946 0000 0000 00', 'call me', '44+20']) expect(validatePhone('phone', bad).error).toBeDefined();
  });
});
