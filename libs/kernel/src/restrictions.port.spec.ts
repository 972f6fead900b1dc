import { NoRestrictions, RestrictionsPort, membersRestrictedOf, readmissionRequiredOf } from './restrictions.port';

/** A port written before the set-based and readmission questions existed. */
class PartialPort extends RestrictionsPort {
  async restrictionsFor() {
    return [];
  }
  async separatedFrom() {
    return [];
  }
  async hasProtectedTransferRight() {
    return false;
  }
}

const day = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-02T00:00:00Z') };

describe('restrictions port defaults', () => {
  it('NoRestrictions restricts nobody, but an expelled person still needs a readmission decision (S9, fails closed)', async () => {
    const port = new NoRestrictions();
    expect(await port.membersRestricted()).toEqual(new Set());
    expect(await readmissionRequiredOf(port, '8c0f5f7e-4a43-4c55-9a55-0d6f6a1c2b3d')).toBe(true);
    expect(await membersRestrictedOf(port, 'no_voting', day, null)).toEqual(new Set());
  });

  it('a port that cannot answer fails closed: readmission required, and no roll without the set-based answer', async () => {
    const port = new PartialPort();
    expect(await readmissionRequiredOf(port, 'x')).toBe(true);
    await expect(membersRestrictedOf(port, 'no_voting', day, null)).rejects.toThrow(/membersRestricted/);
  });
});
