import { MEASURE_KINDS } from './interim-measures';
import { allMeasureEnforcement, measureEnforcement, unenforcedWarning } from './measure-enforcement';

describe('measure enforcement (S5): what the platform does with each interim measure', () => {
  it('no_speaking and no_recruiting bind nothing yet, and say so; every other measure names where it binds', () => {
    for (const m of allMeasureEnforcement()) {
      if (m.measure === 'no_speaking' || m.measure === 'no_recruiting') {
        expect(m).toMatchObject({ enforced: false, enforcedBy: [] });
        expect(m.notCovered).toMatch(/NOT enforced by any platform feature/);
      } else {
        expect(m.enforced).toBe(true);
        expect(m.enforcedBy.length).toBeGreaterThan(0);
      }
    }
  });

  it('covers every measure kind', () => {
    expect(allMeasureEnforcement().map((m) => m.measure).sort()).toEqual([...MEASURE_KINDS].sort());
    expect(measureEnforcement('no_hosting').enforcedBy.join(' ')).toContain('/branches/{branchId}/meetings');
  });

  it('warns by name about the measures that bind nothing, and only about them', () => {
    expect(unenforcedWarning(['no_hosting', 'no_candidacy'])).toBeNull();
    expect(unenforcedWarning([])).toBeNull();
    expect(unenforcedWarning(['no_hosting', 'no_speaking', 'no_speaking'])).toMatch(/^"no_speaking" is recorded, but not enforced by any platform feature .*nobody is stopped by it\./);
    const both = unenforcedWarning(['no_recruiting', 'no_speaking', 'separation'])!;
    expect(both).toMatch(/^"no_recruiting" and "no_speaking" are recorded/);
    expect(both).not.toContain('separation');
  });
});
