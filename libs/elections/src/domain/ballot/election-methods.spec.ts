import { BLT_RECOUNTS, DELEGATE_ELECTION_METHODS, ELECTION_METHOD_REGISTRY, ELECTION_METHODS, electionMethodDefinitions, isRankedMethod } from './election-methods';
import { countBallots } from './ballot-count';
import { markBallot } from './ballot-paper';

describe('the election-method registry', () => {
  it('defines every method once, under its own id, with a label and a description', () => {
    expect(electionMethodDefinitions().map((d) => d.id)).toEqual([...ELECTION_METHODS]);
    for (const m of ELECTION_METHODS) {
      expect(ELECTION_METHOD_REGISTRY[m].id).toBe(m);
      expect(ELECTION_METHOD_REGISTRY[m].label.length).toBeGreaterThan(3);
      expect(ELECTION_METHOD_REGISTRY[m].description.length).toBeGreaterThan(10);
    }
  });

  it('ranked methods are the STV ones, and each has a recount by npm run count', () => {
    expect(ELECTION_METHODS.filter(isRankedMethod)).toEqual(['scottish-stv', 'meek-stv']);
    expect(BLT_RECOUNTS.map((r) => r.cliName)).toEqual(['scottish-stv', 'meek']);
    expect(DELEGATE_ELECTION_METHODS).not.toContain('motion');
  });

  it('counts with the method’s own counter and checks ballots with its own marking', () => {
    const setup = { title: 'T', method: 'plurality' as const, seats: 1, candidates: ['a', 'b'], slates: [] };
    const result = countBallots(setup, [{ choices: [2] }, { choices: [2] }, { choices: [1] }], 'seed');
    expect('elected' in result && result.elected).toEqual([1]);
    expect(() => markBallot({ method: 'meek-stv', seats: 1, candidates: ['a'], slates: [] }, { choices: ['a'] })).toThrow(/counted by meek-stv: send "ranking"/);
  });
});
