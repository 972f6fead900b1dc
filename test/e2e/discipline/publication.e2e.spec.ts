import * as fs from 'node:fs';
import * as path from 'node:path';
import { providerNamed, waitFor, auditEntries, caseUnderInvestigation, DAY, decide, organization, person, relogin, createProceedingsApp, type Org, type ProceedingsApp, type Person } from './support/proceedings-world';

/**
 * S8, S9: an expulsion that becomes final takes effect everywhere in the same transaction, and
 * its outcome notice reaches every member in good standing of every branch — feed and mail —
 * and never carries the complainant's identity or narrative, anywhere.
 */
describe('discipline: an expulsion becomes final and is published to every member', () => {
  let t: ProceedingsApp;
  let org: Org;
  const members: Person[] = [];
  let lapsed: Person;
  let suspended: Person;
  const NARRATIVE = 'NARRATIVE-CANARY-7f3a: he shouted at me after the branch meeting';

  beforeAll(async () => {
    t = await createProceedingsApp();
    org = await organization(t, { complainant: ['Zenobia', 'Quillfeather'] });
    // Members in good standing in several more branches, and two who are not in good standing.
    for (let b = 0; b < 3; b++) {
      const branchId = await t.make.branch();
      for (let i = 0; i < 4; i++) members.push(await person(t, { branchId }));
    }
    lapsed = await person(t, { branchId: org.branches.others, status: 'lapsed' });
    suspended = await person(t, { branchId: org.branches.others, status: 'suspended' });
    // The respondent holds an office, which the expulsion must end.
    await t.make.mandate(org.respondent.id, 'BRANCH_COMMITTEE', { role: 'secretary', branchId: org.branches.respondents, startsOn: '2024-01-01' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('takes effect in the transaction that makes it final, and publishes to every good-standing member, never naming the complainant', async () => {
    const c = await caseUnderInvestigation(t, org, { narrative: NARRATIVE });
    const findingId = await decide(t, org, c);

    // Before the appeal window has passed nothing happens.
    t.clock.advance(29 * DAY);
    await relogin(t, org.everyone);
    await t.jobs.finality();
    let [respondent] = await t.db.dataSource.query(`SELECT status FROM membership.members WHERE id = $1`, [org.respondent.id]);
    expect(respondent.status).toBe('active');

    // The window passes: final, and the sanction is in force at once.
    t.clock.advance(2 * DAY);
    await relogin(t, org.everyone);
    expect(await t.jobs.finality()).toMatchObject({ finalized: 1 });
    [respondent] = await t.db.dataSource.query(`SELECT status FROM membership.members WHERE id = $1`, [org.respondent.id]);
    expect(respondent.status).toBe('expelled');
    const history = await t.db.dataSource.query(`SELECT from_status, to_status FROM membership.status_history WHERE member_id = $1 ORDER BY id`, [org.respondent.id]);
    expect(history.at(-1)).toMatchObject({ from_status: 'active', to_status: 'expelled' });
    const restrictions = await t.db.dataSource.query(`SELECT kind, until FROM restrictions.active WHERE member_id = $1 ORDER BY kind`, [org.respondent.id]);
    expect(restrictions.map((r: any) => r.kind)).toEqual(['no_candidacy', 'no_hosting', 'no_office', 'no_voting']);
    expect(restrictions.every((r: any) => r.until === null)).toBe(true);
    const [mandate] = await t.db.dataSource.query(`SELECT ends_on FROM identity.mandates WHERE member_id = $1`, [org.respondent.id]);
    expect(mandate.ends_on).not.toBeNull();
    const readmission = await t.db.dataSource.query(`SELECT 1 FROM restrictions.readmission_required WHERE member_id = $1`, [org.respondent.id]);
    expect(readmission).toHaveLength(1);
    // The finding's finality, the sanction and the notice were one transaction: all there together.
    const [finding] = await t.db.dataSource.query(`SELECT status, final_at FROM discipline.findings WHERE id = $1`, [findingId]);
    expect(finding.status).toBe('final');
    const [notice] = await t.db.dataSource.query(`SELECT id, status, publish_at FROM discipline.outcome_notices WHERE finding_id = $1`, [findingId]);
    expect(notice.status).toBe('complainant_review');
    const [caseRow] = await t.db.dataSource.query(`SELECT stage FROM discipline.cases WHERE id = $1`, [c.caseId]);
    expect(caseRow.stage).toBe('final');

    // Not yet published during the complainant's review window.
    await t.jobs.publication();
    expect((await t.http().get('/outcomes').set(org.outsider.auth)).body.items).toHaveLength(0);

    // The review window ends: published to everyone in good standing, organization wide.
    t.clock.advance(5 * DAY);
    await relogin(t, [...org.everyone.filter((p) => p.id !== org.respondent.id), ...members]);
    expect(await t.jobs.publication()).toMatchObject({ published: 1 });
    const [published] = await t.db.dataSource.query(`SELECT status, notification_notice_id FROM discipline.outcome_notices WHERE id = $1`, [notice.id]);
    expect(published.status).toBe('published');
    const noticeId = published.notification_notice_id;

    const goodStanding = [...org.everyone.filter((p) => p.id !== org.respondent.id), ...members];
    const feed = await t.db.dataSource.query(`SELECT member_id FROM notifications.feed_entries WHERE notice_id = $1`, [noticeId]);
    const outbox = await t.db.dataSource.query(`SELECT id, member_id, to_address FROM notifications.outbox WHERE notice_id = $1`, [noticeId]);
    const inFeed = new Set(feed.map((r: any) => r.member_id));
    const mailed = new Set(outbox.map((r: any) => r.member_id));
    for (const p of goodStanding) {
      expect(inFeed.has(p.id)).toBe(true);
      expect(mailed.has(p.id)).toBe(true);
    }
    // Every good-standing member of the whole register — nobody else (not the expelled
    // respondent, not a lapsed or a suspended member).
    const [{ n }] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM membership.members WHERE status = 'active'`);
    expect(inFeed.size).toBe(n);
    for (const p of [org.respondent, lapsed, suspended]) {
      expect(inFeed.has(p.id)).toBe(false);
      expect(mailed.has(p.id)).toBe(false);
    }
    const branchesReached = await t.db.dataSource.query(
      `SELECT DISTINCT m.branch_id FROM notifications.feed_entries f JOIN membership.members m ON m.id = f.member_id WHERE f.notice_id = $1`,
      [noticeId],
    );
    const activeBranches = await t.db.dataSource.query(`SELECT DISTINCT branch_id FROM membership.members WHERE status = 'active'`);
    expect(branchesReached.length).toBe(activeBranches.length);
    expect(branchesReached.length).toBeGreaterThanOrEqual(7);

    // Any member reads it, with the respondent's name, the rule, the sanction and the vote.
    const list = await t.http().get('/outcomes').set(members[0].auth);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const one = await t.http().get(`/outcomes/${list.body.items[0].id}`).set(members[5].auth);
    expect(one.status).toBe(200);
    expect(one.body.facts).toMatchObject({ respondentName: 'Rexford Ombudsworth', sanction: { kind: 'expulsion' }, panelVote: { uphold: 3, notUphold: 0 } });
    expect(one.body.text).toContain('Rexford Ombudsworth');
    const feedView = await t.http().get('/me/notifications').set(members[2].auth);
    expect(feedView.status).toBe(200);
    expect(JSON.stringify(feedView.body)).toContain('Ombudsworth');

    // The emails themselves: deliver every one of this notice and read what was written.
    const delivery = providerNamed<{ deliverById(id: string, owner: string): Promise<string> }>(t, 'MessageDelivery');
    for (const row of outbox) await delivery.deliverById(row.id, 'test');
    const mailDir = path.join(t.db.config.dataDir, 'mail');
    const emails: string[] = [];
    for (const r of outbox) {
      const file = path.join(mailDir, `${r.id}.eml`);
      emails.push(await waitFor(`the email ${r.id}`, () => fs.existsSync(file) && fs.readFileSync(file, 'utf8')));
    }
    expect(emails.every((e: string) => e.includes('Ombudsworth'))).toBe(true);

    // The complainant's identity and narrative appear nowhere a member, an operator or a queue sees.
    const secrets = [org.complainant.firstName, org.complainant.lastName, org.complainant.email, org.complainant.id, 'NARRATIVE-CANARY-7f3a'];
    const notices = await t.db.dataSource.query(`SELECT type, data::text AS data, dedupe_key, audience FROM notifications.notices`);
    const outboxAll = await t.db.dataSource.query(`SELECT to_address, last_error FROM notifications.outbox WHERE notice_id = $1`, [noticeId]);
    const outcomeRows = await t.db.dataSource.query(`SELECT public_text, public_facts::text AS facts FROM discipline.outcome_notices`);
    const outcomeNotices = notices.filter((x: any) => x.type === 'outcome-notice');
    const haystacks: [string, string][] = [
      ['outcome notices', JSON.stringify(outcomeNotices)],
      ['published outcomes', JSON.stringify(outcomeRows) + JSON.stringify(list.body) + JSON.stringify(one.body)],
      // Their own copy is addressed to them, of course: only the address may appear there.
      ['emails', emails.map((e, i) => (outbox[i].member_id === org.complainant.id ? e.split(org.complainant.email).join('') : e)).join('\n')],
      ['feed', JSON.stringify(feedView.body)],
      ['log lines', t.logs.join('\n')],
      ['outbox of the notice', JSON.stringify(outboxAll.filter((r: any) => r.to_address !== org.complainant.email))],
      ['case updates', JSON.stringify(notices.filter((x: any) => x.type === 'case-update').map((x: any) => x.data))],
    ];
    for (const [where, text] of haystacks) {
      for (const secret of secrets) {
        if (text.includes(secret)) throw new Error(`the complainant's ${secret === org.complainant.id ? 'id' : 'identity or narrative'} appears in ${where}`);
      }
    }
    expect(t.logs.length).toBeGreaterThan(0);

    // Queue payloads (when Redis carries the mail): every key of the queue, every value.
    if (process.env.REDIS_URL) {
      const { default: Redis } = await import('ioredis');
      const redis = new Redis(process.env.REDIS_URL);
      try {
        let cursor = '0';
        const values: string[] = [];
        do {
          const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
          cursor = next;
          for (const k of keys) {
            const type = await redis.type(k);
            if (type === 'string') values.push((await redis.get(k)) ?? '');
            else if (type === 'hash') values.push(JSON.stringify(await redis.hgetall(k)));
            else if (type === 'list') values.push(JSON.stringify(await redis.lrange(k, 0, -1)));
            else if (type === 'zset') values.push(JSON.stringify(await redis.zrange(k, 0, -1)));
            else if (type === 'set') values.push(JSON.stringify(await redis.smembers(k)));
          }
        } while (cursor !== '0');
        const all = values.join('\n');
        for (const secret of secrets) expect(all.includes(secret)).toBe(false);
      } finally {
        redis.disconnect();
      }
    }

    // Publication is recorded; nothing and nobody held it back.
    const entries = await auditEntries(t, 'outcome-notice.published');
    expect(entries).toHaveLength(1);
    expect(entries[0].data.recipients).toBe(n);
  });
});
