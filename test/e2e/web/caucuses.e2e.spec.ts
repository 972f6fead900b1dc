/**
 * Caucuses in the browser: a member proposes a caucus, a second member's signature forms it, the
 * members see who belongs and talk in its discussion; the executive sees its name, purpose and
 * count — and not who belongs, neither on screen nor by asking the API for the roster (refused
 * and audited).
 */
import type { Browser } from 'playwright-core';
import { a11yProblems } from './support/a11y';
import { browserTest, describeInBrowser, launchChromium, mainText, newPage, screenshot, seeText, settled, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(180_000);

describeInBrowser('web interface: a caucus whose roster the executive cannot see', () => {
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

  browserTest('members form a caucus and see its roster and discussion; the executive sees the count only', async () => {
    const founder = p.account('member');
    const [name] = await p.db.dataSource.query(`SELECT first_name || ' ' || last_name AS full FROM membership.members WHERE id = $1`, [founder.memberId]);
    const second = await p.make.signedInMember({ firstName: 'Second', lastName: 'Signatory' });

    // The founder proposes the caucus in the browser.
    const { context, page, errors } = await newPage(browser);
    await signIn(page, p.url, founder);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caucuses', exact: true }).click();
    await settled(page);
    await page.getByLabel('Name').fill('Rank-and-file caucus');
    await page.getByLabel('Purpose').fill('Members organizing for a rank-and-file line at congress.');
    await page.getByRole('button', { name: 'Propose and sign' }).click();
    await page.locator('main h1', { hasText: 'Rank-and-file caucus' }).waitFor();
    await settled(page);
    await seeText(page, 'Forming: it forms at 2 signatures');
    await expect(page.getByRole('list', { name: 'Roster' }).innerText()).resolves.toContain(name.full);
    const caucusId = new URL(page.url()).pathname.split('/').pop()!;

    // A second member signs (through the API): the caucus forms.
    await p.api('POST', `/caucuses/${caucusId}/join`, second.token);
    await page.reload();
    await settled(page);
    await seeText(page, 'Formed');
    const roster = await page.getByRole('list', { name: 'Roster' }).innerText();
    expect(roster).toContain(name.full);
    expect(roster).toContain('Second Signatory');
    await page.getByLabel('Write to the caucus').fill('We meet on Thursday, away from the branch office.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('list', { name: 'Posts' }).filter({ hasText: 'We meet on Thursday' }).waitFor();
    await settled(page);
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'caucus-member');
    expect(errors).toEqual([]);
    await context.close();

    // The executive: the name, the purpose, the count — not who, not the discussion.
    const ec = p.account('ec-member');
    const exec = await newPage(browser);
    await signIn(exec.page, p.url, ec);
    await exec.page.goto(`${p.url}/app/caucuses`);
    await settled(exec.page);
    const listed = await mainText(exec.page);
    expect(listed).toContain('Rank-and-file caucus');
    expect(listed).toContain('2 members');
    await exec.page.getByRole('link', { name: 'Rank-and-file caucus' }).click();
    await exec.page.locator('main h1', { hasText: 'Rank-and-file caucus' }).waitFor();
    await settled(exec.page);
    await seeText(exec.page, 'Who belongs is for its members only');
    const shown = await mainText(exec.page);
    expect(shown).toContain('2 members');
    expect(shown).not.toContain(name.full);
    expect(shown).not.toContain('Second Signatory');
    expect(shown).not.toContain('We meet on Thursday');
    await expect(exec.page.getByRole('list', { name: 'Roster' }).count()).resolves.toBe(0);
    expect(await a11yProblems(exec.page)).toEqual([]);
    await screenshot(exec.page, 'caucus-executive');
    expect(exec.errors).toEqual([]);
    await exec.context.close();

    // The demo organization's survivors' caucus: formed, its count shown, its roster not.
    const demo = (await p.api<{ id: string; name: string; stage: string; count: { exact: number | null } }[]>('GET', '/caucuses', await p.login(ec.email, ec.password))).find((c) => c.name === 'Survivors’ caucus');
    expect(demo).toMatchObject({ stage: 'formed', count: { exact: 5 } });

    // Asking the API for the roster as the executive is refused, and the attempt audited.
    const token = await p.login(ec.email, ec.password);
    await expect(p.api('GET', `/caucuses/${caucusId}/roster`, token)).rejects.toThrow(/403.*caucus_members_only/);
    const audited = await p.db.dataSource.query(`SELECT actor_id FROM audit.entries WHERE context = 'caucuses' AND action = 'caucus.members-only-refused' AND subject_id = $1`, [caucusId]);
    expect(audited).toEqual([{ actor_id: ec.memberId }]);
  });
});
