import fc from 'fast-check';
import { classifyDeliveryFailure } from './delivery-failure';

describe('SMTP reply classification', () => {
  it('4xx replies are temporary, 5xx permanent, whatever the error code says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), fc.option(fc.constantFrom('EMESSAGE', 'EENVELOPE', 'EPROTOCOL', 'ESOCKET')), (code, errCode) => {
        const f = classifyDeliveryFailure({ responseCode: code, code: errCode ?? undefined, response: `${code} something` });
        expect(f.kind).toBe(code >= 500 ? 'permanent' : 'transient');
        expect(f.replyCode).toBe(code);
      }),
    );
  });

  it('the cases of the issue: 421 is retried, 550 is not', () => {
    expect(classifyDeliveryFailure({ responseCode: 421, code: 'EMESSAGE', response: '421 try later' })).toEqual({ kind: 'transient', replyCode: 421, reason: '421 try later' });
    expect(classifyDeliveryFailure({ responseCode: 550, code: 'EENVELOPE', response: '550 no such user\r\nmore' })).toEqual({ kind: 'permanent', replyCode: 550, reason: '550 no such user' });
  });

  it('connection problems are temporary; an envelope with no valid recipient is permanent', () => {
    for (const code of ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'ECONNREFUSED', 'EDNS', 'ENOSPC']) {
      expect(classifyDeliveryFailure({ code, message: 'boom' }).kind).toBe('transient');
    }
    expect(classifyDeliveryFailure({ code: 'EENVELOPE', message: 'No recipients defined' }).kind).toBe('permanent');
    expect(classifyDeliveryFailure({ message: 'something odd' }).kind).toBe('transient');
  });

  it('keeps the reason short', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (s) => expect(classifyDeliveryFailure({ code: 'ESOCKET', message: s }).reason.length).toBeLessThanOrEqual(200)));
  });
});
