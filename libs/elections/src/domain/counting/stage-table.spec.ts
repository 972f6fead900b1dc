import { profileFromBallots } from './ranking-groups.builder';
import { countScottishStv } from './scottish-stv.counter';
import { countMeekStv } from './meek-stv.counter';
import { stageTable } from './stage-table';

// 2 seats. A 9, B 6, C 4, D 2, E 1 (quota 8): A elected; E, D then C excluded; B elected last.
const profile = profileFromBallots({
  candidates: ['Alice', 'Bob', 'Carol', 'Dan', 'Eve'],
  seats: 2,
  ballots: [
    { ranking: [0, 1], weight: 9 },
    { ranking: [1], weight: 6 },
    { ranking: [2], weight: 4 },
    { ranking: [3, 2], weight: 2 },
    { ranking: [4, 3], weight: 1 },
  ],
});

describe('the stage-by-stage count as a text table', () => {
  const result = countScottishStv(profile, { seed: 't' });
  const text = stageTable(result);
  const lines = text.split('\n');

  it('has a column per stage and a row per candidate with each total, exact, and how they finished', () => {
    expect(lines[0]).toMatch(new RegExp(`^Candidate\\s+${result.stages.map((_, k) => `Stage ${k + 1}`).join('\\s+')}$`));
    const alice = lines.find((l) => l.startsWith('Alice')) as string;
    expect(alice.split(/\s{2,}/).slice(1, 1 + result.stages.length)).toEqual(result.stages.map((s) => String(Number(s.totals[0]))));
    expect(alice).toMatch(/elected at stage 1$/);
    expect(lines.find((l) => l.startsWith('Eve'))).toMatch(/excluded at stage \d+$/);
    expect(lines.find((l) => l.startsWith('Quota'))).toMatch(/^Quota\s+8(\s+8)*$/);
  });

  it('lines the figures up in fixed-width columns', () => {
    const table = lines.slice(0, lines.indexOf(''));
    const stageEnds = (l: string) => [...l.matchAll(/\S+/g)].map((m) => (m.index as number) + m[0].length);
    // Every figure of stage 1 ends where the "Stage 1" heading does.
    const end = lines[0].indexOf('Stage 1') + 'Stage 1'.length;
    for (const row of table.slice(2)) expect(stageEnds(row)).toContain(end);
  });

  it('says what each stage did', () => {
    expect(lines).toContain('Stage 1: first preferences.');
    expect(text).toMatch(/Stage \d+: Eve excluded, 1 transferred\./);
  });

  it('shows each stage’s own quota for Meek', () => {
    const meek = countMeekStv(profile, { seed: 't' });
    const quota = stageTable(meek).split('\n').find((l) => l.startsWith('Quota')) as string;
    expect(quota.split(/\s{2,}/).slice(1)).toEqual(meek.stages.map((s) => String(Number(s.quota))));
  });
});
