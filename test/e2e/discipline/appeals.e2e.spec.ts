import { auditEntries, byId, caseUnderInvestigation, createProceedingsApp, DAY, decide, organization, relogin, type FiledCase, type Org, type ProceedingsApp } from './support/proceedings-world';
import { confirmationCodeSentTo } from '../../support/mail';

const grounds = [{ ground: 'disproportionate_sanction', text: 'The sanction is out of proportion to what happened.' }];

/**
 * S7: only a party appeals, within the window, on stated grounds, to an Appeals Committee panel
 * drawn and recused by the same engine; an upheld appeal makes the finding final and it is
 * published; a remand seats a new panel with no member of the first one (nor of the appeals panel).
 */
describe('discipline: appeals', () => {
  let t: ProceedingsApp;
  let org: Org;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses an appeal by anyone who is not a party, and one lodged after the deadline', async () => {
    const c = await caseUnderInvestigation(t, org);
    const findingId = await decide(t, org, c, { sanction: { kind: 'warning' } });

    // A witness is in the case, but not a party: refused, with the reason.
    const byWitness = await t.http().post(`/cases/${c.reference}/appeals`).set(org.witness.auth).send({ findingId, grounds });
    expect(byWitness.status).toBe(403);
    expect(byWitness.body.code).toBe('discipline.appeal.not_a_party');
    // A panelist, an EC member, an ordinary member, an Appeals Committee member: not parties either.
    for (const someone of [c.panel[0], org.ec, org.outsider, org.appeals[0]]) {
      const r = await t.http().post(`/cases/${c.reference}/appeals`).set(someone.auth).send({ findingId, grounds });
      expect([403, 404]).toContain(r.status);
      expect(r.status === 404 ? r.body : r.body.code).toEqual(r.status === 404 ? { statusCode: 404, code: 'not_found', message: 'Not found.' } : 'discipline.appeal.not_a_party');
    }
    // Grounds must be stated.
    const noGrounds = await t.http().post(`/cases/${c.reference}/appeals`).set(org.respondent.auth).send({ findingId, grounds: [] });
    expect(noGrounds.status).toBe(400);

    // The window is 30 days from the parties being told: on day 30 it has closed.
    t.clock.advance(30 * DAY);
    await relogin(t, org.everyone);
    const late = await t.http().post(`/cases/${c.reference}/appeals`).set(org.respondent.auth).send({ findingId, grounds });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('discipline.appeal.window_closed');
    const [f] = await t.db.dataSource.query(`SELECT status FROM discipline.findings WHERE id = $1`, [findingId]);
    expect(f.status).toBe('notified');
    const appeals = await t.db.dataSource.query(`SELECT 1 FROM discipline.appeals WHERE finding_id = $1`, [findingId]);
    expect(appeals).toHaveLength(0);
    // And after the finality job has run: still refused, the finding is final.
    await t.jobs.finality();
    const later = await t.http().post(`/cases/${c.reference}/appeals`).set(org.complainant.auth).send({ findingId, grounds });
    expect(later.status).toBe(422);
  });

  it('an appeal upheld by the Appeals Committee panel makes the finding final, and it is published', async () => {
    const c = await caseUnderInvestigation(t, org);
    const findingId = await decide(t, org, c, { sanction: { kind: 'suspension', until: '2027-06-01' }, votes: ['uphold', 'uphold', 'not_uphold'] });

    const lodged = await t.http().post(`/cases/${c.reference}/appeals`).set(org.respondent.auth).send({ findingId, grounds });
    expect(lodged.status).toBe(201);
    const appealsPanel: string[] = lodged.body.appealsPanelIds;
    expect(appealsPanel).toHaveLength(3);
    const committee = new Set(org.appeals.map((a) => a.id));
    expect(appealsPanel.every((id) => committee.has(id))).toBe(true);
    expect(appealsPanel.some((id) => c.panel.some((p) => p.id === id))).toBe(false);
    // The draw is recorded and can be re-run.
    const [draw] = await t.db.dataSource.query(`SELECT panel_draw FROM discipline.appeals WHERE id = $1`, [lodged.body.appealId]);
    expect(draw.panel_draw.record.seed).toEqual(expect.any(String));
    expect(draw.panel_draw.body).toBe('APPEALS');

    const appealId = lodged.body.appealId as string;
    const voteOn = (who: { auth: Record<string, string> }, body: Record<string, unknown>, route = 'votes') =>
      t.http().post(`/cases/${c.reference}/appeals/${appealId}/${route}`).set(who.auth).send(body);
    const [p1, p2, p3] = appealsPanel.map((id) => byId(org, id));

    // Vote counts are never typed in: a request carrying them is refused, on either address.
    for (const route of ['decision', 'votes']) {
      const typed = await voteOn(p1, { outcome: 'uphold', reasons: 'x', votesInFavour: 3, votesAgainst: 0 }, route);
      expect(typed.status).toBe(400);
      expect(JSON.stringify(typed.body)).toContain('votesInFavour');
    }
    // Someone outside the appeals panel cannot vote: a first-panel member is refused, an Appeals
    // Committee member not drawn gets the case's plain "not found".
    const wrong = await voteOn(c.panel[0], { outcome: 'uphold', reasons: 'x' });
    expect(wrong.status).toBe(403);
    const outsider = org.appeals.find((a) => !appealsPanel.includes(a.id))!;
    const wrong2 = await voteOn(outsider, { outcome: 'uphold', reasons: 'x' });
    expect(wrong2.status).toBe(404);
    expect(wrong2.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Not found.' });
    const unknownCase = await t.http().post(`/cases/CC-2026-AAAA-BBBB/appeals/${appealId}/votes`).set(outsider.auth).send({ outcome: 'uphold', reasons: 'x' });
    expect(wrong2.text).toBe(unknownCase.text);

    // One member alone decides nothing, whatever they vote.
    const one = await voteOn(p1, { outcome: 'uphold', reasons: 'The panel’s sanction was within its discretion.' });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ status: 'panel_seated', decision: null });
    expect(one.body.outstandingVoters.sort()).toEqual([p2.id, p3.id].sort());
    let [f] = await t.db.dataSource.query(`SELECT status FROM discipline.findings WHERE id = $1`, [findingId]);
    expect(f.status).toBe('under_appeal');
    // A second member votes for something else, then changes their vote: still no majority.
    const other = await voteOn(p2, { outcome: 'modify_sanction', sanction: { kind: 'warning' }, reasons: 'A warning is enough.' });
    expect(other.body.decision).toBeNull();
    const changed = await voteOn(p2, { outcome: 'remand', reasons: 'A new panel should weigh the evidence.' }, 'decision');
    expect(changed.status).toBe(201);
    expect(changed.body.decision).toBeNull();
    expect(changed.body.votes).toEqual(expect.arrayContaining([expect.objectContaining({ panelistId: p2.id, outcome: 'remand', sanction: null })]));
    expect(changed.body.votes).toHaveLength(2);
    // The panel sees each vote; a party sees only the decision once reached.
    const asParty = await t.http().get(`/cases/${c.reference}/appeals`).set(org.respondent.auth);
    expect(asParty.body[0].votes).toBeUndefined();
    const asPanel = await t.http().get(`/cases/${c.reference}/appeals`).set(p3.auth);
    expect(asPanel.body[0].votes).toHaveLength(2);

    // The third member's vote makes a majority of the panel for upholding: decided, counts from the votes.
    const decided = await voteOn(p3, { outcome: 'uphold', reasons: 'Proportionate to what happened.' });
    expect(decided.status).toBe(201);
    expect(decided.body.decision).toMatchObject({
      outcome: 'uphold',
      counts: { inFavour: 2, against: 1, notVoted: 0 },
      voteCount: '2–1',
      reasons: 'The panel’s sanction was within its discretion.\n\nProportionate to what happened.',
    });
    // Decided: nobody can vote or change a vote any more.
    expect((await voteOn(p2, { outcome: 'uphold', reasons: 'x' })).status).toBe(409);
    const seenByParty = await t.http().get(`/cases/${c.reference}/appeals`).set(org.respondent.auth);
    expect(seenByParty.body[0].decision).toMatchObject({ outcome: 'uphold', counts: { inFavour: 2, against: 1 } });
    // Audited: each vote (never its content) and the decision with its computed counts.
    const votes = (await auditEntries(t, 'appeal.vote-cast')).filter((e) => e.subject_id === c.caseId);
    expect(votes.map((e) => e.actor_id)).toEqual([p1.id, p2.id, p2.id, p3.id]);
    expect(JSON.stringify(votes)).not.toContain('discretion');
    const [decisionEntry] = (await auditEntries(t, 'appeal.decided')).filter((e) => e.subject_id === c.caseId);
    expect(typeof decisionEntry.data === 'string' ? JSON.parse(decisionEntry.data) : decisionEntry.data).toMatchObject({ outcome: 'uphold', counts: { inFavour: 2, against: 1, notVoted: 0 } });
    [f] = await t.db.dataSource.query(`SELECT status, final_sanction FROM discipline.findings WHERE id = $1`, [findingId]);
    expect(f).toEqual({ status: 'final', final_sanction: 'suspension' });
    // In force at once: suspended, restricted until the end date.
    const [m] = await t.db.dataSource.query(`SELECT status FROM membership.members WHERE id = $1`, [org.respondent.id]);
    expect(m.status).toBe('suspended');
    const kinds = await t.db.dataSource.query(`SELECT kind, until FROM restrictions.active WHERE member_id = $1 ORDER BY kind`, [org.respondent.id]);
    expect(kinds.map((k: any) => k.kind)).toEqual(['no_candidacy', 'no_hosting', 'no_office', 'no_voting']);
    expect(new Date(kinds[0].until).toISOString()).toBe('2027-06-01T00:00:00.000Z');

    // Published once the complainant's review window has passed.
    t.clock.advance(5 * DAY + 60_000);
    await relogin(t, org.everyone);
    await t.jobs.publication();
    const list = await t.http().get('/outcomes').set(org.outsider.auth);
    const published = list.body.items.find((x: any) => x.facts.appealOutcome === 'uphold');
    expect(published).toBeDefined();
    expect(published.facts).toMatchObject({ respondentName: 'Rexford Ombudsworth', sanction: { kind: 'suspension', suspendedUntil: '2027-06-01' }, panelVote: { uphold: 2, notUphold: 1 } });
    expect(published.text).toContain('upheld on appeal');
  });

  it('a remand seats a new panel with no member of the first panel nor of the appeals panel', async () => {
    const c: FiledCase = await caseUnderInvestigation(t, org);
    const findingId = await decide(t, org, c, { sanction: { kind: 'warning' } });
    const lodged = await t.http().post(`/cases/${c.reference}/appeals`).set(org.complainant.auth).send({ findingId, grounds: [{ ground: 'new_evidence', text: 'A message came to light after the finding.' }] });
    expect(lodged.status).toBe(201);
    const appealsPanel: string[] = lodged.body.appealsPanelIds;
    const remandVote = (id: string) =>
      t.http().post(`/cases/${c.reference}/appeals/${lodged.body.appealId}/votes`).set(byId(org, id).auth).send({ outcome: 'remand', reasons: 'The new evidence must be weighed by a new panel.' });
    const firstVote = await remandVote(appealsPanel[1]);
    expect(firstVote.status).toBe(201);
    expect(firstVote.body.remandFindingId).toBeNull();
    const decided = await remandVote(appealsPanel[0]);
    expect(decided.status).toBe(201);
    expect(decided.body.decision).toMatchObject({ outcome: 'remand', counts: { inFavour: 2, against: 0, notVoted: 1 } });
    const remandId = decided.body.remandFindingId as string;
    expect(remandId).toEqual(expect.any(String));

    const [first] = await t.db.dataSource.query(`SELECT status FROM discipline.findings WHERE id = $1`, [findingId]);
    expect(first.status).toBe('set_aside');
    const findings = await t.http().get(`/cases/${c.reference}/findings`).set(org.complainant.auth);
    const remand = findings.body.find((f: any) => f.findingId === remandId);
    expect(remand.remandOf).toBe(findingId);
    const newPanel: string[] = remand.panelistIds;
    expect(newPanel).toHaveLength(3);
    const firstPanel = c.panel.map((p) => p.id);
    expect(newPanel.some((id) => firstPanel.includes(id))).toBe(false);
    expect(newPanel.some((id) => appealsPanel.includes(id))).toBe(false);
    const commission = new Set(org.commissioners.map((x) => x.id));
    expect(newPanel.every((id) => commission.has(id))).toBe(true);
    // The draw is recorded (seed and pools) and keeps everyone of the first panel out.
    const [draw] = await t.db.dataSource.query(`SELECT draw FROM discipline.remand_panels WHERE finding_id = $1`, [remandId]);
    expect(draw.draw.excludedBeforehand).toEqual(expect.arrayContaining(firstPanel));
    expect(draw.draw.record.pool.commissioners.some((id: string) => firstPanel.includes(id))).toBe(false);

    // The new panel decides; the first panel can no longer vote.
    const byFirst = await t.http().post(`/cases/${c.reference}/findings/${remandId}/votes`).set(c.panel[0].auth).send({ verdict: 'not_uphold' });
    expect(byFirst.status).toBe(403);
    for (const id of newPanel) {
      const r = await t.http().post(`/cases/${c.reference}/findings/${remandId}/votes`).set(byId(org, id).auth).send({ verdict: 'uphold', proposedSanction: { kind: 'warning' } });
      expect(r.status).toBe(201);
    }
    const redecided = await t.http().post(`/cases/${c.reference}/findings/${remandId}/decision`).set(byId(org, newPanel[2]).auth).send({ rule: 'Code of conduct §2', reasons: 'Having weighed the new evidence.' });
    expect(redecided.status).toBe(201);
    expect(redecided.body).toMatchObject({ status: 'notified', decision: { upheld: true, voteCount: '3–0' } });
  });
  it('a non-member complainant follows the finding and appeals with their confirmed address', async () => {
    const asked = await t.http().post('/complaints/email-verifications').send({ email: 'Visitor.Appellant@example.org' });
    expect(asked.status).toBe(201);
    const codeSentTo = (address: string) => confirmationCodeSentTo(t, address);
    const code = await codeSentTo('visitor.appellant@example.org');
    const confirmed = await t.http().post(`/complaints/email-verifications/${asked.body.verificationId}/confirm`).send({ code });
    expect(confirmed.status).toBe(200);
    const token = confirmed.body.verificationToken as string;
    const filed = await t.http().post('/complaints/non-member').set('X-Verification-Token', token).send({ respondents: [{ memberId: org.respondent.id }], narrative: 'At the open meeting.', path: 'formal' });
    if (filed.status !== 201) throw new Error(JSON.stringify(filed.body));
    const reference = filed.body.reference as string;
    const [row] = await t.db.dataSource.query(`SELECT id, duty_commissioner_id FROM discipline.cases WHERE reference = $1`, [reference]);
    const triaged = await t.http().post(`/commission/cases/${reference}/triage`).set(byId(org, row.duty_commissioner_id).auth).send({});
    const panel = (triaged.body.panel as string[]).map((id) => byId(org, id));
    await t.http().post(`/commission/cases/${reference}/investigation`).set(panel[0].auth).send({});
    const findingId = await decide(t, org, { reference, caseId: row.id, panel }, { sanction: { kind: 'warning' } });

    const seen = await t.http().get(`/complaints/non-member/cases/${reference}/findings`).set('X-Verification-Token', token);
    expect(seen.status).toBe(200);
    expect(seen.body[0]).toMatchObject({ findingId, decision: { upheld: true, sanction: { kind: 'warning' } } });
    const noToken = await t.http().get(`/complaints/non-member/cases/${reference}/findings`);
    expect(noToken.status).toBe(401);
    const appeal = await t.http().post(`/complaints/non-member/cases/${reference}/appeals`).set('X-Verification-Token', token).send({ findingId, grounds });
    expect(appeal.status).toBe(201);
    expect(appeal.body.appellants).toEqual([expect.objectContaining({ personId: 'email:visitor.appellant@example.org', role: 'complainant' })]);
    // Another address proves nothing about this case.
    const other = await t.http().post('/complaints/email-verifications').send({ email: 'someone.else@example.org' });
    const otherToken = (await t.http().post(`/complaints/email-verifications/${other.body.verificationId}/confirm`).send({ code: await codeSentTo('someone.else@example.org') })).body.verificationToken;
    const stranger = await t.http().get(`/complaints/non-member/cases/${reference}/findings`).set('X-Verification-Token', otherToken);
    expect(stranger.status).toBe(404);
  });
});
