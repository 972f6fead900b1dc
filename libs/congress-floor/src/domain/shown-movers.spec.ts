import { shownActor, shownComposite } from './shown-movers';
import type { CompositeSnapshot } from './composite';

describe('who acted for a mover, as the floor shows it', () => {
  it('names the member for a member, a branch or the executive, and nobody for a caucus', () => {
    expect(shownActor({ kind: 'member' }, 'm1')).toBe('m1');
    expect(shownActor({ kind: 'branch' }, 'm2')).toBe('m2');
    expect(shownActor({ kind: 'executive' }, 'm3')).toBe('m3');
    expect(shownActor({ kind: 'caucus' }, 'm4')).toBeNull();
  });

  it("a composite keeps when a caucus's original was answered and withdrawn, not by whom", () => {
    const original = (kind: 'member' | 'caucus', by: string) => ({
      motionId: `motion-${by}`,
      number: 1,
      submitter: { kind, ref: kind === 'caucus' ? 'caucus-1' : null },
      consent: true,
      answeredBy: by,
      answeredAt: '2027-04-02T10:00:00.000Z',
      withdrawalBy: by,
      withdrawalAt: '2027-04-03T10:00:00.000Z',
    });
    const c = { id: 'c', congressId: 'k', title: 't', text: 'x', proposedBy: 'soc', proposedAt: '2027-04-01T10:00:00.000Z', state: 'withdrawn', motionId: 'm', originals: [original('member', 'alice'), original('caucus', 'kim')] } as unknown as CompositeSnapshot;
    const shown = shownComposite(c);
    expect(shown.originals.map((o) => [o.answeredBy, o.withdrawalBy])).toEqual([
      ['alice', 'alice'],
      [null, null],
    ]);
    expect(shown.originals[1]).toMatchObject({ consent: true, answeredAt: '2027-04-02T10:00:00.000Z', withdrawalAt: '2027-04-03T10:00:00.000Z' });
    expect(c.originals[1].answeredBy).toBe('kim'); // the record itself is unchanged
  });
});
