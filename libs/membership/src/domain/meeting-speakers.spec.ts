import { DomainError, type Restriction } from '@org/kernel';
import { MeetingSpeakers } from './meeting-speakers';

const until = '2027-01-01T00:00:00Z';
const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('a branch meeting’s speakers’ list (S5)', () => {
  it('refuses a member under no_speaking with the neutral restriction refusal, whoever adds them', () => {
    const list = new MeetingSpeakers([]);
    const silenced: Restriction[] = [{ kind: 'no_speaking', until }];
    expect(codeOf(() => list.assertMayAdd('m1', silenced))).toBe('blocked_by_restriction');
    // Other restrictions do not keep anyone off a speakers' list.
    const others: Restriction[] = [{ kind: 'no_hosting', until }, { kind: 'no_candidacy', until: null }, { kind: 'separation', until, separatedFrom: ['m9'] }];
    expect(codeOf(() => list.assertMayAdd('m1', others))).toBeNull();
    expect(codeOf(() => list.assertMayAdd('m1', []))).toBeNull();
  });

  it('the refusal says nothing about why: no details, the fixed message', () => {
    try {
      new MeetingSpeakers([]).assertMayAdd('m1', [{ kind: 'no_speaking', until }]);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details).toBeUndefined();
      expect((e as DomainError).message).not.toMatch(/speak|case|complaint|interim|investigat/i);
    }
  });

  it('a member is listed once at a time; after withdrawing they may be listed again', () => {
    const list = new MeetingSpeakers([
      { id: 's1', memberId: 'm1', state: 'listed' },
      { id: 's2', memberId: 'm2', state: 'withdrawn' },
    ]);
    expect(codeOf(() => list.assertMayAdd('m1', []))).toBe('already_on_speakers_list');
    expect(codeOf(() => list.assertMayAdd('m2', []))).toBeNull();
    // A restricted member already listed hears the restriction, not "already listed".
    expect(codeOf(() => list.assertMayAdd('m1', [{ kind: 'no_speaking', until }]))).toBe('blocked_by_restriction');
  });

  it('only a listed entry can be withdrawn', () => {
    const list = new MeetingSpeakers([
      { id: 's1', memberId: 'm1', state: 'listed' },
      { id: 's2', memberId: 'm2', state: 'withdrawn' },
    ]);
    expect(list.listedEntry('s1').memberId).toBe('m1');
    expect(codeOf(() => list.listedEntry('s2'))).toBe('speaker_not_listed');
    expect(codeOf(() => list.listedEntry('nope'))).toBe('speaker_not_listed');
  });
});
