import { at, expectDomainError } from '../finding/finding.test-fixtures';
import { InvestigationErrorCode } from './investigation.errors';
import { StatementRegister } from './statement-register.entity';

const base = () => StatementRegister.forCase('case-1');

describe('StatementRegister (one statement, reused)', () => {
  it('refuses a second request for the same person and points to the existing statement', () => {
    const r = base().request({ statementId: 'st-1', personId: 'alice', role: 'complainant', requestedBy: 'cc-1', now: at(1) }).next;
    const e = expectDomainError(
      () => r.request({ statementId: 'st-2', personId: 'alice', role: 'complainant', requestedBy: 'cc-2', now: at(2) }),
      InvestigationErrorCode.StatementAlreadyExists,
    );
    expect(e.kind).toBe('conflict');
    expect(e.details).toEqual({ statementId: 'st-1', status: 'requested' });
  });

  it('fulfils the pending request under its id, and then refuses to ask again', () => {
    let r = base().request({ statementId: 'st-1', personId: 'bob', role: 'respondent', requestedBy: 'cc-1', now: at(1) }).next;
    r = r.record({ statementId: 'ignored', personId: 'bob', role: 'respondent', text: 'My account.', source: 'written', recordedBy: 'bob', now: at(3) }).next;
    expect(r.statementOf('bob')).toMatchObject({ statementId: 'st-1', status: 'given', text: 'My account.', requestedBy: 'cc-1' });
    const e = expectDomainError(
      () => r.request({ statementId: 'st-9', personId: 'bob', role: 'respondent', requestedBy: 'cc-2', now: at(4) }),
      InvestigationErrorCode.StatementAlreadyExists,
    );
    expect(e.details).toEqual({ statementId: 'st-1', status: 'given' });
    expectDomainError(
      () => r.record({ statementId: 'st-9', personId: 'bob', role: 'respondent', text: 'Again', source: 'written', recordedBy: 'bob', now: at(5) }),
      InvestigationErrorCode.StatementAlreadyGiven,
    );
  });

  it('the complaint is the complainant’s first statement: never asked for or written again, only added to on specific questions (S12)', () => {
    let r = base().withComplaintStatement({ statementId: 'st-c', personId: 'alice', filedAt: at(0) });
    expect(r.statementOf('alice')).toMatchObject({ statementId: 'st-c', status: 'given', source: 'complaint', text: null });
    expect(r.withComplaintStatement({ statementId: 'other', personId: 'alice', filedAt: at(1) }).statementOf('alice')?.statementId).toBe('st-c');
    const asked = expectDomainError(() => r.request({ statementId: 'st-2', personId: 'alice', role: 'complainant', requestedBy: 'cc-1', now: at(2) }), InvestigationErrorCode.ComplaintIsStatement);
    expect(asked.details).toEqual({ statementId: 'st-c' });
    expectDomainError(() => r.record({ statementId: 'st-2', personId: 'alice', role: 'complainant', text: 'All of it again.', source: 'written', recordedBy: 'alice', now: at(2) }), InvestigationErrorCode.ComplaintIsStatement);
    for (const retelling of ['Please describe the events again.', 'Tell us the whole story from the beginning?', 'Could you retell what happened?', 'Write your statement again, in full.', 'Restate your complaint.']) {
      expectDomainError(() => r.requestAddendum({ statementId: 'st-c', requestId: 'q1', questions: [retelling], requestedBy: 'cc-1', now: at(3) }), InvestigationErrorCode.NotARetelling);
    }
    expectDomainError(() => r.requestAddendum({ statementId: 'st-c', requestId: 'q1', questions: [], requestedBy: 'cc-1', now: at(3) }), InvestigationErrorCode.NotARetelling);
    r = r.requestAddendum({ statementId: 'st-c', requestId: 'q1', questions: ['Who else was in the kitchen when he came in?', 'About what time did you leave?'], requestedBy: 'cc-1', now: at(3) }).next;
    r = r.addAddendum({ statementId: 'st-c', addendumId: 'a1', authorId: 'alice', text: 'Tom and Ana; about ten.', requestId: 'q1', now: at(4) }).next;
    expect(r.statementOf('alice')).toMatchObject({ addenda: [{ addendumId: 'a1' }], addendumRequests: [{ requestId: 'q1', answeredBy: 'a1' }] });
  });

  it('a statement in a person’s name comes only from them, or from an interview they attended, in words they approved (S12)', () => {
    const held = { interviewId: 'i1', personId: 'w1', status: 'held' as const };
    const input = { statementId: 'st-w', personId: 'w1', role: 'witness' as const, text: 'What the panel wrote down.', recordedBy: 'cc-1', now: at(1) };
    expectDomainError(() => base().record({ ...input, source: 'written' }), InvestigationErrorCode.NotFromInterview);
    expectDomainError(() => base().recordFromInterview({ ...input, interview: null }), InvestigationErrorCode.NotFromInterview);
    expectDomainError(() => base().recordFromInterview({ ...input, interview: { ...held, status: 'scheduled' } }), InvestigationErrorCode.NotFromInterview);
    expectDomainError(() => base().recordFromInterview({ ...input, interview: { ...held, personId: 'someone-else' } }), InvestigationErrorCode.NotFromInterview);
    const t = base().recordFromInterview({ ...input, interview: held });
    expect(t.events).toEqual([]);
    const r = t.next;
    expect(r.statementOf('w1')).toMatchObject({ status: 'awaiting_approval', source: 'interview', interviewId: 'i1', givenAt: null });
    expectDomainError(() => r.addAddendum({ statementId: 'st-w', addendumId: 'a', authorId: 'w1', text: 'x', now: at(2) }), InvestigationErrorCode.StatementNotGiven);
    expectDomainError(() => r.approve({ statementId: 'st-w', personId: 'cc-1', now: at(2) }), InvestigationErrorCode.ApprovalOnlyByPerson);
    const approved = r.approve({ statementId: 'st-w', personId: 'w1', now: at(2) }).next;
    expect(approved.statementOf('w1')).toMatchObject({ status: 'given', approvedAt: at(2), givenAt: at(2) });
    expectDomainError(() => approved.approve({ statementId: 'st-w', personId: 'w1', now: at(3) }), InvestigationErrorCode.NotAwaitingApproval);
    // Not approved: the person may give their own words instead.
    const own = r.record({ ...input, source: 'written', recordedBy: 'w1', text: 'My own words.' }).next;
    expect(own.statementOf('w1')).toMatchObject({ status: 'given', source: 'written', text: 'My own words.', interviewId: null });
  });

  it('lets only the person themself append addenda, leaving the statement as given', () => {
    let r = base().record({ statementId: 'st-1', personId: 'w1', role: 'witness', text: 'Original.', source: 'written', recordedBy: 'w1', supportPerson: { name: 'Sam', memberId: null }, now: at(1) }).next;
    expectDomainError(
      () => r.addAddendum({ statementId: 'st-1', addendumId: 'a1', authorId: 'cc-1', text: 'Clarified by panel', now: at(2) }),
      InvestigationErrorCode.AddendumOnlyByAuthor,
    );
    r = r.addAddendum({ statementId: 'st-1', addendumId: 'a1', authorId: 'w1', text: 'I remembered the date.', now: at(2) }).next;
    expect(r.statementOf('w1')).toMatchObject({ text: 'Original.', supportPerson: { name: 'Sam' }, addenda: [{ addendumId: 'a1', text: 'I remembered the date.' }] });
  });

  it('refuses addenda to a statement not yet given, and empty statements', () => {
    const r = base().request({ statementId: 'st-1', personId: 'w1', role: 'witness', requestedBy: 'cc-1', now: at(1) }).next;
    expectDomainError(() => r.addAddendum({ statementId: 'st-1', addendumId: 'a', authorId: 'w1', text: 'x', now: at(2) }), InvestigationErrorCode.StatementNotGiven);
    expectDomainError(() => r.record({ statementId: 's', personId: 'w1', role: 'witness', text: ' ', source: 'written', recordedBy: 'w1', now: at(2) }), 'discipline.text_required');
  });
});
