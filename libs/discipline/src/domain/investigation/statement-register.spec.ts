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
      () => r.record({ statementId: 'st-9', personId: 'bob', role: 'respondent', text: 'Again', source: 'interview', recordedBy: 'cc-1', now: at(5) }),
      InvestigationErrorCode.StatementAlreadyGiven,
    );
  });

  it('reuses the complaint as the complainant’s statement', () => {
    const r = base().record({ statementId: 'st-c', personId: 'alice', role: 'complainant', text: 'What happened.', source: 'complaint', recordedBy: 'alice', now: at(0) }).next;
    expectDomainError(
      () => r.request({ statementId: 'st-2', personId: 'alice', role: 'complainant', requestedBy: 'cc-1', now: at(2) }),
      InvestigationErrorCode.StatementAlreadyExists,
    );
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
