import { NOTIFICATION_TYPE_NAMES, validateNotificationData, type NotificationType } from '../notification-types';
import { renderNotification } from './notification-templates';
import { organizationDates, organizationLocaleFrom } from './organization-dates';

const id = '7d0c2b1e-3a4f-4b6c-8d9e-0f1a2b3c4d5e';
/** One message of every type, with every date field it has filled in. */
const EXAMPLES: Record<NotificationType, unknown> = {
  'outcome-notice': {
    respondentName: null,
    rule: 'R 1',
    upheld: true,
    sanction: { kind: 'suspension', suspendedUntil: '2027-03-01' },
    panelSanction: null,
    decidedOn: '2027-01-05',
    finalOn: '2027-02-04',
    panelVote: { uphold: 2, notUphold: 1 },
    appealOutcome: null,
  },
  'election-notice': { electionId: id, electionTitle: 'CC', stage: 'voting-open', summary: 'Voting is open.', votingClosesAt: '2027-01-01T10:00:00Z' },
  ballot: { electionId: id, electionTitle: 'CC', votingClosesAt: '2027-01-01T10:00:00Z' },
  'ballot-reminder': { electionId: id, electionTitle: 'CC', votingClosesAt: '2027-07-01T10:00:00Z' },
  'subs-reminder': { arrearsMonths: 2, paidThrough: '2026-11-30' },
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

const ISO = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/;

describe("dates in the organization's time zone and language", () => {
  const berlin = { publicUrl: 'https://members.party.example', organizationName: 'Die Partei', locale: { timeZone: 'Europe/Berlin', language: 'de-DE' } };

  it('no message of any type shows a raw ISO date or timestamp, in its e-mail or its feed entry', () => {
    for (const type of NOTIFICATION_TYPE_NAMES) {
      expect(validateNotificationData(type, EXAMPLES[type])).toEqual([]);
      const r = renderNotification(type, EXAMPLES[type] as never, berlin);
      for (const text of [r.subject, r.text, r.body, r.title, r.html.replace(/<[^>]*>/g, ' ')]) expect(text).not.toMatch(ISO);
    }
  });

  it('moments are shown in the organization time zone (winter and summer time) and language; calendar days are not shifted', () => {
    expect(renderNotification('ballot', EXAMPLES.ballot as never, berlin).text).toContain('1. Januar 2027 um 11:00 MEZ');
    expect(renderNotification('ballot-reminder', EXAMPLES['ballot-reminder'] as never, berlin).text).toContain('1. Juli 2027 um 12:00 MESZ');
    expect(renderNotification('election-notice', EXAMPLES['election-notice'] as never, berlin).text).toContain('1. Januar 2027 um 11:00 MEZ');
    expect(renderNotification('outcome-notice', EXAMPLES['outcome-notice'] as never, berlin).text).toContain('5. Januar 2027');
    expect(renderNotification('subs-reminder', EXAMPLES['subs-reminder'] as never, berlin).text).toContain('30. November 2026');
    const chicago = organizationDates({ timeZone: 'America/Chicago', language: 'en-US' });
    expect(chicago.moment('2027-01-01T10:00:00Z')).toBe('January 1, 2027 at 4:00 AM CST');
    expect(chicago.day('2027-01-01')).toBe('January 1, 2027');
  });

  it('a bad time zone or language stops the process at boot with a message naming the variable', () => {
    expect(organizationLocaleFrom({})).toEqual({ timeZone: 'UTC', language: 'en-GB' });
    expect(() => organizationLocaleFrom({ ORG_TIME_ZONE: 'Mars/Olympus' })).toThrow(/ORG_TIME_ZONE/);
    expect(() => organizationLocaleFrom({ ORG_LANGUAGE: 'not a language!' })).toThrow(/ORG_LANGUAGE/);
  });
});
