/**
 * One path per demo role: sign in, see the home screen, open the role's main screen (kept as a
 * screenshot under test-artifacts/screenshots/), with the automatable accessibility checks on
 * each. The role menu comes from GET /me: an EC or CC member's interface has no discipline area
 * at all — no menu item, and its addresses are an unknown page.
 */
import type { Browser } from 'playwright-core';
import { a11yProblems, firstTabStop } from './support/a11y';
import { browserTest, describeInBrowser, launchChromium, mainText, newPage, screenshot, settled, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(180_000);

const MAIN_SCREENS: { role: string; path: string; heading: RegExp; menu: string[]; absent?: string[] }[] = [
  { role: 'member', path: '/app', heading: /^Welcome, /, menu: ['Home', 'My record and subs', 'Notifications', 'Elections'], absent: ['Members', 'My cases', 'Appeals', 'Run elections', 'Membership overview'] },
  { role: 'branch-secretary', path: '/app/branch', heading: /^Members$/, menu: ['Members', 'Admissions', 'Transfers', 'Import', 'Roll', 'Meetings'] },
  { role: 'branch-treasurer', path: '/app/treasury', heading: /^Payments and standing$/, menu: ['Payments and standing', 'Bank file'] },
  { role: 'ec-member', path: '/app/overview', heading: /^Membership overview$/, menu: ['Membership overview'], absent: ['My cases', 'Appeals'] },
  { role: 'cc-member', path: '/app/overview', heading: /^Membership overview$/, menu: ['Membership overview'], absent: ['My cases', 'Appeals'] },
  { role: 'commissioner', path: '/app/commission', heading: /^My cases$/, menu: ['My cases'] },
  { role: 'appeals-member', path: '/app/appeals', heading: /^Appeals$/, menu: ['Appeals'] },
  { role: 'returning-officer', path: '/app/run-elections', heading: /^Run elections$/, menu: ['Run elections'] },
  { role: 'former-member', path: '/app', heading: /^Welcome/, menu: ['Home', 'Notifications'], absent: ['Elections', 'Members'] },
];

describeInBrowser('web interface: every demo role signs in and sees its main screen', () => {
  let p: WebPlatform;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    p = await startWebPlatform();
  });
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  browserTest('the interface is served at / and API 404s keep their JSON shape', async () => {
    const html = await fetch(`${p.url}/`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    const page = await html.text();
    expect(page).toContain('<title>Commons</title>');
    expect(page).toMatch(/<script type="module"[^>]+src="\/assets\/index-[\w-]+\.js"/);
    const deep = await fetch(`${p.url}/app/branch/members/42`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const api404 = await fetch(`${p.url}/no-such-route`, { headers: { accept: 'application/json' } });
    expect(api404.status).toBe(404);
    expect(await api404.json()).toMatchObject({ statusCode: 404, code: 'not_found' });
    const asset = page.match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const js = await fetch(p.url + asset, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(js.headers.get('cache-control')).toContain('immutable');
    // React's production build (the development build announces its DevTools and behaves differently).
    const bundle = await (await fetch(p.url + asset)).text();
    expect(bundle).not.toContain('Download the React DevTools');
  });

  browserTest('over plain http at a network address (a LAN test install), the interface loads and signs in', async () => {
    // The browser resolves a LAN-style name to this server: unlike 127.0.0.1 it is not a
    // "potentially trustworthy" origin, so a content security policy with
    // upgrade-insecure-requests would send every script to https:// and the page would stay blank.
    const lan = await launchChromium(['--host-resolver-rules=MAP commons-lan.test 127.0.0.1']);
    try {
      const { page, errors } = await newPage(lan);
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      const origin = `http://commons-lan.test:${new URL(p.url).port}`;
      await signIn(page, origin, p.account('member'));
      await expect(page.locator('h1').innerText()).resolves.toMatch(/^Welcome/);
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await lan.close();
    }
  });

  for (const s of MAIN_SCREENS) {
    browserTest(`${s.role}: signs in, sees the home screen and the main screen of the role`, async () => {
      const { context, page, errors } = await newPage(browser);
      const who = p.account(s.role);
      await signIn(page, p.url, who);
      await expect(page.locator('h1').innerText()).resolves.toMatch(/^Welcome/);
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const item of s.menu) await expect(nav.getByRole('link', { name: item, exact: true }).count()).resolves.toBe(1);
      for (const item of s.absent ?? []) await expect(nav.getByRole('link', { name: item, exact: true }).count()).resolves.toBe(0);

      await page.goto(p.url + s.path);
      await settled(page);
      await expect(page.locator('h1').innerText()).resolves.toMatch(s.heading);
      await screenshot(page, `${s.role}-main`, { doc: true });
      expect(await a11yProblems(page)).toEqual([]);
      const tab = await firstTabStop(page);
      expect(tab.text).toBe('Skip to main content');
      expect(tab.outline).toMatch(/^solid [3-9]/);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  browserTest('member on a phone: the menu folds away, nothing scrolls sideways, and the checks pass', async () => {
    const { context, page, errors } = await newPage(browser, { mobile: true });
    await signIn(page, p.url, p.account('member'));
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'member-home-phone');
    await page.goto(`${p.url}/app/record`);
    await page.waitForSelector('text=Your subs');
    await settled(page);
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'member-record-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  browserTest('an EC member has no discipline area: no menu item, and its addresses are an unknown page', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, p.url, p.account('ec-member'));
    const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
    expect(nav).not.toMatch(/case|commission|appeal/i);
    for (const path of ['/app/commission', '/app/commission/cases/ANY-REF', '/app/appeals', '/app/appeals/audit/ANY-REF']) {
      await page.goto(p.url + path);
      await settled(page);
      await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
      await expect(mainText(page)).resolves.not.toMatch(/case|commission|appeal/i);
    }
    await context.close();
  });

  browserTest('links in the platform’s e-mails open the right page; the API answers API clients as before', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, p.url, p.account('member'));
    for (const [link, heading] of [['/me/notifications', 'Notifications'], ['/me/subs', 'My record and subs'], ['/me/cases', 'Your space']] as const) {
      await page.goto(p.url + link);
      await page.waitForSelector(`main h1:has-text("${heading}")`);
      expect(new URL(page.url()).pathname).toMatch(/^\/app\//);
    }
    await page.goto(`${p.url}/code-of-conduct`);
    await page.waitForSelector('main h1:has-text("Control Commission")');
    await expect(page.getByRole('link', { name: 'Raise something privately' }).count()).resolves.toBe(1);
    const api = await fetch(`${p.url}/me/notifications`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ code: 'not_signed_in' });
    await context.close();
  });

  browserTest('a wrong password shows the API’s own message, and a reset can be requested', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${p.url}/app`);
    await page.getByLabel('E-mail address').fill(p.account('member').email);
    await page.getByLabel('Password').fill('not-the-password');
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await refused).status()).toBe(401);
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toMatch(/not right[\s\S]*Code: invalid_credentials/);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('E-mail address').fill(p.account('member').email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.waitForSelector('text=Check your e-mail');
    await page.goto(`${p.url}/reset-password?token=not-a-real-token`);
    await page.getByLabel('New password', { exact: true }).fill('a-long-enough-password-1');
    await page.getByLabel('New password again').fill('a-long-enough-password-1');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/reset_link_invalid|not valid/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
