import { at, expectDomainError } from '../finding/finding.test-fixtures';
import { CaseMessage, CaseParticipants, MessageAudience, caseRecordFor } from './case-message.entity';
import { InvestigationErrorCode } from './investigation.errors';

const P: CaseParticipants = { complainantIds: ['alice'], respondentIds: ['bob'], witnessIds: ['wendy'], panelistIds: ['cc-1', 'cc-2', 'cc-3'] };

let seq = 0;
const send = (senderId: string, audience: MessageAudience, senderIsOfficer = false, text = 'message text') =>
  CaseMessage.compose({ messageId: `m-${++seq}`, caseId: 'case-1', participants: P, senderId, senderIsOfficer, audience, text, now: at(seq) });

describe('CaseMessage: the only channel to the panel', () => {
  it('an officer’s message to the panel becomes part of the record visible to the parties', () => {
    const { next: m, events } = send('ec-chair', { kind: 'panel' }, true, 'The EC asks the panel to go easy.');
    expect(m.senderRole).toBe('officer');
    for (const reader of ['cc-1', 'cc-2', 'cc-3', 'alice', 'bob', 'ec-chair']) expect(m.isVisibleTo(reader, P)).toBe(true);
    expect(m.isVisibleTo('wendy', P)).toBe(false);
    expect(m.isVisibleTo('cc-chair-not-on-panel', P)).toBe(false);
    expect([...events[0].notify].sort()).toEqual(['alice', 'bob', 'cc-1', 'cc-2', 'cc-3']);
    expect(caseRecordFor([m], 'bob', P).map((x) => x.toSnapshot().text)).toEqual(['The EC asks the panel to go easy.']);
  });

  it('an officer cannot make their message private: a panel disclosure changes nothing and it cannot be addressed elsewhere', () => {
    expectDomainError(() => send('ec-chair', { kind: 'participant', personId: 'bob' }, true), InvestigationErrorCode.MessageAudienceNotPermitted);
    expectDomainError(() => send('ec-chair', { kind: 'all_parties' }, true), InvestigationErrorCode.MessageAudienceNotPermitted);
  });

  it('refuses anyone who is neither a participant nor an officer', () => {
    expectDomainError(() => send('random-member', { kind: 'panel' }, false), InvestigationErrorCode.MessageSenderNotPermitted);
  });

  it('a party writes to the panel only; the other party does not see it unless the panel discloses it', () => {
    expectDomainError(() => send('alice', { kind: 'participant', personId: 'bob' }), InvestigationErrorCode.MessageAudienceNotPermitted);
    const { next: m } = send('alice', { kind: 'panel' });
    expect(m.isVisibleTo('alice', P)).toBe(true);
    expect(m.isVisibleTo('cc-2', P)).toBe(true);
    expect(m.isVisibleTo('bob', P)).toBe(false);
    expectDomainError(() => m.discloseToParties({ by: 'alice', participants: P, now: at(50) }), InvestigationErrorCode.MessageSenderNotPermitted);
    const disclosed = m.discloseToParties({ by: 'cc-1', participants: P, now: at(50) });
    expect(disclosed.next.isVisibleTo('bob', P)).toBe(true);
    expect(disclosed.events[0].notify).toEqual(['bob']);
  });

  it('an officer who is a party writes as that party', () => {
    const officerParty = { ...P, complainantIds: ['ec-treasurer'] };
    const m = CaseMessage.compose({ messageId: 'm', caseId: 'case-1', participants: officerParty, senderId: 'ec-treasurer', senderIsOfficer: true, audience: { kind: 'panel' }, text: 't', now: at(1) }).next;
    expect(m.senderRole).toBe('complainant');
  });

  it('the panel writes to one participant, or to all parties', () => {
    const toWitness = send('cc-1', { kind: 'participant', personId: 'wendy' }).next;
    expect(['wendy', 'cc-3'].map((id) => toWitness.isVisibleTo(id, P))).toEqual([true, true]);
    expect(['alice', 'bob'].map((id) => toWitness.isVisibleTo(id, P))).toEqual([false, false]);
    expectDomainError(() => send('cc-1', { kind: 'participant', personId: 'ec-chair' }), InvestigationErrorCode.MessageAudienceNotPermitted);
    const toParties = send('cc-1', { kind: 'all_parties' }).next;
    expect(['alice', 'bob', 'wendy'].map((id) => toParties.isVisibleTo(id, P))).toEqual([true, true, false]);
  });

  it('gives each viewer their own view of the record, oldest first', () => {
    const msgs = [send('cc-1', { kind: 'all_parties' }).next, send('alice', { kind: 'panel' }).next, send('ec-chair', { kind: 'panel' }, true).next];
    expect(caseRecordFor([...msgs].reverse(), 'bob', P).map((m) => m.senderRole)).toEqual(['panel', 'officer']);
    expect(caseRecordFor(msgs, 'cc-2', P)).toHaveLength(3);
  });
});
