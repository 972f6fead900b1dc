import { randomUUID } from 'node:crypto';
import { auditEntries, caseUnderInvestigation, createProceedingsApp, DAY, decide, organization, relogin, type FiledCase, type Org, type ProceedingsApp } from './support/proceedings-world';

/**
 * S2, S7, S8: no body but an appeal changes a finding; nobody stops a publication; nobody but
 * the electing body ends a commissioner's mandate. Every attempt — through the proceedings'
 * own routes or any route that looks like an alteration — is refused and written to the audit
 * log, and answers nothing about whether the case exists.
 */
describe('discipline: commission independence', () => {
  let t: ProceedingsApp;
  let org: Org;
  let c: FiledCase;
  let findingId: string;

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t);
    c = await caseUnderInvestigation(t, org);
    findingId = await decide(t, org, c);
  });

  afterAll(async () => {
    await t?.close();
  });

  const NOT_FOUND = { statusCode: 404, code: 'not_found', message: 'Not found.' };

  it('refuses and records every attempt by an EC member to change, annul or delay a finding, through any route', async () => {
    const ec = org.ec;
    const before = await t.db.dataSource.query(`SELECT status, sealed, version, appeal_deadline FROM discipline.findings WHERE id = $1`, [findingId]);
    const auditBefore = (await auditEntries(t, 'proceedings.attempt-refused')).length;

    // Routes that name an alteration: refused (403) for any id, existing or not, and recorded.
    const alterations = [
      () => t.http().post(`/cases/${c.reference}/findings/${findingId}/annul`).set(ec.auth).send({ reason: 'procedural grounds' }),
      () => t.http().post(`/cases/${c.reference}/findings/${findingId}/set-aside`).set(ec.auth).send({}),
      () => t.http().post(`/cases/${c.reference}/findings/${findingId}/delay`).set(ec.auth).send({ until: '2027-01-01T00:00:00Z' }),
      () => t.http().post(`/cases/${c.reference}/findings/${findingId}/reopen`).set(ec.auth).send({ instructions: 'narrower terms' }),
      () => t.http().patch(`/cases/${c.reference}/findings/${findingId}`).set(ec.auth).send({ sanction: { kind: 'warning' } }),
      () => t.http().put(`/cases/${c.reference}/findings/${findingId}`).set(ec.auth).send({ upheld: false }),
      () => t.http().delete(`/cases/${c.reference}/findings/${findingId}`).set(ec.auth),
      () => t.http().post(`/findings/${findingId}/overturn`).set(ec.auth).send({}),
      () => t.http().patch(`/findings/${findingId}`).set(ec.auth).send({ status: 'set_aside' }),
      () => t.http().delete(`/findings/${findingId}`).set(ec.auth),
    ];
    for (const attempt of alterations) {
      const r = await attempt();
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('discipline.finding.final_except_by_appeal');
    }
    // The same answer for a finding that does not exist: nothing is learnt from it.
    const ghost = await t.http().post(`/cases/CC-2026-ABCD-EFGH/findings/${randomUUID()}/annul`).set(ec.auth).send({});
    expect(ghost.status).toBe(403);
    expect(ghost.body).toEqual((await t.http().post(`/cases/${c.reference}/findings/${findingId}/annul`).set(ec.auth).send({})).body);

    // The proceedings' own routes: the EC member has no role in the case — "not found", the
    // same body as for a case that does not exist — and the attempt is recorded too.
    const own = [
      () => t.http().post(`/cases/${c.reference}/findings/${findingId}/decision`).set(ec.auth).send({ rule: '§1', reasons: 'We decide instead.' }),
      () => t.http().post(`/cases/${c.reference}/findings/${findingId}/votes`).set(ec.auth).send({ verdict: 'not_uphold' }),
      () => t.http().post(`/cases/${c.reference}/findings`).set(ec.auth).send({ respondentId: org.respondent.id }),
      () => t.http().post(`/cases/${c.reference}/appeals`).set(ec.auth).send({ findingId, grounds: [{ ground: 'procedural_error', text: 'The EC disagrees.' }] }),
    ];
    for (const attempt of own) {
      const r = await attempt();
      expect(r.status).toBe(404);
      expect(r.body).toEqual(NOT_FOUND);
    }
    const nowhere = await t.http().post(`/cases/CC-2026-ABCD-EFGH/findings/${findingId}/decision`).set(ec.auth).send({ rule: '§1', reasons: 'x' });
    expect(nowhere.body).toEqual(NOT_FOUND);

    // Nothing changed.
    const after = await t.db.dataSource.query(`SELECT status, sealed, version, appeal_deadline FROM discipline.findings WHERE id = $1`, [findingId]);
    expect(after).toEqual(before);
    expect(after[0].status).toBe('notified');

    // Every attempt is in the audit log, naming the EC member and their body.
    const refused = (await auditEntries(t, 'proceedings.attempt-refused')).slice(auditBefore);
    const byEc = refused.filter((e) => e.actor_id === ec.id);
    expect(byEc.length).toBe(alterations.length + 2 + own.length + 1);
    expect(byEc.every((e) => e.data.actorBody === 'executive_committee')).toBe(true);
    const attempts = byEc.map((e) => e.data.attempt);
    for (const a of ['finding.annul', 'finding.set-aside', 'finding.delay', 'finding.reopen', 'finding.amend', 'finding.replace', 'finding.overturn', 'finding.decide', 'finding.vote', 'appeal.lodge']) {
      expect(attempts).toContain(a);
    }
    expect(byEc.filter((e) => e.subject_id === c.caseId).length).toBeGreaterThanOrEqual(8);
  });

  it('refuses and records every attempt to stop or delay a publication, and publishes on time all the same', async () => {
    const ec = org.ec;
    t.clock.advance(31 * DAY);
    await relogin(t, org.everyone);
    await t.jobs.finality();
    const [notice] = await t.db.dataSource.query(`SELECT id, publish_at, delayed, status FROM discipline.outcome_notices WHERE finding_id = $1`, [findingId]);
    expect(notice.status).toBe('complainant_review');
    const auditBefore = (await auditEntries(t, 'proceedings.attempt-refused')).length;

    const stops = [
      () => t.http().post(`/cases/${c.reference}/outcome-notices/${notice.id}/suppress`).set(ec.auth).send({}),
      () => t.http().post(`/cases/${c.reference}/outcome-notices/${notice.id}/cancel`).set(ec.auth).send({ reason: 'privacy' }),
      () => t.http().delete(`/cases/${c.reference}/outcome-notices/${notice.id}`).set(ec.auth),
      () => t.http().post(`/outcomes/${notice.id}/withdraw`).set(ec.auth).send({}),
      () => t.http().post(`/outcomes/${notice.id}/unpublish`).set(ec.auth).send({}),
      () => t.http().patch(`/outcomes/${notice.id}`).set(ec.auth).send({ text: 'nothing to see' }),
      () => t.http().delete(`/outcomes/${notice.id}`).set(ec.auth),
    ];
    for (const attempt of stops) {
      const r = await attempt();
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('discipline.outcome_notice.cannot_be_suppressed');
    }
    // The panel's own routes are not the EC's: "not found", recorded.
    const delay = await t.http().post(`/cases/${c.reference}/outcome-notices/${notice.id}/delay`).set(ec.auth).send({ until: new Date(t.clock.now().getTime() + 10 * DAY).toISOString(), reason: 'after the congress' });
    expect(delay.status).toBe(404);
    expect(delay.body).toEqual(NOT_FOUND);
    const wording = await t.http().put(`/cases/${c.reference}/outcome-notices/${notice.id}/wording`).set(ec.auth).send({ wording: 'A matter was resolved.' });
    expect(wording.status).toBe(404);

    const refused = (await auditEntries(t, 'proceedings.attempt-refused')).slice(auditBefore).filter((e) => e.actor_id === ec.id);
    expect(refused).toHaveLength(stops.length + 2);
    expect(refused.map((e) => e.data.attempt)).toEqual(
      expect.arrayContaining(['outcome-notice.suppress', 'outcome-notice.cancel', 'outcome-notice.delete', 'outcome.withdraw', 'outcome.unpublish', 'outcome.amend', 'outcome.delete', 'outcome-notice.delay', 'outcome-notice.wording']),
    );

    const [unchanged] = await t.db.dataSource.query(`SELECT publish_at, delayed, status FROM discipline.outcome_notices WHERE id = $1`, [notice.id]);
    expect(unchanged).toEqual({ publish_at: notice.publish_at, delayed: false, status: 'complainant_review' });

    // A panelist may delay once, with a reason; a second delay is refused.
    const until = new Date(new Date(notice.publish_at).getTime() + 3 * DAY).toISOString();
    const byPanel = await t.http().post(`/cases/${c.reference}/outcome-notices/${notice.id}/delay`).set(c.panel[0].auth).send({ until, reason: 'The respondent is in hospital this week.' });
    expect(byPanel.status).toBe(201);
    const again = await t.http().post(`/cases/${c.reference}/outcome-notices/${notice.id}/delay`).set(c.panel[1].auth).send({ until: new Date(new Date(until).getTime() + DAY).toISOString(), reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('discipline.outcome_notice.already_delayed');

    // Published when due, whatever anyone tried.
    t.clock.advance(8 * DAY + 60_000);
    await relogin(t, org.everyone.filter((p) => p.id !== org.respondent.id));
    await t.jobs.publication();
    const list = await t.http().get('/outcomes').set(org.ec.auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: any) => x.id)).toContain(notice.id);
  });

  it('refuses and records an attempt to end a commissioner’s mandate', async () => {
    const commissioner = org.commissioners[4];
    const [mandate] = await t.db.dataSource.query(`SELECT m.id FROM identity.mandates m JOIN identity.bodies b ON b.id = m.body_id WHERE m.member_id = $1 AND b.kind = 'CCOM'`, [commissioner.id]);
    const r = await t.http().post(`/mandates/${mandate.id}/end`).set(org.ec.auth).send({ endsOn: '2026-06-01', reason: 'Loss of confidence of the executive' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('independent_mandate');
    const [still] = await t.db.dataSource.query(`SELECT ends_on FROM identity.mandates WHERE id = $1`, [mandate.id]);
    expect(still.ends_on).toBeNull();
    const recorded = await t.db.dataSource.query(`SELECT actor_id, subject_id FROM audit.entries WHERE action = 'mandate.end-refused' AND subject_id = $1`, [mandate.id]);
    expect(recorded).toEqual([{ actor_id: org.ec.id, subject_id: mandate.id }]);
  });
});
