import fc from 'fast-check';
import { messageIdFor, messageIdHost, outboxIdOf } from './message-id';

describe('Message-ID', () => {
  it('is derived from the outbox row id, and gives it back', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.domain(), (id, host) => {
        const mid = messageIdFor(id, host);
        expect(mid).toBe(`<outbox-${id.toLowerCase()}@${host}>`);
        expect(outboxIdOf(mid)).toBe(id.toLowerCase());
        expect(messageIdFor(id, host)).toBe(mid); // stable: every attempt carries the same id
      }),
    );
  });

  it('refuses what is not a row id, and reads no id from foreign Message-IDs', () => {
    expect(() => messageIdFor('123', 'x.org')).toThrow();
    expect(outboxIdOf('<abc@x.org>')).toBeNull();
  });

  it('takes the host from the sender address, else from the public URL', () => {
    expect(messageIdHost('Commons <no-reply@Party.Example>', 'https://x.org')).toBe('party.example');
    expect(messageIdHost('no-reply@party.example', 'https://x.org')).toBe('party.example');
    expect(messageIdHost('Commons', 'https://members.party.example/app')).toBe('members.party.example');
  });
});
