import { NoRestrictions } from './restrictions.port';

describe('restrictions port default', () => {
  it('NoRestrictions restricts nobody, but an expelled person still needs a readmission decision (S9, fails closed)', async () => {
    const port = new NoRestrictions();
    expect(await port.membersRestricted()).toEqual(new Set());
    expect(await port.readmissionRequired()).toBe(true);
    expect(await port.restrictionsFor()).toEqual([]);
  });
});
