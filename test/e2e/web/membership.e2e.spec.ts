/**
 * A branch secretary's CSV import: the dry run shows every rejected row with its problems, nothing
 * is imported while any row is wrong, and the corrected file imports all rows. Then the branch
 * treasurer finds a member by number and opens their payments, and checks a bank file the same way.
 * A branch meeting's speakers' list: scheduled, a speaker named and taken off (the S5 refusal of a
 * member under no_speaking is proved end to end in test/e2e/membership/meeting-speakers).
 */
import type { Browser } from 'playwright-core';
import { a11yProblems } from './support/a11y';
import { browserTest, describeInBrowser, launchChromium, newPage, screenshot, seeText, settled, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(240_000);

describeInBrowser('web interface: branch secretary and treasurer imports', () => {
  let p: WebPlatform;
  let browser: Browser;
  let code: string;
  beforeAll(async () => {
    browser = await launchChromium();
    p = await startWebPlatform();
    const branches = await p.api<{ id: string; code: string }[]>('GET', '/branches');
    code = branches.find((b) => b.id === p.account('branch-secretary').branchId)!.code;
  });
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  browserTest('the dry run shows the rejected rows one by one; the corrected file imports', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, p.url, p.account('branch-secretary'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await seeText(page, 'first_name,last_name,email,phone,branch_code,joined_on,status');
    const header = 'first_name,last_name,email,phone,branch_code,joined_on,status';
    const good1 = `Ada,Okonkwo,ada.okonkwo@import.example.org,+447700900123,${code},2024-03-01,active`;
    const good2 = `Rui,Costa,rui.costa@import.example.org,,${code},2025-01-15,applicant`;
    const badEmail = `Bo,Lind,not-an-email,,${code},2024-05-01,active`;
    const badBranch = `Cy,Moss,cy.moss@import.example.org,,NO-SUCH-BRANCH,2024-05-01,active`;
    const badStatus = `Di,Park,di.park@import.example.org,,${code},2024-05-01,expelled`;
    const future = `Ed,Quinn,ed.quinn@import.example.org,,${code},2999-01-01,active`;
    await page.getByLabel('Or paste the rows').fill([header, good1, badEmail, good2, badBranch, badStatus, future].join('\n'));
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await seeText(page, '4 rows rejected, 2 accepted');
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Rows with a problem' }) });
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(4);
    const text = await table.innerText();
    for (const row of [3, 5, 6, 7]) expect(text).toMatch(new RegExp(`\\b${row}\\b`));
    expect(text).toMatch(/email/);
    expect(text).toMatch(/branch_code/);
    expect(text).toMatch(/status/);
    expect(text).toMatch(/joined_on/);
    await expect(page.getByRole('button', { name: /^Import \d+ member/ }).count()).resolves.toBe(0);
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'branch-secretary-import-rejected');
    // Accepted rows are counted, not listed: the report holds the rows with a problem only.
    await expect(page.getByLabel(/Show accepted rows/).count()).resolves.toBe(0);

    // A file with more wrong rows than the report lists: the first 1,000 are shown, the rest counted.
    const many = Array.from({ length: 1005 }, (_, i) => `Zed,Many${i},zed.${i}@import.example.org,,NO-SUCH-BRANCH,2024-05-01,active`);
    await page.getByLabel('Or paste the rows').fill([header, ...many].join('\n'));
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await seeText(page, '5 more rows with a problem are not listed');
    await expect(rows.count()).resolves.toBe(1000);

    // Nothing was imported.
    const secretary = await p.login(p.account('branch-secretary').email, p.account('branch-secretary').password);
    expect((await p.api('GET', '/members?name=Okonkwo', secretary)).items).toHaveLength(0);

    await page.getByLabel('Or paste the rows').fill([header, good1, good2].join('\n'));
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await seeText(page, 'All 2 rows can be imported');
    await page.getByRole('button', { name: 'Import 2 members' }).click();
    await seeText(page, 'Imported 2 members');
    await page.getByRole('link', { name: 'See the members' }).click();
    await page.getByLabel('Name').fill('Okonkwo');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Ada Okonkwo' }).click();
    await seeText(page, 'Standing at a date');
    await screenshot(page, 'branch-secretary-member-page');
    expect(errors).toEqual([]);
    await context.close();
  });

  browserTest('meetings: the secretary schedules a branch meeting, names a speaker on its list and takes them off; a member asks to speak and withdraws', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, p.url, p.account('branch-secretary'));
    const secretary = await p.login(p.account('branch-secretary').email, p.account('branch-secretary').password);
    const me = await p.api('GET', '/me/member', secretary);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings', exact: true }).click();
    await seeText(page, 'Schedule a meeting');
    await page.getByLabel('Title').fill('Branch meeting on the rent strike');
    await page.getByLabel('Host').fill(me.lastName);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: `Choose ${me.firstName} ${me.lastName}` }).click();
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await seeText(page, 'Nobody on the list yet');
    await page.getByLabel('Speaker', { exact: true }).fill(me.lastName);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: `Choose ${me.firstName} ${me.lastName}` }).click();
    await page.getByLabel('Speaks on (optional)').fill('The rent strike');
    await page.getByRole('button', { name: "Add to the speakers' list" }).click();
    await seeText(page, `${me.firstName} ${me.lastName} is on the speakers' list.`);
    const list = page.locator('table', { has: page.locator('caption', { hasText: '1 speaker' }) });
    expect(await list.innerText()).toContain('The rent strike');
    await settled(page);
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'branch-secretary-meeting-speakers');
    await page.getByRole('button', { name: `Take off the list ${me.firstName} ${me.lastName}` }).click();
    await seeText(page, 'Taken off the list:');
    await page.getByRole('link', { name: '← All meetings' }).click();
    await seeText(page, 'Branch meeting on the rent strike');
    // As a member of the branch: asking to speak, and withdrawing.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Branch meetings' }).click();
    await page.getByRole('link', { name: 'Branch meeting on the rent strike' }).click();
    await page.getByLabel('What you will speak on (optional)').fill('Rent arrears');
    await page.getByRole('button', { name: 'Ask to speak' }).click();
    await seeText(page, "You are number 1 on the speakers' list.");
    expect(await a11yProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Withdraw my request' }).click();
    await seeText(page, 'Nobody on the list yet');
    expect(errors).toEqual([]);
    await context.close();
  });

  browserTest('the treasurer finds a member by number and opens their payments; the bank file: a dry run row by row, then the good rows', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, p.url, p.account('branch-treasurer'));
    const treasurer = await p.login(p.account('branch-treasurer').email, p.account('branch-treasurer').password);
    const me = await p.api('GET', '/me/member', treasurer);
    // A member is found by number (or name) and opened: payments, standing, recording a payment.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payments and standing' }).click();
    await page.getByLabel('Find a member').fill(me.memberNumber);
    await page.getByRole('button', { name: 'Find' }).click();
    const found = page.locator('table', { has: page.locator('caption', { hasText: 'Members found' }) });
    await found.getByRole('link', { name: `${me.firstName} ${me.lastName}` }).click();
    await page.waitForURL(new RegExp(`/app/treasury\\?member=${me.id}$`));
    await seeText(page, 'Record a payment');
    await settled(page);
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'branch-treasurer-member');
    await page.getByLabel('Find a member').fill('no-such-member-zzz');
    await page.getByRole('button', { name: 'Find' }).click();
    await seeText(page, 'Nobody matches');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bank file' }).click();
    const today = p.clock.now().toISOString().slice(0, 10);
    const csv = ['date,amount,currency,reference,transaction_id', `${today},3.00,EUR,Subs ${me.memberNumber},TX-WEB-1`, `${today},3.00,EUR,Subs nobody-knows,TX-WEB-2`].join('\n');
    await page.getByLabel('Or paste it').fill(csv);
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await seeText(page, '1 new payment, 0 already imported, 1 rejected');
    await page.getByLabel('Import the good rows and skip the rejected ones').check();
    await page.getByRole('button', { name: 'Import 1 payment' }).click();
    await seeText(page, 'Added 1 payment to the ledger');
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'branch-treasurer-bank-file');

    // Another bank's statement: a column mapping saved by name, then chosen for the import.
    await page.getByLabel('Name', { exact: true }).fill('web-bank');
    await page
      .getByLabel('Mapping (JSON)')
      .fill(JSON.stringify({ description: 'The web bank', fields: { date: { column: 'Booked', dateFormats: ['DD.MM.YYYY'] }, amount: { column: 'Credit' }, reference: { column: 'Purpose' }, transaction_id: { column: 'Ref' } } }));
    await page.getByRole('button', { name: 'Save the mapping' }).click();
    await seeText(page, 'Saved “web-bank” (version 1)');
    await seeText(page, 'The web bank');
    expect(await page.getByLabel('Column mapping').inputValue()).toBe('web-bank');
    const [y, mo, d] = today.split('-');
    await page.getByLabel('Or paste it').fill(['Booked,Purpose,Credit,Ref', `${d}.${mo}.${y},Subs ${me.memberNumber},4.00,TX-WEB-3`].join('\n'));
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
    await seeText(page, '1 new payment, 0 already imported, 0 rejected');
    expect(await a11yProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
