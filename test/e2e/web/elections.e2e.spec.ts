/**
 * A delegate casts an STV ballot at congress and checks the receipt after the count.
 *
 * The scene is set through the API, as the demo returning officer and members would: an
 * organization roll frozen today, 20 delegate seats apportioned (at least one per branch), one
 * delegate election per branch, each with its candidates nominated by three members and declared
 * elected by acclamation once nominations have been open for the statutory 14 days (the
 * platform's clock is moved forward). The demo `member` is elected delegate of their branch.
 *
 * In the browser: the delegate gets their credential (the returning officer accredits them),
 * ranks the candidates of the congress's Central Committee ballot by number (Scottish STV),
 * casts it and keeps the receipt; the returning officer closes, counts, certifies and publishes
 * in their own screens; the delegate sees the round-by-round result and finds the receipt among
 * the published ballots.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { a11yProblems } from './support/a11y';
import { browserTest, describeInBrowser, launchChromium, newPage, screenshot, seeText, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(400_000);
const DAY = 86_400_000;

interface Person {
  memberId: string;
  token: string;
}

describeInBrowser('web interface: a delegate casts an STV ballot and checks the receipt after the count', () => {
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

  /** A login for a member of the demo organization (the demo accounts cover only one per role). */
  const accounts = new Map<string, Person>();
  async function person(memberId: string): Promise<Person> {
    const known = accounts.get(memberId);
    if (known) return known;
    const demo = p.accounts.find((a) => a.memberId === memberId);
    let token: string;
    if (demo) token = await p.login(demo.email, demo.password);
    else {
      // Scene-setting straight in the database, like the other suites' factories: a session for
      // this member's login (no password round trip, no login rate limit for ~80 people).
      const q = (sql: string, params: unknown[]) => p.db.dataSource.query(sql, params);
      const [acc] = await q(`SELECT id FROM identity.accounts WHERE member_id = $1`, [memberId]);
      const accountId = acc?.id ?? (await q(`INSERT INTO identity.accounts (email, member_id) VALUES ($1, $2) RETURNING id`, [`voter-${memberId.slice(0, 8)}@test.commons.localhost`, memberId]))[0].id;
      token = randomBytes(32).toString('base64url');
      await q(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [accountId, createHash('sha256').update(token).digest('hex'), new Date(p.clock.now().getTime() + 60 * DAY)]);
    }
    const made = { memberId, token };
    accounts.set(memberId, made);
    return made;
  }

  browserTest('casts, keeps the receipt, and finds it counted in the published ballots', async () => {
    const ro = await person(p.account('returning-officer').memberId!);
    const delegateId = p.account('member').memberId!;
    const today = p.clock.now().toISOString().slice(0, 10);

    // Congress: roll, apportionment, delegate elections.
    const roll = await p.api('POST', '/electoral-rolls', ro.token, { asOf: today, scope: 'organization', label: 'Congress roll' }, { 'Idempotency-Key': randomUUID() });
    const apportionment = await p.api('POST', `/electoral-rolls/${roll.id}/apportionment`, ro.token, { seats: 20, minimumPerBranch: 1 });
    const congress = await p.api('POST', '/congresses', ro.token, { title: 'Congress 2026', apportionmentId: apportionment.id, opensOn: today });
    const delegateElections: any[] = await p.api('POST', `/congresses/${congress.id}/delegate-elections`, ro.token, {});
    expect(delegateElections.length).toBeGreaterThan(10);

    const delegates: Person[] = [];
    for (const e of delegateElections) {
      await p.api('POST', `/elections/${e.id}/open-nominations`, ro.token);
      const branchId = e.scope.branchId;
      const pool: { member_id: string }[] = await p.db.dataSource.query(
        `SELECT r.member_id FROM membership.roll_entries r JOIN membership.members m ON m.id = r.member_id
          WHERE r.roll_id = $1 AND r.branch_id = $2 AND m.status = 'active' AND NOT EXISTS (SELECT 1 FROM identity.mandates md WHERE md.member_id = r.member_id)

          ORDER BY (r.member_id = $3) DESC, m.member_number LIMIT $4`,
        [roll.id, branchId, delegateId, e.seats + 3],
      );
      if (pool.length < e.seats + 3) continue;
      const candidates = pool.slice(0, e.seats);
      const nominators = pool.slice(e.seats);
      for (const c of candidates) {
        const cand = await person(c.member_id);
        const made = await p.api('POST', `/elections/${e.id}/nominations`, cand.token, {});
        for (const n of nominators) await p.api('POST', `/elections/${e.id}/candidates/${made.id}/nominators`, (await person(n.member_id)).token, {});
        delegates.push(cand);
      }
    }
    expect(delegates.map((d) => d.memberId)).toContain(delegateId);
    p.clock.advance(15 * DAY); // E1: nominations open for the statutory period before an acclamation
    for (const e of delegateElections) await p.api('POST', `/elections/${e.id}/acclaim`, ro.token).catch(() => undefined);
    const seated = await p.api('GET', `/congresses/${congress.id}`, ro.token);
    expect(seated.delegates.map((d: { memberId: string }) => d.memberId)).toContain(delegateId);

    // In the browser, the delegate gets a credential; the returning officer accredits everyone.
    const { context, page, errors } = await newPage(browser);
    await signIn(page, p.url, p.account('member'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Elections' }).click();
    await seeText(page, 'You are a delegate.');
    await page.getByRole('button', { name: 'Get my credential' }).click();
    const credential = (await page.getByTestId('credential-code').innerText()).trim();
    await p.api('POST', `/congresses/${congress.id}/accreditations`, ro.token, { credentialCode: credential });
    for (const d of delegates) {
      if (d.memberId === delegateId) continue;
      const { credentialCode } = await p.api('POST', `/congresses/${congress.id}/credential`, d.token);
      await p.api('POST', `/congresses/${congress.id}/accreditations`, ro.token, { credentialCode });
    }

    // The congress ballot: Central Committee, 2 seats, Scottish STV, candidates from the delegates.
    const cc = (await p.api<any[]>('GET', '/bodies', ro.token)).find((b) => b.kind === 'CC');
    const ballot = await p.api('POST', '/elections', ro.token, { title: 'Central Committee (congress ballot)', purpose: 'body', scope: 'congress', congressId: congress.id, bodyId: cc.id, seats: 2, method: 'scottish-stv' });
    await p.api('POST', `/elections/${ballot.id}/open-nominations`, ro.token);
    const others = delegates.filter((d) => d.memberId !== delegateId);
    const standing = others.slice(0, 4);
    for (const [i, c] of standing.entries()) {
      const made = await p.api('POST', `/elections/${ballot.id}/nominations`, c.token, { statement: `Candidate ${i + 1}` });
      for (const n of others.slice(4 + i * 3, 7 + i * 3)) await p.api('POST', `/elections/${ballot.id}/candidates/${made.id}/nominators`, n.token, {});
    }
    const closesAt = new Date(p.clock.now().getTime() + 2 * 3_600_000).toISOString();
    await p.api('POST', `/elections/${ballot.id}/open-voting`, ro.token, { closesAt });
    const detail = await p.api('GET', `/elections/${ballot.id}`, ro.token);
    const onPaper = detail.candidates.filter((c: any) => c.status === 'nominated').sort((a: any, b: any) => a.ballotNumber - b.ballotNumber);
    expect(onPaper).toHaveLength(4);

    // The delegate numbers the candidates 1, 2, 3 and casts the ballot.
    await page.goto(`${p.url}/app/elections`);
    await page.getByRole('link', { name: 'Central Committee (congress ballot)' }).click();
    await seeText(page, 'Put 1 next to your first choice');
    // The paper lists the candidates in the order drawn by lot from the published seed (the ballot numbers), and says so.
    expect(detail.ballotOrderSeed).toMatch(/^[0-9a-f]{32}$/);
    await expect(page.getByTestId('ballot-order').innerText()).resolves.toContain(detail.ballotOrderSeed);
    const listed = await page.locator('select.rank-number').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(listed).toEqual(onPaper.map((c: any) => `Your number for ${c.name}`));
    const order = [onPaper[2], onPaper[0], onPaper[3]];
    for (const [i, c] of order.entries()) await page.getByLabel(`Your number for ${c.name}`).selectOption(String(i + 1));
    await seeText(page, `Your order: ${order.map((c: any) => c.name).join(' → ')}`);
    // The order can also be changed with the arrows (or by dragging): numbers follow.
    await page.getByText('Reorder by dragging, or with the arrows').click();
    await page.getByRole('button', { name: `Move ${order[1].name} up` }).click();
    await seeText(page, `Your order: ${[order[1], order[0], order[2]].map((c: any) => c.name).join(' → ')}`);
    await expect(page.getByLabel(`Your number for ${order[1].name}`).inputValue()).resolves.toBe('1');
    await page.getByRole('button', { name: `Move ${order[1].name} down` }).click();
    await seeText(page, `Your order: ${order.map((c: any) => c.name).join(' → ')}`);
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'delegate-stv-ballot');
    await page.getByRole('button', { name: 'Review my ballot' }).click();
    await seeText(page, `1. ${order[0].name}`);
    await page.getByRole('button', { name: 'Cast my ballot' }).click();
    const receipt = (await page.getByTestId('receipt-code').innerText()).trim();
    expect(receipt.length).toBeGreaterThan(6);
    await screenshot(page, 'delegate-receipt');

    // Enough other delegates vote for the quorum.
    for (const [i, d] of others.slice(0, 12).entries()) {
      const ranking = [onPaper[i % 4].id, onPaper[(i + 1) % 4].id, onPaper[(i + 2) % 4].id];
      await p.api('POST', `/elections/${ballot.id}/ballots`, d.token, { ranking }, { 'Idempotency-Key': randomUUID() });
    }

    // The returning officer closes, counts and publishes in their own screens.
    p.clock.advance(3 * 3_600_000);
    const officer = await newPage(browser);
    await signIn(officer.page, p.url, p.account('returning-officer'));
    await officer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Run elections' }).click();
    await officer.page.getByRole('link', { name: 'Central Committee (congress ballot)' }).click();
    await officer.page.getByRole('button', { name: 'Close the poll' }).click();
    await officer.page.getByRole('button', { name: 'Count and certify' }).click();
    // Before publishing, the returning officer sees who was elected and the count as a chart.
    await seeText(officer.page, 'Elected (certified, not yet published)');
    const certified = await p.api('GET', `/elections/${ballot.id}/result`, ro.token);
    for (const id of certified.result.elected) await seeText(officer.page, certified.result.candidates.find((c: any) => c.id === id).name);
    await officer.page.getByTestId('certified-result').getByRole('img', { name: /Votes per candidate, stage by stage/ }).waitFor();
    await officer.page.getByRole('button', { name: 'Publish the result' }).click();
    await seeText(officer.page, 'Published');
    await screenshot(officer.page, 'returning-officer-published');
    expect(officer.errors).toEqual([]);
    await officer.context.close();

    // The delegate: round-by-round result, and the receipt is among the counted ballots.
    await page.goto(`${p.url}/app/elections/${ballot.id}`);
    await seeText(page, 'Round by round');
    await seeText(page, 'Elected, in order');
    // The count as a chart (votes per candidate per stage, the quota line), with the tables beside it.
    const stagesCount = certified.result.count.stages.length;
    await page.getByRole('img', { name: /Votes per candidate, stage by stage/ }).waitFor();
    expect(await page.locator('[data-testid="stage-chart"] rect').count()).toBe(stagesCount * onPaper.length);
    expect(await page.getByTestId("quota-line").textContent()).toMatch(/^Quota \d/);
    if (stagesCount > 1) await seeText(page, 'Transfers between stages');
    // Turnout per branch: delegates are few per branch, so every small figure reads "fewer than 10".
    await page.getByRole('img', { name: /Turnout per branch/ }).waitFor();
    const turnout = await page.getByTestId('turnout-table').innerText();
    expect(turnout).toContain('fewer than 10');
    expect(turnout).not.toMatch(/\t[1-9]\t/);
    await page.getByLabel('Receipt code').fill(receipt);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await seeText(page, `A ballot with receipt ${receipt} is in the published list and was counted.`);
    await page.getByLabel('Receipt code').fill('NOT-A-RECEIPT-0000');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('main .alert--warning, main .alert--error').first().waitFor();
    await page.getByLabel('Receipt code').fill(receipt);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await seeText(page, 'was counted');
    expect(await a11yProblems(page)).toEqual([]);
    await screenshot(page, 'delegate-result-receipt-counted');
    expect(errors).toEqual([]);
    await context.close();
  });
});
