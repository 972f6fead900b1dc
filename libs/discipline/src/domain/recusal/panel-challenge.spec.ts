import { sealedRef } from '../case/identifiers';
import { castChallengeVote, lodgeChallenge, withoutDecider } from './panel-challenge';

const T = '2026-04-01T10:00:00Z';
const lodge = (seated = ['p1', 'p2', 'p3'], panelistId = 'p1') =>
  lodgeChallenge({ id: 'ch-1', panelistId, challenger: 'respondent', grounds: sealedRef('sealed:grounds'), seatedPanelists: seated, at: T });

describe('challenge of a panelist by a party', () => {
  it('is decided by the other panelists only; the challenged one cannot vote', () => {
    const ch = lodge();
    expect(ch.deciders).toEqual(['p2', 'p3']);
    expect(ch.decision).toBeNull();
    expect(() => castChallengeVote(ch, 'p1', false, T)).toThrow(/challenged panelist does not vote/);
    expect(() => castChallengeVote(ch, 'outsider', true, T)).toThrow(/other panelists/);
  });

  it('is rejected by a majority against, and then cannot be voted on again', () => {
    let ch = castChallengeVote(lodge(), 'p2', false, T);
    expect(ch.decision).toBeNull(); // one of two against is not yet a majority
    ch = castChallengeVote(ch, 'p3', false, T);
    expect(ch.decision).toMatchObject({ upheld: false, votesToUphold: 0, votesToReject: 2, deciders: 2 });
    expect(() => castChallengeVote(ch, 'p3', true, T)).toThrow(/already been decided/);
  });

  it('is upheld on a tie: doubt about impartiality is resolved by a fresh draw', () => {
    const ch = castChallengeVote(lodge(), 'p2', true, T);
    expect(ch.decision).toMatchObject({ upheld: true, votesToUphold: 1, deciders: 2 });
  });

  it('needs a majority on a larger panel: 2 of 4 upholds, 2 of 4 against does not yet reject', () => {
    const five = lodge(['p1', 'p2', 'p3', 'p4', 'p5']);
    let ch = castChallengeVote(five, 'p2', false, T);
    ch = castChallengeVote(ch, 'p3', false, T);
    expect(ch.decision).toBeNull();
    ch = castChallengeVote(ch, 'p4', true, T);
    expect(ch.decision).toBeNull();
    ch = castChallengeVote(ch, 'p5', true, T);
    expect(ch.decision).toMatchObject({ upheld: true, votesToUphold: 2, votesToReject: 2 });
  });

  it('refuses a second vote by the same panelist', () => {
    const five = lodge(['p1', 'p2', 'p3', 'p4', 'p5']);
    const ch = castChallengeVote(five, 'p2', false, T);
    expect(() => castChallengeVote(ch, 'p2', false, T)).toThrow(/already voted/);
  });

  it('upholds a challenge of a sole panelist (nobody else can decide)', () => {
    expect(lodge(['p1']).decision).toMatchObject({ upheld: true, deciders: 0 });
  });

  it('is decided by those who remain when a decider leaves the panel', () => {
    const ch = castChallengeVote(lodge(['p1', 'p2', 'p3', 'p4']), 'p2', false, T); // 1 of 3 against
    expect(ch.decision).toBeNull();
    const after = withoutDecider(withoutDecider(ch, 'p4', T), 'p3', T);
    expect(after.decision).toMatchObject({ upheld: false, deciders: 1, votesToReject: 1 });
  });

  it('refuses a challenge without reasons or of someone not on the panel', () => {
    expect(() =>
      lodgeChallenge({ id: 'x', panelistId: 'p1', challenger: 'complainant', grounds: sealedRef(''), seatedPanelists: ['p1', 'p2'], at: T }),
    ).toThrow(/needs reasons/);
    expect(() => lodge(['p2', 'p3'], 'p1')).toThrow(/seated panelist/);
  });
});
