import { DEFAULT_STATUTES, Election, type NewElection } from './election.entity';

const at = (iso: string) => new Date(iso);
const base: NewElection = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Central Committee 2026',
  purpose: 'body',
  scope: { kind: 'organization' },
  bodyId: '00000000-0000-4000-8000-0000000000b1',
  bodyKind: 'CC',
  seats: 3,
  method: 'scottish-stv',
  electorate: { kind: 'freeze', asOf: '2026-01-01' },
  createdBy: null,
};
const opened = (x: Partial<NewElection> = {}) => Election.create({ ...base, ...x }, at('2026-01-02T00:00:00Z')).openNominations(at('2026-01-10T12:00:00Z'));

describe('Election (E1, life cycle)', () => {
  it('E1: acclamation only after the statutory period and with no more candidates than seats', () => {
    const e = opened();
    expect(() => e.acclaim(at('2026-01-24T11:59:59Z'), 3, DEFAULT_STATUTES)).toThrow(expect.objectContaining({ code: 'acclamation_too_early' }));
    expect(() => e.acclaim(at('2026-01-24T12:00:00Z'), 4, DEFAULT_STATUTES)).toThrow(expect.objectContaining({ code: 'acclamation_needs_ballot' }));
    expect(() => e.acclaim(at('2026-01-24T12:00:00Z'), 0, DEFAULT_STATUTES)).toThrow(expect.objectContaining({ code: 'no_candidates' }));
    const acclaimed = e.acclaim(at('2026-01-24T12:00:00Z'), 3, DEFAULT_STATUTES).toSnapshot();
    expect(acclaimed).toMatchObject({ status: 'certified', acclaimed: true });
  });

  it('S2: an independent body is never filled by acclamation', () => {
    const e = opened({ bodyKind: 'CCOM', independentBody: true });
    expect(() => e.acclaim(at('2026-03-01T00:00:00Z'), 1, DEFAULT_STATUTES)).toThrow(expect.objectContaining({ code: 'acclamation_not_allowed' }));
  });

  it('runs draft → nominations → voting → closed → certified → published, and refuses steps out of order', () => {
    const e = opened();
    expect(() => e.close(at('2026-02-01T00:00:00Z'), 'h', 's')).toThrow(expect.objectContaining({ code: 'election_wrong_state' }));
    expect(() => e.openVoting(at('2026-01-11T00:00:00Z'), at('2026-01-12T00:00:00Z'), 0)).toThrow(expect.objectContaining({ code: 'no_candidates' }));
    const voting = e.openVoting(at('2026-01-11T00:00:00Z'), at('2026-01-12T00:00:00Z'), 4);
    expect(() => voting.assertAcceptsBallot(at('2026-01-11T23:59:59Z'))).not.toThrow();
    expect(() => voting.assertAcceptsBallot(at('2026-01-12T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'voting_closed' }));
    expect(() => voting.close(at('2026-01-11T23:00:00Z'), 'h', 's')).toThrow(expect.objectContaining({ code: 'voting_still_open' }));
    const closed = voting.close(at('2026-01-12T00:00:00Z'), 'hash', 'seed');
    expect(() => closed.assertAcceptsBallot(at('2026-01-11T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'voting_closed' }));
    expect(() => closed.publish(at('2026-01-13T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'election_wrong_state' }));
    const published = closed.certify(at('2026-01-13T00:00:00Z')).publish(at('2026-01-13T00:00:01Z')).toSnapshot();
    expect(published).toMatchObject({ status: 'published', ballotsHash: 'hash', tieBreakSeed: 'seed' });
  });

  it('a returning officer who stands does not run the election', () => {
    expect(() => opened().assertRunBy('m1', ['m2', 'm1'])).toThrow(expect.objectContaining({ code: 'returning_officer_is_candidate' }));
    expect(() => opened().assertRunBy('m3', ['m2', 'm1'])).not.toThrow();
  });

  it('checks the set-up: methods fit the purpose, branch bodies are elected by their branch, congress ballots by delegates', () => {
    const make = (x: Partial<NewElection>) => () => Election.create({ ...base, ...x }, at('2026-01-02T00:00:00Z'));
    expect(make({ method: 'plurality' })).toThrow(expect.objectContaining({ code: 'invalid_election' }));
    expect(make({ method: 'motion' })).toThrow(expect.objectContaining({ code: 'invalid_election' }));
    expect(make({ purpose: 'motion', bodyId: null, method: 'motion', seats: 1, motionText: null })).toThrow(expect.objectContaining({ code: 'invalid_election' }));
    expect(make({ bodyBranchId: 'b1', scope: { kind: 'organization' } })).toThrow(expect.objectContaining({ code: 'invalid_election' }));
    expect(make({ scope: { kind: 'branch', branchId: 'b2' } })).toThrow(expect.objectContaining({ code: 'invalid_election' }));
    expect(make({ scope: { kind: 'congress', congressId: 'c' } })).toThrow(expect.objectContaining({ code: 'invalid_election' }));
    expect(make({ electorate: { kind: 'freeze', asOf: '2026-02-01' } })).toThrow(expect.objectContaining({ code: 'invalid_election' }));
    expect(make({ scope: { kind: 'congress', congressId: 'c' }, electorate: { kind: 'delegates' } })()).toBeInstanceOf(Election);
    expect(make({ bodyBranchId: 'b1', scope: { kind: 'branch', branchId: 'b1' } })()).toBeInstanceOf(Election);
  });

  it('publishes individual ballots only from the minimum electorate', () => {
    expect(opened().withElectorateSize(19).publishesIndividualBallots(DEFAULT_STATUTES)).toBe(false);
    expect(opened().withElectorateSize(20).publishesIndividualBallots(DEFAULT_STATUTES)).toBe(true);
  });
});

describe('Election (S2, recalls)', () => {
  const motion: NewElection = { ...base, purpose: 'motion', method: 'motion', seats: 1, bodyId: null, bodyKind: null, motionText: 'That this mandate be recalled.' };
  const recall = (x: Partial<NonNullable<NewElection['recall']>> = {}) => ({ mandateId: '00000000-0000-4000-8000-0000000000a1', current: true, independentBody: false, bodyBranchId: null, ...x });
  const create = (x: Partial<NewElection>) => Election.create({ ...motion, ...x }, at('2026-01-02T00:00:00Z'));
  const refusedOn = (field: string) => expect.objectContaining({ code: 'invalid_election', details: { field } });

  it('a Control Commission or Appeals mandate is recalled only by the whole membership or by congress, never by one branch', () => {
    const commissioner = recall({ independentBody: true });
    expect(() => create({ scope: { kind: 'branch', branchId: 'b1' }, recall: commissioner })).toThrow(refusedOn('scope'));
    expect(create({ scope: { kind: 'organization' }, recall: commissioner }).toSnapshot().recallMandateId).toBe(commissioner.mandateId);
    expect(create({ scope: { kind: 'congress', congressId: 'c1' }, electorate: { kind: 'delegates' }, recall: commissioner }).toSnapshot().recallMandateId).toBe(commissioner.mandateId);
  });

  it("a branch committee's mandate by its own branch or the membership; a national body's by the membership or congress", () => {
    const branchCommittee = recall({ bodyBranchId: 'b1' });
    expect(create({ scope: { kind: 'branch', branchId: 'b1' }, recall: branchCommittee }).toSnapshot().recallMandateId).toBe(branchCommittee.mandateId);
    expect(() => create({ scope: { kind: 'branch', branchId: 'b2' }, recall: branchCommittee })).toThrow(refusedOn('scope'));
    expect(() => create({ scope: { kind: 'congress', congressId: 'c1' }, electorate: { kind: 'delegates' }, recall: branchCommittee })).toThrow(refusedOn('scope'));
    expect(() => create({ scope: { kind: 'branch', branchId: 'b1' }, recall: recall() })).toThrow(refusedOn('scope'));
    expect(create({ scope: { kind: 'organization' }, recall: recall() }).toSnapshot().recallMandateId).not.toBeNull();
  });

  it('only a running mandate, and only by a motion', () => {
    expect(() => create({ recall: recall({ current: false }) })).toThrow(refusedOn('recallMandateId'));
    expect(() => Election.create({ ...base, recall: recall() }, at('2026-01-02T00:00:00Z'))).toThrow(refusedOn('recallMandateId'));
    expect(create({}).toSnapshot().recallMandateId).toBeNull();
  });
});
