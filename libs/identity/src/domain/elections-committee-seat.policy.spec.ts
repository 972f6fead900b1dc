import { assertElectionsCommitteeSeatSource } from './elections-committee-seat.policy';

describe('S2: who fills an Elections Committee seat', () => {
  const body = 'elections-body';
  it('refuses an appointment, whoever makes it', () => {
    expect(() => assertElectionsCommitteeSeatSource('ELECTIONS', { kind: 'appointment' }, body)).toThrow(expect.objectContaining({ code: 'elections_committee_seat', kind: 'forbidden' }));
  });
  it('refuses a seat from another body’s election', () => {
    expect(() => assertElectionsCommitteeSeatSource('ELECTIONS', { kind: 'election', electedBodyId: 'the-cc' }, body)).toThrow(expect.objectContaining({ code: 'elections_committee_seat' }));
  });
  it('accepts the committee’s own election and the founding file', () => {
    expect(() => assertElectionsCommitteeSeatSource('ELECTIONS', { kind: 'election', electedBodyId: body }, body)).not.toThrow();
    expect(() => assertElectionsCommitteeSeatSource('ELECTIONS', { kind: 'founding' }, body)).not.toThrow();
  });
  it('says nothing about other bodies (staff and national offices stay appointments)', () => {
    expect(() => assertElectionsCommitteeSeatSource('STAFF', { kind: 'appointment' }, body)).not.toThrow();
    expect(() => assertElectionsCommitteeSeatSource('NATIONAL_OFFICE', { kind: 'appointment' }, body)).not.toThrow();
  });
});
