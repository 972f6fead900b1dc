import { Congress } from './congress.entity';

const base = { id: 'k', title: 'Congress 2026', rollId: 'r', apportionmentId: 'a', opensOn: '2026-05-01', createdBy: null };

describe('Congress', () => {
  it('defaults the quorum to a majority of the delegate seats and refuses an impossible one', () => {
    const c = Congress.create({ ...base, allocations: [{ branchId: 'x', seats: 4 }, { branchId: 'y', seats: 3 }, { branchId: 'z', seats: 0 }] }, new Date());
    expect(c.toSnapshot()).toMatchObject({ delegateSeats: 7, quorum: 4 });
    expect(c.delegateElections().map((a) => a.branchId)).toEqual(['x', 'y']);
    expect(() => Congress.create({ ...base, quorum: 8, allocations: [{ branchId: 'x', seats: 7 }] }, new Date())).toThrow(expect.objectContaining({ code: 'invalid_election' }));
  });

  it('decides nothing without the quorum of accredited delegates', () => {
    const c = Congress.create({ ...base, allocations: [{ branchId: 'x', seats: 5 }] }, new Date());
    expect(() => c.assertQuorate(2)).toThrow(expect.objectContaining({ code: 'congress_not_quorate' }));
    expect(() => c.assertQuorate(3)).not.toThrow();
  });
});
