import { at, expectDomainError } from '../finding/finding.test-fixtures';
import { Interview } from './interview.entity';
import { InvestigationErrorCode } from './investigation.errors';

const schedule = (overrides: Partial<Parameters<typeof Interview.schedule>[0]> = {}) =>
  Interview.schedule({
    interviewId: 'iv-1',
    caseId: 'case-1',
    personId: 'bob',
    scheduledFor: at(10),
    topics: ['The events of 3 March', 'Messages sent afterwards'],
    scheduledBy: 'cc-1',
    now: at(0),
    ...overrides,
  });

describe('Interview (no ambush)', () => {
  it('refuses an interview without topics', () => {
    expectDomainError(() => schedule({ topics: [] }), InvestigationErrorCode.InterviewTopicsRequired);
    expectDomainError(() => schedule({ topics: ['  ', ''] }), InvestigationErrorCode.InterviewTopicsRequired);
  });

  it('requires the topics to be stated at least 48 hours ahead by default', () => {
    expectDomainError(() => schedule({ scheduledFor: at(0, 47) }), InvestigationErrorCode.InterviewInsufficientNotice);
    expect(schedule({ scheduledFor: at(0, 48) }).next.topics).toEqual(['The events of 3 March', 'Messages sent afterwards']);
    expectDomainError(() => schedule({ scheduledFor: at(0, 71), noticeHours: 72 }), InvestigationErrorCode.InterviewInsufficientNotice);
  });

  it('refuses a change of topics less than 48 hours before, and allows it earlier', () => {
    const iv = schedule().next;
    expectDomainError(() => iv.changeTopics({ topics: ['Something new'], now: at(9, 1) }), InvestigationErrorCode.InterviewTopicsLocked);
    const changed = iv.changeTopics({ topics: ['Something new'], now: at(8) }).next;
    expect(changed.topics).toEqual(['Something new']);
    expect(changed.toSnapshot().topicsStatedAt).toBe(at(8));
  });

  it('refuses moving the interview to less than 48 hours away', () => {
    const iv = schedule().next;
    expectDomainError(() => iv.reschedule({ scheduledFor: at(1), now: at(0) }), InvestigationErrorCode.InterviewInsufficientNotice);
    expect(iv.reschedule({ scheduledFor: at(5), now: at(0) }).next.scheduledFor).toBe(at(5));
  });

  it('records the support person and whether they attended', () => {
    let iv = schedule({ supportPerson: { name: 'Sam Friend', memberId: 'member-sam' } }).next;
    expect(iv.supportPerson).toEqual({ name: 'Sam Friend', memberId: 'member-sam' });
    expectDomainError(() => iv.recordHeld({ supportPersonAttended: true, now: at(9) }), InvestigationErrorCode.InterviewNotYetDue);
    iv = iv.recordHeld({ supportPersonAttended: true, now: at(10, 2) }).next;
    expect(iv.toSnapshot()).toMatchObject({ status: 'held', supportPersonAttended: true });
    expectDomainError(() => iv.changeTopics({ topics: ['x'], now: at(11) }), InvestigationErrorCode.InterviewWrongStatus);
  });

  it('tells the interviewee (events carry whom to notify, not the topics)', () => {
    const { events } = schedule();
    expect(events).toEqual([{ type: 'discipline.interview.scheduled', interviewId: 'iv-1', caseId: 'case-1', personId: 'bob', at: at(0) }]);
  });
});
