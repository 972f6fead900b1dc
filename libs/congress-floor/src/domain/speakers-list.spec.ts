import { speakingOrder, waitingInOrder, type WaitingSpeaker } from './speakers-list';

const w = (id: string, seq: number, o: Partial<WaitingSpeaker> = {}): WaitingSpeaker => ({ id, memberId: id, list: 'open', pointOfOrder: false, seq, firstTime: true, ...o });

describe('speakers’ lists', () => {
  it('alternates the reserved and open lists, starting with the list not spoken last', () => {
    const waiting = [w('o1', 1), w('o2', 2), w('r1', 3, { list: 'reserved' }), w('o3', 4), w('r2', 5, { list: 'reserved' })];
    expect(speakingOrder(waiting, 'alternate-lists', null).map((s) => s.id)).toEqual(['r1', 'o1', 'r2', 'o2', 'o3']);
    expect(speakingOrder(waiting, 'alternate-lists', 'reserved').map((s) => s.id)).toEqual(['o1', 'r1', 'o2', 'r2', 'o3']);
  });

  it('puts first-time speakers first, and points of order before everyone', () => {
    const waiting = [w('a', 1, { firstTime: false }), w('b', 2), w('c', 3, { pointOfOrder: true, firstTime: false })];
    expect(speakingOrder(waiting, 'first-time-first', null).map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(speakingOrder(waiting, 'none', null).map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });

  it('shows each waiting speaker whole: one the list read does not hold as waiting is left to the next view', () => {
    const list = [
      { id: 'a', memberId: 'ma', state: 'waiting' },
      { id: 'b', memberId: 'mb', state: 'speaking' },
      { id: 'c', memberId: 'mc', state: 'waiting' },
    ];
    // The order was read after 'd' was added and 'b' was called: 'd' is not in the list read just before.
    const order = [
      { id: 'd', firstTime: true },
      { id: 'c', firstTime: false },
      { id: 'b', firstTime: true },
      { id: 'a', firstTime: true },
    ];
    expect(waitingInOrder(list, order)).toEqual([
      { id: 'c', memberId: 'mc', state: 'waiting', firstTime: false },
      { id: 'a', memberId: 'ma', state: 'waiting', firstTime: true },
    ]);
  });
});
