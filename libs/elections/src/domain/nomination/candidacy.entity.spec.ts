import { assertSlateMayInclude, Candidacy } from './candidacy.entity';

const now = new Date('2026-01-01T00:00:00Z');
const self = () => Candidacy.selfNomination({ id: 'c1', electionId: 'e1', memberId: 'm0', displayName: 'A B', slateId: null, statement: null, nominatorsRequired: 3 }, now);

describe('Candidacy (S2 nominations)', () => {
  it('is pending until three other members nominate; the candidate and repeat nominators do not count', () => {
    let c = self();
    expect(c.status).toBe('pending');
    expect(() => c.nominatedBy('m0', 3)).toThrow(expect.objectContaining({ code: 'nominator_not_eligible' }));
    c = c.nominatedBy('m1', 3).nominatedBy('m2', 3);
    expect(c.status).toBe('pending');
    expect(() => c.nominatedBy('m2', 3)).toThrow(expect.objectContaining({ code: 'already_nominator' }));
    expect(c.nominatedBy('m3', 3).status).toBe('nominated');
  });

  it('a body never nominates for independent seats', () => {
    const x = { id: 'c2', electionId: 'e1', memberId: 'm9', displayName: 'C D', bodyId: 'ec', slateId: null };
    expect(() => Candidacy.bodyNomination({ ...x, independentSeats: true }, now)).toThrow(expect.objectContaining({ code: 'nomination_by_body_refused' }));
    expect(Candidacy.bodyNomination({ ...x, independentSeats: false }, now).status).toBe('nominated');
  });

  it('only the candidate withdraws', () => {
    expect(() => self().withdraw('m5')).toThrow(expect.objectContaining({ code: 'not_your_candidacy' }));
    expect(self().withdraw('m0').status).toBe('withdrawn');
  });

  it('S2: a slate never mixes commission or appeals seats with another body', () => {
    const ec = { electionId: 'e-ec', bodyId: 'EC', independentBody: false };
    const cc = { electionId: 'e-cc', bodyId: 'CC', independentBody: false };
    const ccom = { electionId: 'e-ccom', bodyId: 'CCOM', independentBody: true };
    const appeals = { electionId: 'e-app', bodyId: 'APPEALS', independentBody: true };
    expect(() => assertSlateMayInclude([ec], cc)).not.toThrow();
    expect(() => assertSlateMayInclude([ccom], ccom)).not.toThrow();
    expect(() => assertSlateMayInclude([ec], ccom)).toThrow(expect.objectContaining({ code: 'mixed_slate' }));
    expect(() => assertSlateMayInclude([ccom], ec)).toThrow(expect.objectContaining({ code: 'mixed_slate' }));
    expect(() => assertSlateMayInclude([ccom], appeals)).toThrow(expect.objectContaining({ code: 'mixed_slate' }));
  });
});
