/**
 * The pre-congress discussion bulletin in the browser: a member writes a contribution (with a live
 * word count against the standing orders' limit) and publishes it, then publishes another as their
 * caucus; the executive sees both with no control to hide, hold or edit either, and the API
 * refuses its attempts; another member reads both — the caucus's under the caucus's name only.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { a11yProblems } from './support/a11y';
import { browserTest, describeInBrowser, launchChromium, mainText, newPage, screenshot, seeText, settled, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(240_000);

describeInBrowser('web interface: the pre-congress discussion bulletin', () => {
  let p: WebPlatform;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    p = await startWebPlatform({ CAUCUS_FORMATION_THRESHOLD: '2', CAUCUS_COUNT_FLOOR: '2' });
  });
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  browserTest('a member and a caucus publish; the executive cannot hide either; another member reads both', async () => {
    const roAccount = p.account('returning-officer');
    const ro = await p.login(roAccount.email, roAccount.password);
    const writer = p.account('member');
    const writerToken = await p.login(writer.email, writer.password);
    const [writerName] = await p.db.dataSource.query(`SELECT first_name || ' ' || last_name AS full FROM membership.members WHERE id = $1`, [writer.memberId]);
    // Scene: a congress with its floor open and its bulletin open now; a formed caucus the writer belongs to.
    const congressId = randomUUID();
    await p.db.dataSource.query(`INSERT INTO elections.congresses (id, title, roll_id, apportionment_id, delegate_seats, quorum, opens_on, created_at) VALUES ($1, 'Bulletin congress', $2, $3, 6, 4, '2027-05-01', now())`, [
      congressId,
      randomUUID(),
      randomUUID(),
    ]);
    const now = p.clock.now().getTime();
    await p.api('POST', `/congresses/${congressId}/floor`, ro, {
      standingOrders: { motionDeadline: new Date(now + 20 * 86_400_000).toISOString(), secondersRequired: 0, voting: 'open', alternation: 'none', speakingSeconds: 180 },
      chairs: [roAccount.memberId],
      standingOrdersCommittee: [roAccount.memberId],
    });
    await p.api('POST', `/congresses/${congressId}/bulletin`, ro, { opensAt: new Date(now - 3_600_000).toISOString(), closesAt: new Date(now + 7 * 86_400_000).toISOString(), maxWords: 60 });
    const caucus = await p.api('POST', '/caucuses', writerToken, { name: 'Housing justice caucus', purpose: 'Members organizing for tenants.' });
    const second = await p.make.signedInMember({ firstName: 'Second', lastName: 'Signatory' });
    await p.api('POST', `/caucuses/${caucus.id}/join`, second.token);

    // The member writes, watches the count, and publishes.
    const w = await newPage(browser);
    await signIn(w.page, p.url, writer);
    await w.page.goto(`${p.url}/app/congress/${congressId}/bulletin`);
    await w.page.locator('main h1', { hasText: 'Pre-congress discussion bulletin' }).waitFor();
    await settled(w.page);
    await w.page.getByLabel('Title').fill('Organize the tenants');
    await w.page.getByRole('textbox', { name: 'Contribution', exact: true }).fill(Array.from({ length: 65 }, (_, i) => `word${i}`).join(' '));
    await seeText(w.page, '65 words: 5 over the limit of 60');
    await w.page.getByRole('textbox', { name: 'Contribution', exact: true }).fill('Every branch should organize a tenants union this year.');
    await seeText(w.page, '9 of 60 words');
    await w.page.getByRole('button', { name: 'Publish' }).click();
    await w.page.getByRole('list', { name: 'Contributions' }).filter({ hasText: 'Organize the tenants' }).waitFor();
    // …and then as the caucus.
    await w.page.getByLabel('Publish as').selectOption(caucus.id);
    await w.page.getByLabel('Title').fill('Rent strikes are on the table');
    await w.page.getByRole('textbox', { name: 'Contribution', exact: true }).fill('The caucus proposes that congress support rent strikes.');
    await w.page.getByRole('button', { name: 'Publish' }).click();
    await w.page.getByRole('list', { name: 'Contributions' }).filter({ hasText: 'Rent strikes are on the table' }).waitFor();
    await settled(w.page);
    expect(await a11yProblems(w.page)).toEqual([]);
    await screenshot(w.page, 'congress-bulletin-writer');
    expect(w.errors).toEqual([]);
    await w.context.close();

    const { contributions } = await p.api('GET', `/congresses/${congressId}/bulletin`, ro);
    const [mine, theirs] = contributions;
    expect(mine.author).toEqual({ kind: 'member', memberId: writer.memberId });
    expect(theirs.author).toEqual({ kind: 'caucus', caucusId: caucus.id });

    // The executive: both shown, nothing to press; the API refuses every attempt.
    const ecAccount = p.account('ec-member');
    const ec = await p.login(ecAccount.email, ecAccount.password);
    const e = await newPage(browser);
    await signIn(e.page, p.url, ecAccount);
    await e.page.goto(`${p.url}/app/congress/${congressId}/bulletin`);
    await e.page.getByRole('list', { name: 'Contributions' }).filter({ hasText: 'Rent strikes are on the table' }).waitFor();
    await settled(e.page);
    const execList = e.page.getByRole('list', { name: 'Contributions' });
    await expect(execList.getByRole('button').count()).resolves.toBe(0);
    expect(await execList.innerText()).toContain('Organize the tenants');
    for (const c of [mine, theirs]) {
      await expect(p.api('POST', `/contributions/${c.id}/withdraw`, ec)).rejects.toThrow(/403 .*not_the_author/);
      await expect(p.api('PATCH', `/contributions/${c.id}`, ec, { text: 'Edited.' })).rejects.toThrow(/404/);
      await expect(p.api('POST', `/contributions/${c.id}/hide`, ec, {})).rejects.toThrow(/404/);
      await expect(p.api('DELETE', `/contributions/${c.id}`, ec)).rejects.toThrow(/404/);
    }
    expect(e.errors).toEqual([]);
    await e.context.close();

    // Another member reads both: the caucus's under the caucus's name, never the writer's.
    const reader = p.account('branch-treasurer');
    const r = await newPage(browser);
    await signIn(r.page, p.url, reader);
    await r.page.goto(`${p.url}/app/congress/${congressId}/bulletin`);
    await r.page.getByRole('list', { name: 'Contributions' }).filter({ hasText: 'Rent strikes are on the table' }).waitFor();
    await settled(r.page);
    const shown = await mainText(r.page);
    expect(shown).toContain('Every branch should organize a tenants union this year.');
    expect(shown).toContain('The caucus proposes that congress support rent strikes.');
    expect(shown).toContain('Housing justice caucus');
    expect(shown).not.toContain(writerName.full);
    expect(await a11yProblems(r.page)).toEqual([]);
    await screenshot(r.page, 'congress-bulletin-reader');
    expect(r.errors).toEqual([]);
    await r.context.close();
  });
});
