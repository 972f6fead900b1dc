import { bulletinPhase, checkBulletinOrders, checkContribution, checkWithdrawal, countWords, type BulletinOrders } from './bulletin';

const orders: BulletinOrders = { opensAt: '2027-03-01T00:00:00.000Z', closesAt: '2027-04-15T00:00:00.000Z', maxWords: 50 };
const during = new Date('2027-03-10T12:00:00Z');
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('the pre-congress bulletin', () => {
  it('its standing orders: it closes after it opens, and a length from 50 to 20,000 words', () => {
    expect(checkBulletinOrders(orders)).toEqual(orders);
    expect(() => checkBulletinOrders({ ...orders, closesAt: orders.opensAt })).toThrow(expect.objectContaining({ code: 'invalid_bulletin_orders' }));
    expect(() => checkBulletinOrders({ ...orders, maxWords: 49 })).toThrow(expect.objectContaining({ code: 'invalid_bulletin_orders' }));
    expect(() => checkBulletinOrders({ ...orders, maxWords: 20_001 })).toThrow(expect.objectContaining({ code: 'invalid_bulletin_orders' }));
  });

  it('period: contributions only from the opening until (before) the closing, and the refusal says when', () => {
    expect(bulletinPhase(orders, new Date('2027-02-28T23:59:59Z'))).toBe('not-open-yet');
    expect(bulletinPhase(orders, new Date(orders.opensAt))).toBe('open');
    expect(bulletinPhase(orders, new Date(orders.closesAt))).toBe('closed');
    expect(() => checkContribution(orders, { title: 'Too early', text: 'hello' }, new Date('2027-02-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'bulletin_not_open_yet', message: expect.stringContaining('opens at 2027-03-01T00:00:00.000Z') }),
    );
    expect(() => checkContribution(orders, { title: 'Too late', text: 'hello' }, new Date(orders.closesAt))).toThrow(
      expect.objectContaining({ code: 'bulletin_closed', message: expect.stringContaining('closed at 2027-04-15T00:00:00.000Z') }),
    );
    expect(checkContribution(orders, { title: 'On time', text: 'hello' }, new Date(orders.opensAt)).words).toBe(1);
  });

  it('length: words counted between white space; exactly the limit passes, one over says how many over', () => {
    expect(countWords('  one\ttwo\n\nthree  ')).toBe(3);
    expect(countWords('')).toBe(0);
    expect(checkContribution(orders, { title: 'Just fits', text: words(50) }, during).words).toBe(50);
    expect(() => checkContribution(orders, { title: 'Too long', text: words(53) }, during)).toThrow(
      expect.objectContaining({ code: 'contribution_too_long', message: 'The contribution has 53 words: 3 over the 50 the standing orders allow.', details: expect.objectContaining({ over: 3 }) }),
    );
    expect(() => checkContribution(orders, { title: 'Empty', text: '   ' }, during)).toThrow(expect.objectContaining({ code: 'invalid_contribution' }));
    expect(() => checkContribution(orders, { title: 'x', text: 'a' }, during)).toThrow(expect.objectContaining({ code: 'invalid_contribution' }));
  });

  it('withdrawal: only the author (for a caucus: a current member), once, before the close', () => {
    const mine = { author: { kind: 'member' as const, memberId: 'm1' }, withdrawnAt: null };
    expect(() => checkWithdrawal(orders, mine, { memberId: 'officer', actsForCaucus: false }, during)).toThrow(expect.objectContaining({ code: 'not_the_author' }));
    expect(() => checkWithdrawal(orders, mine, { memberId: 'm1', actsForCaucus: false }, during)).not.toThrow();
    expect(() => checkWithdrawal(orders, mine, { memberId: 'm1', actsForCaucus: false }, new Date(orders.closesAt))).toThrow(expect.objectContaining({ code: 'bulletin_closed' }));
    expect(() => checkWithdrawal(orders, { ...mine, withdrawnAt: '2027-03-05T00:00:00Z' }, { memberId: 'm1', actsForCaucus: false }, during)).toThrow(
      expect.objectContaining({ code: 'contribution_already_withdrawn' }),
    );
    const caucus = { author: { kind: 'caucus' as const, caucusId: 'c1' }, withdrawnAt: null };
    expect(() => checkWithdrawal(orders, caucus, { memberId: 'outsider', actsForCaucus: false }, during)).toThrow(expect.objectContaining({ code: 'not_the_author' }));
    expect(() => checkWithdrawal(orders, caucus, { memberId: 'any-member', actsForCaucus: true }, during)).not.toThrow();
  });
});
