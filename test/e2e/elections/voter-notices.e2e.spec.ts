import { JobRunner, FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { count, DAY, electionInVoting, LONG_SESSIONS, members, ok, returningOfficer, type Signed } from './election-fixtures';

/**
 * Voters are told: each voter gets their own ballot notice when the polls open (with the link to
 * vote) and one reminder before the close if they have not voted — and no one running the
 * election learns who got a reminder: not from an audit entry, not from an operator's route.
 */
describe('elections: each voter is told when polls open and reminded once before the close', () => {
  const clock = new FixedClock(new Date('2026-06-01T08:00:00Z'));
  let t: TestApp;
  let ro: Signed;
  let voters: Signed[];

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { ...LONG_SESSIONS, ELECTIONS_REMINDER_HOURS: '24', ORG_TIME_ZONE: 'Europe/Berlin', ORG_LANGUAGE: 'en-GB' } });
    ro = await returningOfficer(t);
    voters = await members(t, 8, await t.make.branch());
  });
  afterAll(() => t.close());

  const feed = async (who: Signed) => (await ok(await t.http().get('/me/notifications').set(who.auth))).items as { type: string; link: string | null; body: string }[];
  const runReminders = async () => (await t.app.get(JobRunner).runNow<{ elections: number }>('election-reminders')).result;

  it('every elector gets their own ballot notice with the link; the voters yet to vote get one reminder within the window; officers cannot tell who', async () => {
    const { election } = await electionInVoting(t, clock, ro, voters, { seats: 1, method: 'scottish-stv', candidates: voters.slice(0, 2), closesInMs: 3 * DAY });
    const electors = (await t.db.dataSource.query(`SELECT member_id FROM elections.electors WHERE election_id = $1`, [election.id])).map((r: any) => r.member_id);
    expect(electors.length).toBeGreaterThanOrEqual(voters.length);

    // Polls open: one `ballot` message per elector (not one notice to an audience), each linking to the ballot.
    const ballotNotices = await t.db.dataSource.query(`SELECT audience FROM notifications.notices WHERE type = 'ballot' AND data->>'electionId' = $1`, [election.id]);
    expect(ballotNotices.map((n: any) => n.audience).sort()).toEqual(electors.map((id: string) => `member:${id}`).sort());
    for (const v of voters) {
      const mine = (await feed(v)).filter((i) => i.type === 'ballot');
      expect(mine).toHaveLength(1);
      expect(mine[0].link).toContain(`/elections/${election.id}/ballot`);
      // The closing time in the organization's time zone and language, never as a raw ISO timestamp.
      expect(mine[0].body).toContain('4 June 2026 at 10:00 CEST');
      expect(mine[0].body).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
    const opened = (await feed(voters[5])).find((i) => i.type === 'election-notice' && i.body.includes('Voting is open'));
    expect(opened?.body).toContain('4 June 2026 at 10:00 CEST');
    expect(opened?.body).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    // Three vote; the others have not voted when the reminder is due.
    const [candidate] = (await ok(await t.http().get(`/elections/${election.id}`).set(ro.auth))).candidates.map((c: any) => c.id);
    for (const v of voters.slice(0, 3)) await ok(await t.http().post(`/elections/${election.id}/ballots`).set(v.auth).send({ ranking: [candidate] }));

    // Not yet within the window: nothing is sent.
    expect(await runReminders()).toEqual({ elections: 0 });
    expect(await count(t, `SELECT count(*) AS n FROM notifications.notices WHERE type = 'ballot-reminder' AND data->>'electionId' = $1`, [election.id])).toBe(0);

    const auditBefore = await count(t, `SELECT count(*) AS n FROM audit.entries`, []);
    clock.advance(2 * DAY + 3_600_000);
    expect(await runReminders()).toEqual({ elections: 1 });
    // Once only.
    expect(await runReminders()).toEqual({ elections: 0 });

    for (const v of voters.slice(0, 3)) expect((await feed(v)).filter((i) => i.type === 'ballot-reminder')).toHaveLength(0);
    for (const v of voters.slice(3)) {
      const reminders = (await feed(v)).filter((i) => i.type === 'ballot-reminder');
      expect(reminders).toHaveLength(1);
      expect(reminders[0].link).toContain(`/elections/${election.id}/ballot`);
    }
    const reminded = electors.filter((id: string) => !voters.slice(0, 3).some((v) => v.id === id));
    expect(await count(t, `SELECT count(*) AS n FROM notifications.notices WHERE type = 'ballot-reminder' AND data->>'electionId' = $1`, [election.id])).toBe(reminded.length);

    // The audit log records that the reminder went out, and nothing about whom it went to.
    const newEntries = await t.db.dataSource.query(`SELECT action, actor_id, subject_id, data FROM audit.entries ORDER BY seq OFFSET $1`, [auditBefore]);
    expect(newEntries.map((e: any) => e.action)).toEqual(['election.voters-reminded']);
    const text = JSON.stringify(newEntries);
    for (const id of electors) expect(text).not.toContain(id);

    // The operators' dead-letter list does not name a reminder's recipient, even when its e-mail failed.
    await t.db.dataSource.query(
      `UPDATE notifications.outbox o SET status = 'failed', failed_at = $1, last_error = '550 mailbox unavailable', last_reply_code = 550
         FROM notifications.notices n WHERE n.id = o.notice_id AND n.type = 'ballot-reminder' AND n.data->>'electionId' = $2`,
      [clock.now(), election.id],
    );
    const operator = await t.make.signedInMember();
    await t.make.mandate(operator.id, 'STAFF', { role: 'staff' });
    const dead = await ok(await t.http().get('/operations/dead-letters?limit=200').set(operator.auth));
    const failedReminders = dead.items.filter((i: any) => i.type === 'ballot-reminder');
    expect(failedReminders.length).toBeGreaterThan(0);
    for (const i of failedReminders) expect(i).toMatchObject({ confidential: true, recipient: null });
    const deadText = JSON.stringify(dead);
    for (const v of voters.slice(3)) {
      expect(deadText).not.toContain(v.id);
      expect(deadText).not.toContain(v.email);
    }

    // The returning officer's view of the election shows no turnout while the poll is open.
    expect((await ok(await t.http().get(`/elections/${election.id}`).set(ro.auth))).turnout).toBeNull();
  });
});
