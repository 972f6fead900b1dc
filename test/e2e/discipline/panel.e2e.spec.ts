import { RestrictionsPort } from '@org/kernel';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, caseRow, complaint, fileAndTriage, type World } from './support/discipline-world';

/**
 * S3 after the draw: a party's challenge of a panelist, decided by the other panelists; a
 * panelist standing down; both recorded, the seat refilled by a fresh recorded draw, and the
 * person removed never sees the case again. S13: a witness, once told of the case, may transfer
 * without reasons.
 */
describe('discipline S3: challenges and stand-downs', () => {
  let t: TestApp;
  let w: World;
  let c: { reference: string; id: string; duty: string; panel: string[] };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    c = await fileAndTriage(t, w, complaint(w.respondent.id, { witnesses: [{ memberId: w.witness.id }] }));
  });
  afterAll(() => t.close());

  it('a challenge needs a party; the challenged panelist does not vote; a tie removes them and the seat is redrawn', async () => {
    const [challenged, a, b] = c.panel;
    // Not a party: an officer gets "not found", a panelist is refused.
    expect((await t.http().post(`/cases/${c.reference}/challenges`).set(w.ec.auth).send({ panelistId: challenged, grounds: 'x' })).status).toBe(404);
    expect((await t.http().post(`/cases/${c.reference}/challenges`).set(by(w, a).auth).send({ panelistId: challenged, grounds: 'x' })).status).toBe(403);
    const lodged = await t.http().post(`/cases/${c.reference}/challenges`).set(w.complainant.auth).send({ panelistId: challenged, grounds: 'He is a close friend of the respondent.' });
    expect(lodged.status).toBe(200);
    expect(lodged.body.upheld).toBeNull();
    const self = await t.http().post(`/commission/cases/${c.reference}/challenges/${lodged.body.challengeId}/votes`).set(by(w, challenged).auth).send({ uphold: false });
    expect(self.status).toBe(403);
    const vote = await t.http().post(`/commission/cases/${c.reference}/challenges/${lodged.body.challengeId}/votes`).set(by(w, a).auth).send({ uphold: true });
    expect(vote.status).toBe(200);
    expect(vote.body).toMatchObject({ decided: true, upheld: true });
    expect(vote.body.panel).not.toContain(challenged);
    expect(vote.body.panel).toHaveLength(3);
    expect(vote.body.panel).toEqual(expect.arrayContaining([a, b]));
    const { snapshot } = await caseRow(t, c.reference);
    expect(snapshot.panel.removed).toEqual([expect.objectContaining({ memberId: challenged, reason: 'challenge_upheld', replacement: 'drawn' })]);
    expect(snapshot.panel.draws.map((d: { kind: string }) => d.kind)).toEqual(['initial', 'redraw']);
    expect(snapshot.panel.draws[1].excluded).toContain(challenged);
    expect((await t.http().get(`/cases/${c.reference}`).set(by(w, challenged).auth)).status).toBe(404);
  });

  it('a panelist who stands down is recorded, replaced, and never drawn again for the case', async () => {
    const before = (await caseRow(t, c.reference)).snapshot;
    const leaving = before.panel.seats[0].memberId as string;
    const res = await t.http().post(`/commission/cases/${c.reference}/self-recusal`).set(by(w, leaving).auth).send({ reason: 'I coached the respondent last year.' });
    expect(res.status).toBe(200);
    const after = (await caseRow(t, c.reference)).snapshot;
    expect(after.selfRecusals).toEqual([expect.objectContaining({ memberId: leaving, role: 'panelist', reason: expect.stringMatching(/^sealed:/) })]);
    expect(after.panel.seats.map((s: { memberId: string }) => s.memberId)).not.toContain(leaving);
    expect(after.panel.seats).toHaveLength(3);
    expect(after.recusal.conflicted).toContain(leaving);
    expect((await t.http().get(`/cases/${c.reference}`).set(by(w, leaving).auth)).status).toBe(404);
  });

  it('a witness gains the protected transfer right only once told of the case', async () => {
    const port = t.app.get(RestrictionsPort);
    expect(await port.hasProtectedTransferRight(w.witness.id, new Date())).toBe(false);
    expect((await t.http().get(`/cases/${c.reference}`).set(w.witness.auth)).status).toBe(404);
    const panelist = (await caseRow(t, c.reference)).snapshot.panel.seats[0].memberId;
    expect((await t.http().post(`/commission/cases/${c.reference}/investigation`).set(by(w, panelist).auth)).status).toBe(200);
    expect(await port.hasProtectedTransferRight(w.witness.id, new Date())).toBe(true);
    expect(await port.hasProtectedTransferRight(w.respondent.id, new Date())).toBe(false);
    const seen = await t.http().get(`/cases/${c.reference}`).set(w.witness.auth);
    expect(seen.status).toBe(200);
    expect(seen.body.role).toBe('witness');
    expect(seen.body.complaint).toBeNull();
  });
});
