import fc from 'fast-check';
import { validateFanOut, validateMessage } from './notification-message';
import { NOTIFICATION_TYPE_NAMES, NOTIFICATION_TYPES, effectiveEssential, validateNotificationData } from './notification-types';

const member = { memberId: '3f1c2b9e-0a6d-4b8e-9d41-2f5e7c9a1b00' };

const VALID: Record<string, unknown> = {
  'outcome-notice': {
    respondentName: null,
    rule: 'R 1',
    upheld: false,
    sanction: { kind: 'no_finding', suspendedUntil: null },
    panelSanction: null,
    decidedOn: '2026-01-01',
    finalOn: '2026-02-01',
    panelVote: { uphold: 1, notUphold: 2 },
    appealOutcome: null,
  },
  'election-notice': { electionId: member.memberId, electionTitle: 'CC', stage: 'called' },
  ballot: { electionId: member.memberId, electionTitle: 'CC', votingClosesAt: '2027-01-01T10:00:00Z' },
  'ballot-reminder': { electionId: member.memberId, electionTitle: 'CC', votingClosesAt: '2027-01-01T10:00:00Z' },
  'subs-reminder': { arrearsMonths: 0, paidThrough: null },
  announcement: { title: 'T', text: 'x' },
  welcome: { firstName: 'Ana' },
  invitation: { firstName: 'Ana', activationUrl: 'https://x.example/activate?token=abc', validDays: 14 },
  'email-change': { newEmail: 'new@x.example', confirmUrl: null },
  'password-reset': { resetUrl: 'https://x.example/reset-password?token=abc' },
  'application-confirmation': { confirmUrl: 'https://x.example/confirm-application?token=abc', validHours: 48 },
  'membership-exists': {},
  'confirmation-code': { code: '123456', validMinutes: 15 },
  'case-update': {},
};

describe('notification types', () => {
  it('every type has a valid example, and no type accepts a field it does not define', () => {
    for (const type of NOTIFICATION_TYPE_NAMES) {
      expect(validateNotificationData(type, VALID[type])).toEqual([]);
    }
    fc.assert(
      fc.property(fc.constantFrom(...NOTIFICATION_TYPE_NAMES), fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue(), (type, key, value) => {
        const data = VALID[type] as Record<string, unknown>;
        fc.pre(!Object.prototype.hasOwnProperty.call(data, key) && !['__proto__', 'summary'].includes(key));
        expect(validateNotificationData(type, { ...data, [key]: value })).toContain(`${key} is not a field of this notification type`);
      }),
    );
  });

  it('a case update accepts exactly nothing', () => {
    expect(validateNotificationData('case-update', {})).toEqual([]);
    for (const key of ['caseId', 'summary', 'text', 'reference', 'link']) {
      expect(validateNotificationData('case-update', { [key]: 'x' })).not.toEqual([]);
    }
  });

  it('outcome notices, election notices, ballots and case updates are essential whatever the caller says', () => {
    for (const t of ['outcome-notice', 'election-notice', 'ballot', 'case-update'] as const) expect(effectiveEssential(t, false)).toBe(true);
    expect(effectiveEssential('announcement', false)).toBe(false);
    expect(effectiveEssential('announcement', true)).toBe(true);
  });

  it('only secrets-free, non-confidential types can go to an audience', () => {
    for (const t of NOTIFICATION_TYPE_NAMES) {
      const r = NOTIFICATION_TYPES[t];
      if (r.fanOut) expect(r.secretKeys.length === 0 && !r.confidential).toBe(true);
    }
    expect(validateFanOut({ type: 'case-update', data: {}, audience: 'good-standing' })).not.toEqual([]);
  });

  it('checks recipients', () => {
    expect(validateMessage({ type: 'welcome', recipient: member, essential: true, data: { firstName: 'A' } })).toEqual([]);
    expect(validateMessage({ type: 'welcome', recipient: { email: 'a@b.org' }, essential: true, data: { firstName: 'A' } })).toEqual([]);
    expect(validateMessage({ type: 'welcome', recipient: { email: 'not an address' }, essential: true, data: { firstName: 'A' } })).not.toEqual([]);
    expect(validateMessage({ type: 'welcome', recipient: { memberId: 'x' }, essential: true, data: { firstName: 'A' } })).not.toEqual([]);
    expect(validateMessage({ type: 'welcome', recipient: { ...member, email: 'a@b.org' }, essential: true, data: { firstName: 'A' } })).not.toEqual([]);
    expect(validateMessage({ type: 'nope', recipient: member, essential: true, data: {} })).not.toEqual([]);
  });
});
