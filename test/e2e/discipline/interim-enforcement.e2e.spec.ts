import { CONFIDENTIAL_RESTRICTION_MESSAGE, RestrictionsPort } from '@org/kernel';
import { createTestApp, type TestApp } from '../../support/test-app';
import { buildWorld, by, caseRow, complaint, file, fileAndTriage, type World } from './support/discipline-world';

/**
 * S5: "may not recruit" is recorded and kept in the restrictions the platform holds, but no feature
 * of the platform consults it (there is no recruiting to refuse). Whoever imposes it is told so in
 * the answer — per measure, whether and where it binds, and a plain warning naming those that bind
 * nothing — so that a panel does not believe it has protected someone. Measures that do bind say
 * where: "may not speak" binds congress speakers' lists, the bulletin and branch meetings' lists.
 */
describe('discipline S5: interim measures that bind nothing say so where they are imposed', () => {
  let t: TestApp;
  let w: World;
  const until = new Date(Date.now() + 60 * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it("the duty commissioner imposing no_recruiting is told it binds nothing; no_speaking (congress speakers' lists, the bulletin, branch meetings) and no_hosting say where they bind", async () => {
    const reference = await file(t, w.complainant, complaint(w.respondent.id, { seriousness: { violence: true } }));
    const duty = (await caseRow(t, reference)).snapshot.dutyCommissionerId as string;
    const res = await t.http().post(`/commission/cases/${reference}/interim-decisions`).set(by(w, duty).auth).send({
      outcome: 'measures',
      reasons: 'Risk to the complainant at branch events.',
      measures: [
        { kind: 'no_speaking', memberId: w.respondent.id, until },
        { kind: 'no_recruiting', memberId: w.respondent.id, until },
        { kind: 'no_hosting', memberId: w.respondent.id, until },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.decisionId).toEqual(expect.any(String));
    const byKind: Record<string, { enforced: boolean; enforcedBy: string[]; notCovered: string | null }> = Object.fromEntries((res.body.enforcement as { measure: string; enforced: boolean; enforcedBy: string[]; notCovered: string | null }[]).map((e) => [e.measure, e]));
    expect(Object.keys(byKind).sort()).toEqual(['no_hosting', 'no_recruiting', 'no_speaking']);
    expect(byKind.no_speaking).toMatchObject({
      enforced: true,
      enforcedBy: [
        expect.stringContaining('POST /agenda-items/{agendaItemId}/speakers'),
        expect.stringContaining('POST /congresses/{congressId}/bulletin/contributions'),
        expect.stringContaining('POST /branches/{branchId}/meetings/{meetingId}/speakers'),
      ],
    });
    expect(byKind.no_speaking.notCovered).toMatch(/events held outside the platform's branch meetings/);
    expect(byKind.no_recruiting).toMatchObject({ enforced: false, enforcedBy: [] });
    expect(byKind.no_recruiting.notCovered).toMatch(/NOT enforced by any platform feature/);
    expect(byKind.no_hosting).toMatchObject({ enforced: true, notCovered: null });
    expect(byKind.no_hosting.enforcedBy.join(' ')).toContain('POST /branches/{branchId}/meetings');
    expect(res.body.notEnforced).toMatch(/^"no_recruiting" is recorded, but not enforced by any platform feature/);
    expect(res.body.notEnforced).toContain('nobody is stopped by it');
    expect(res.body.notEnforced).not.toContain('no_speaking');
    expect(res.body.notEnforced).not.toContain('no_hosting');
    // no_speaking binds at branch level: the respondent's branch secretary cannot name them as a
    // speaker at a branch meeting, nor can they ask to speak — the neutral message, nothing more.
    const meeting = await t.http().post(`/branches/${w.branchA}/meetings`).set(w.secretary.auth).send({ hostMemberId: w.secretary.id, title: 'Branch meeting', startsAt: until });
    expect(meeting.status).toBe(201);
    const speakers = `/branches/${w.branchA}/meetings/${meeting.body.id}/speakers`;
    for (const [who, body] of [[w.secretary, { memberId: w.respondent.id }], [w.respondent, {}]] as const) {
      const refused = await t.http().post(speakers).set(who.auth).send(body);
      expect(refused.body).toEqual({ statusCode: 409, code: 'blocked_by_restriction', message: CONFIDENTIAL_RESTRICTION_MESSAGE });
    }
    expect((await t.http().post(speakers).set(w.secretary.auth).send({})).status).toBe(201);
    // Recorded all the same: the restrictions interface holds them for when events exist.
    const kinds = (await t.app.get(RestrictionsPort).restrictionsFor(w.respondent.id, new Date())).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['no_speaking', 'no_recruiting', 'no_hosting']));
  });

  it('a decision whose measures all bind carries no warning', async () => {
    const reference = await file(t, w.complainant, complaint(w.witness.id, { seriousness: { threats: true } }));
    const duty = (await caseRow(t, reference)).snapshot.dutyCommissionerId as string;
    const res = await t.http().post(`/commission/cases/${reference}/interim-decisions`).set(by(w, duty).auth).send({
      outcome: 'measures',
      reasons: 'Keep the named member from hosting for now.',
      measures: [{ kind: 'no_hosting', memberId: w.witness.id, until }, { kind: 'no_candidacy', memberId: w.witness.id, until }],
    });
    expect(res.status).toBe(200);
    expect(res.body.notEnforced).toBeNull();
    expect(res.body.enforcement.map((e: { measure: string; enforced: boolean }) => [e.measure, e.enforced])).toEqual([['no_hosting', true], ['no_candidacy', true]]);
  });

  it('a panel proposing no_recruiting is warned at once, and again when the majority makes it a decision', async () => {
    const c = await fileAndTriage(t, w, complaint(w.bystander.id));
    const [first, second] = c.panel;
    const proposed = await t.http().post(`/commission/cases/${c.reference}/interim-decisions`).set(by(w, first).auth).send({
      outcome: 'measures',
      reasons: 'Recruiting drives put the complainant in contact with the respondent.',
      measures: [{ kind: 'no_recruiting', memberId: w.bystander.id, until }],
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ decisionId: null, proposalId: expect.any(String), enforcement: [{ measure: 'no_recruiting', enforced: false }] });
    expect(proposed.body.notEnforced).toMatch(/^"no_recruiting" is recorded, but not enforced by any platform feature.*nobody is stopped by it\./);
    const concurred = await t.http().post(`/commission/cases/${c.reference}/interim-decisions/${proposed.body.proposalId}/concur`).set(by(w, second).auth).send({});
    expect(concurred.status).toBe(200);
    expect(concurred.body.decisionId).toEqual(expect.any(String));
    expect(concurred.body.notEnforced).toBe(proposed.body.notEnforced);
  });
});
