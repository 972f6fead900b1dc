import { MEASURE_KINDS } from './interim-measures';
import { allMeasureEnforcement, measureEnforcement, unenforcedWarning } from './measure-enforcement';

describe('measure enforcement (S5): what the platform does with each interim measure', () => {
  it('no_recruiting binds nothing yet, and says so; every other measure names where it binds', () => {
    for (const m of allMeasureEnforcement()) {
      if (m.measure === 'no_recruiting') {
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

  it("no_speaking binds congress speakers' lists, the pre-congress bulletin and branch meetings' speakers' lists, and says what it does not cover", () => {
    const s = measureEnforcement('no_speaking');
    expect(s.enforced).toBe(true);
    expect(s.enforcedBy).toEqual([
      expect.stringContaining('POST /agenda-items/{agendaItemId}/speakers'),
      expect.stringContaining('POST /congresses/{congressId}/bulletin/contributions'),
      expect.stringContaining('POST /branches/{branchId}/meetings/{meetingId}/speakers'),
    ]);
    expect(s.notCovered).toMatch(/^Congress speakers' lists, the pre-congress bulletin and branch meetings' speakers' lists refuse it; events held outside/);
    expect(s.notCovered).not.toMatch(/Only congress speakers' lists/);
  });

  it('warns by name about the measures that bind nothing, and only about them', () => {
    expect(unenforcedWarning(['no_hosting', 'no_candidacy'])).toBeNull();
    expect(unenforcedWarning([])).toBeNull();
    expect(unenforcedWarning(['no_hosting', 'no_speaking', 'no_speaking'])).toBeNull();
    const one = unenforcedWarning(['no_recruiting', 'no_speaking', 'no_recruiting', 'separation'])!;
    expect(one).toMatch(/^"no_recruiting" is recorded, but not enforced by any platform feature .*nobody is stopped by it\./);
    expect(one).not.toContain('no_speaking');
    expect(one).not.toContain('separation');
  });
});
