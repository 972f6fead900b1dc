/**
 * A new member gets in: a branch secretary imports the CiviCRM export the organization leaves,
 * read through the built-in `civicrm` column mapping, and watches the invitations go out; the
 * invitation lands in the mail folder; the member opens its link, chooses a password and lands on
 * their home page, where the code of conduct (S14) waits for their acknowledgement; signed in
 * again later, the acknowledgement is there. The secretary's list of who has not acknowledged
 * shrinks by one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { linkMailedTo, startMailWorker } from '../../support/invitations';
import { a11yProblems } from './support/a11y';
import { browserTest, describeInBrowser, launchChromium, newPage, screenshot, seeText, settled, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(240_000);

/** A CiviCRM membership export, its header as in test/fixtures/imports/civicrm-members.csv. */
function civicrmExport(rows: { id: string; first: string; last: string; email: string; status: string }[], branch: string): string {
  const [header] = fs.readFileSync(path.join(__dirname, '../../fixtures/imports/civicrm-members.csv'), 'utf8').split(/\r?\n/);
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const line = (r: (typeof rows)[number]) =>
    // Contact ID … Country, Birth Date, Membership ID, Type, Status, Member Since, End Date, Branch, two past branches, Do Not Email
    [r.id, r.first, r.last, r.email, '', '', '', '', '', '', '', `9${r.id}`, '', r.status, '2024-02-01', '2026-12-31', branch, '', '', '', '', '', '', '0'].map(quote).join(',');
  return [header, ...rows.map(line)].join('\r\n') + '\r\n';
}

describeInBrowser('web interface: an imported member activates their account and acknowledges the code of conduct', () => {
  let p: WebPlatform;
  let browser: Browser;
  let worker: Awaited<ReturnType<typeof startMailWorker>>;
  let code: string;
  let branchName: string;
  let branchId: string;
  let officer: { email: string; password: string };
  beforeAll(async () => {
    browser = await launchChromium();
    p = await startWebPlatform();
    worker = await startMailWorker(p, p.clock);
    branchId = p.account('branch-secretary').branchId as string;
    const branches = await p.api<{ id: string; code: string; name: string }[]>('GET', '/branches');
    ({ code, name: branchName } = branches.find((b) => b.id === branchId)!);
    // The code of conduct is the demo organization's own (version 1, published by the seed).
    const ecSecretary = await p.make.signedInMember({ branchId });
    await p.make.mandate(ecSecretary.id, 'EC', { role: 'secretary' });
    officer = { email: ecSecretary.email, password: 'test-password-123' };
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await p?.close();
  });

  browserTest('import → invitation e-mailed → activation → home page → code of conduct acknowledged → signed in again', async () => {
    const email = `new.member.${Date.now()}@import.example.org`;
    const secretary = p.account('branch-secretary');
    const { context, page, errors } = await newPage(browser);
    await signIn(page, p.url, secretary);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    // The branch's members as CiviCRM exports them (Search > Find Memberships > Export), read
    // through the built-in mapping: nobody edits the file. The cancelled membership is left out.
    const file = civicrmExport([
      { id: '501', first: 'Noor', last: 'Haddad', email, status: 'Current' },
      { id: '502', first: 'Pim', last: 'Letterman', email: '', status: 'Grace' },
      { id: '503', first: 'Olaf', last: 'Gone', email: `olaf.${Date.now()}@import.example.org`, status: 'Cancelled' },
    ], branchName);
    await page.getByLabel('Column mapping').selectOption('civicrm');
    await seeText(page, 'CiviCRM: Search > Find Memberships > Export');
    await page.getByLabel('Choose a file').setInputFiles({ name: 'civicrm-memberships.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await seeText(page, 'All 2 rows can be imported');
    await seeText(page, '1 row left out by the mapping');
    await seeText(page, 'mapping civicrm');
    await page.getByRole('button', { name: 'Import 2 members' }).click();
    await seeText(page, 'Imported 2 members');
    await seeText(page, 'All invitations have gone out');
    const status = await page.getByRole('status').filter({ hasText: 'invitations' }).innerText();
    expect(status).toMatch(/1 sent, 0 failed, 0 waiting; 1 member without an e-mail address/);
    await screenshot(page, 'branch-secretary-import-invitations');
    expect(await a11yProblems(page)).toEqual([]);
    await context.close();

    // The invitation, from the mail folder; its link opened in the browser.
    const link = new URL(await linkMailedTo(p, email, 'Activate your account', 30_000));
    const member = await newPage(browser);
    await member.page.goto(`${p.url}${link.pathname}${link.search}`);
    await seeText(member.page, 'Activate your account');
    expect(await a11yProblems(member.page)).toEqual([]);
    await member.page.getByLabel('Password', { exact: true }).fill('noor-chooses-a-password');
    await member.page.getByLabel('Password again').fill('noor-chooses-a-password');
    await member.page.getByRole('button', { name: 'Activate and sign in' }).click();
    await member.page.waitForSelector('body[data-ready="home"]');
    await seeText(member.page, 'Welcome, Noor');
    await seeText(member.page, 'Harassment, intimidation, threats and discrimination');
    await settled(member.page);
    expect(await a11yProblems(member.page)).toEqual([]);
    await screenshot(member.page, 'member-code-of-conduct');
    await member.page.getByRole('button', { name: 'I have read the code of conduct and accept it' }).click();
    await seeText(member.page, 'You acknowledged Code of Conduct (version 1)');
    // The link worked once.
    await member.page.getByRole('button', { name: 'Sign out' }).click();
    await member.page.goto(`${p.url}${link.pathname}${link.search}`);
    await member.page.getByLabel('Password', { exact: true }).fill('another-password-entirely');
    await member.page.getByLabel('Password again').fill('another-password-entirely');
    await member.page.getByRole('button', { name: 'Activate and sign in' }).click();
    await seeText(member.page, 'Your account is not activated');
    await member.page.getByRole('link', { name: 'Ask for a new invitation' }).waitFor();

    // Signed in again with the password chosen: the acknowledgement is remembered.
    await signIn(member.page, p.url, { email, password: 'noor-chooses-a-password' });
    await seeText(member.page, 'You acknowledged Code of Conduct (version 1)');
    expect(member.errors).toEqual([]);
    await member.context.close();

    expect(errors).toEqual([]);
  });

  browserTest('the branch secretary sees who in their branch has not acknowledged; the executive sees only the share per branch', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, p.url, p.account('branch-secretary'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Code of conduct' }).click();
    await seeText(page, 'still to acknowledge');
    await settled(page);
    const list = await page.locator('table', { has: page.locator('caption', { hasText: 'Not acknowledged' }) }).innerText();
    expect(list).toContain('Pim Letterman');
    expect(list).not.toContain('Noor Haddad');
    expect(await a11yProblems(page)).toEqual([]);
    await context.close();

    const ec = await newPage(browser);
    await signIn(ec.page, p.url, officer);
    await ec.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Membership overview' }).click();
    await seeText(ec.page, 'current members have acknowledged it');
    await settled(ec.page);
    const table = await ec.page.locator('table', { has: ec.page.locator('caption', { hasText: 'Acknowledged, by branch' }) }).innerText();
    expect(table).toContain(code);
    expect(table).not.toMatch(/Noor|Pim/);
    await screenshot(ec.page, 'executive-code-of-conduct-share');
    expect(errors).toEqual([]);
    expect(ec.errors).toEqual([]);
    await ec.context.close();
  });
});
