import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { DAY, electionInVoting, LONG_SESSIONS, members, ok, returningOfficer } from '../elections/election-fixtures';

/**
 * Dates in members' messages follow the organization's own founding act: its time zone and
 * language, whatever the server's `ORG_TIME_ZONE` says (that one is for a database with no
 * founding act, such as the demo).
 */
describe('notifications: dates in the founded organization’s time zone and language', () => {
  const clock = new FixedClock(new Date('2026-06-01T08:00:00Z'));
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { ...LONG_SESSIONS, ORG_TIME_ZONE: 'Europe/Berlin', ORG_LANGUAGE: 'en-GB' } });
  });
  afterAll(() => t.close());

  const ballotBody = async (memberAuth: Record<string, string>, electionId: string) => {
    const items = (await ok(await t.http().get('/me/notifications').set(memberAuth))).items as { type: string; link: string | null; body: string }[];
    return items.find((i) => i.type === 'ballot' && i.link?.includes(electionId))?.body ?? '';
  };

  it('uses the configured zone before a founding act, and the founded organization’s zone and language after it', async () => {
    const ro = await returningOfficer(t);
    const voters = await members(t, 6, await t.make.branch());
    const first = await electionInVoting(t, clock, ro, voters, { seats: 1, method: 'scottish-stv', candidates: voters.slice(0, 2), closesInMs: 3 * DAY });
    // No founding act: the server's setting (Berlin, British English).
    expect(await ballotBody(voters[5].auth, first.election.id)).toContain('4 June 2026 at 10:00 CEST');
    // The web app reads the same settings, without signing in.
    expect(await ok(await t.http().get('/organization'))).toEqual({ name: null, timeZone: 'Europe/Berlin', locale: 'en-GB', currency: null });

    await t.db.dataSource.query(
      `INSERT INTO membership.organization (name, time_zone, locale, currency, founding_file_sha256, founded_at) VALUES ('Test Organization', 'America/Chicago', 'en-US', 'USD', $1, now())`,
      ['0'.repeat(64)],
    );
    clock.advance(2 * 60_000); // past the minute the settings are kept
    const second = await electionInVoting(t, clock, ro, voters, { seats: 1, method: 'scottish-stv', candidates: voters.slice(0, 2), closesInMs: 3 * DAY });
    const body = await ballotBody(voters[5].auth, second.election.id);
    expect(body).toMatch(/June \d{1,2}, 2026 at \d{1,2}:\d{2} (AM|PM) CDT/);
    expect(body).not.toContain('CEST');
    expect(await ok(await t.http().get('/organization'))).toEqual({ name: 'Test Organization', timeZone: 'America/Chicago', locale: 'en-US', currency: 'USD' });
  });
});
