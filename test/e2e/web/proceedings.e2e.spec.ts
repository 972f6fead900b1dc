/**
 * The web interface for what the commission and the Appeals Committee decide together:
 *
 * - an appeal is decided by the votes of the appeals panel drawn for it — each member votes with
 *   reasons on the appeal's page, sees each member's vote and who has not voted yet, and the
 *   decision shows the count computed from the votes ("2–0"); there is no box to type counts into
 *   and one member's vote decides nothing (S7);
 * - a panel imposing "may not speak at events" is told, before and after deciding, that the
 *   platform does not enforce it (S5);
 * - after a missed deadline, a commissioner neither on duty nor on the panel finds the escalated
 *   case in "My cases" with the missed deadline, and can open it (S6).
 *
 * The scene (complaints, triage, findings, the other members' votes) is set through the API as
 * the people concerned; the browser does the part under test. Demo members drawn onto panels are
 * given a known password here, so the test can act as whoever the recorded random draw picked.
 */
import type { Browser } from 'playwright-core';
import { PasswordHasher } from '@org/identity';
import { a11yProblems } from './support/a11y';
import { browserTest, describeInBrowser, launchChromium, newPage, screenshot, seeText, settled, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(300_000);

const PASSWORD = 'test-password-123';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The disciplinary context's deadlines job, run once as its timer does. Found by class name: the
 * context is sealed (only the composition and its own tests import it).
 */
function deadlinesJob(p: WebPlatform): { runOnce(): Promise<{ escalations: number }> } {
  const container = (p.app as unknown as { container: { getModules(): Map<string, { providers: Map<unknown, { instance: unknown }> }> } }).container;
  for (const m of container.getModules().values()) {
    for (const [token, wrapper] of m.providers) {
      if (typeof token === 'function' && token.name === 'DeadlinesJob' && wrapper.instance) return wrapper.instance as { runOnce(): Promise<{ escalations: number }> };
    }
  }
  throw new Error('no DeadlinesJob provider');
}

describeInBrowser('web interface: appeals panel votes, unenforced interim measures, escalated cases', () => {
  let p: WebPlatform;
  let browser: Browser;
  const hasher = new PasswordHasher({ env: process.env });
  let seq = 0;

  /** Sign-in details for any member: their account's password is set to a known one (created if they have none). */
  async function credentials(memberId: string): Promise<{ email: string; password: string }> {
    const [account] = await p.db.dataSource.query(`SELECT id, email FROM identity.accounts WHERE member_id = $1`, [memberId]);
    if (account) {
      await p.db.dataSource.query(`UPDATE identity.accounts SET password_hash = $2 WHERE id = $1`, [account.id, await hasher.hash(PASSWORD)]);
      return { email: account.email, password: PASSWORD };
    }
    const email = `panel-${memberId.slice(0, 8)}-${seq++}@test.localhost`;
    await p.make.account(memberId, email, PASSWORD);
    return { email, password: PASSWORD };
  }
  const tokenOf = async (memberId: string) => {
    const c = await credentials(memberId);
    return p.login(c.email, c.password);
  };

  /** A complainant and a respondent in branches of their own (so no commissioner is conflicted), and a filed formal complaint. */
  async function fileCase(narrative: string): Promise<{ reference: string; respondentId: string; complainantToken: string; respondentToken: string; duty: string }> {
    const complainant = await p.make.signedInMember({ branchId: await p.make.branch(), firstName: 'Odalys', lastName: `Plaintiff${seq++}` });
    const respondent = await p.make.signedInMember({ branchId: await p.make.branch(), firstName: 'Barnaby', lastName: `Respondent${seq++}` });
    const filed = await p.api<{ reference: string }>('POST', '/complaints', complainant.token, {
      respondents: [{ memberId: respondent.id }],
      narrative,
      where: 'Branch office',
      when: { from: new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10) },
      path: 'formal',
    });
    const [row] = await p.db.dataSource.query(`SELECT duty_commissioner_id FROM discipline.cases WHERE reference = $1`, [filed.reference]);
    return { reference: filed.reference, respondentId: respondent.id, complainantToken: complainant.token, respondentToken: respondent.token, duty: row.duty_commissioner_id };
  }

  beforeAll(async () => {
    browser = await launchChromium();
    p = await startWebPlatform();
  });
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  browserTest('an appeals panelist votes with reasons on the appeal page; the panel’s votes and the computed count are shown (and, earlier, the panel’s recruiting ban is shown as not enforced)', async () => {
    // A finding by the commission's panel, then the respondent's appeal: the appeals panel is drawn.
    const c = await fileCase('The respondent shouted at me at the branch meeting and blocked the door.');
    const triaged = await p.api<{ panel: string[] }>('POST', `/commission/cases/${c.reference}/triage`, await tokenOf(c.duty), {});
    expect(triaged.panel).toHaveLength(3);
    const panel = await Promise.all(triaged.panel.map(tokenOf));
    // (On the way: the panel bans the respondent from recruiting; its members' case page
    // keeps saying that the platform does not enforce it.)
    const proposal = await p.api<{ proposalId: string }>('POST', `/commission/cases/${c.reference}/interim-decisions`, panel[0], {
      outcome: 'measures',
      reasons: 'Risk to the complainant at branch events.',
      measures: [{ kind: 'no_recruiting', memberId: c.respondentId, until: new Date(Date.now() + 30 * DAY).toISOString() }],
    });
    await p.api('POST', `/commission/cases/${c.reference}/interim-decisions/${proposal.proposalId}/concur`, panel[1], {});
    const panelist = await newPage(browser);
    await signIn(panelist.page, p.url, await credentials(triaged.panel[0]));
    await panelist.page.goto(`${p.url}/app/commission/cases/${encodeURIComponent(c.reference)}`);
    await panelist.page.waitForSelector(`h1:has-text("Case ${c.reference}")`);
    await settled(panelist.page);
    await seeText(panelist.page, 'In force on paper only');
    await seeText(panelist.page, '“May not recruit”: recorded, but no feature of the platform enforces it yet.');
    expect(panelist.errors).toEqual([]);
    await panelist.context.close();
    await p.api('POST', `/commission/cases/${c.reference}/investigation`, panel[0], {});
    const { findingId } = await p.api<{ findingId: string }>('POST', `/cases/${c.reference}/findings`, panel[0], { respondentId: c.respondentId });
    for (const token of panel) await p.api('POST', `/cases/${c.reference}/findings/${findingId}/votes`, token, { verdict: 'uphold', proposedSanction: { kind: 'warning' } });
    await p.api('POST', `/cases/${c.reference}/findings/${findingId}/decision`, panel[1], { rule: 'Code of conduct §4', reasons: 'The panel weighed the statements.' });
    const lodged = await p.api<{ appealId: string; appealsPanelIds: string[] }>('POST', `/cases/${c.reference}/appeals`, c.respondentToken, {
      findingId,
      grounds: [{ ground: 'disproportionate_sanction', text: 'A warning is out of proportion to what happened.' }],
    });
    expect(lodged.appealsPanelIds).toHaveLength(3);
    const [first, second, third] = lodged.appealsPanelIds;

    // The first member of the appeals panel votes in the browser.
    const member = await newPage(browser);
    await signIn(member.page, p.url, await credentials(first));
    await member.page.goto(`${p.url}/app/appeals/cases/${encodeURIComponent(c.reference)}`);
    await member.page.waitForSelector(`h1:has-text("Appeal: ${c.reference}")`);
    await settled(member.page);
    // No vote counts to type: the interface has no such field.
    await expect(member.page.getByLabel('Votes in favour').count()).resolves.toBe(0);
    await expect(member.page.getByLabel('Votes against').count()).resolves.toBe(0);
    await member.page.getByLabel('Your vote').selectOption('uphold');
    await member.page.getByLabel('Your reasons').fill('The warning was within the panel’s discretion.');
    const voted = member.page.waitForResponse((r) => new URL(r.url()).pathname === `/cases/${c.reference}/appeals/${lodged.appealId}/votes` && r.request().method() === 'POST');
    await member.page.getByRole('button', { name: 'Record my vote' }).click();
    const vote = await voted;
    expect(vote.status()).toBe(201);
    expect(((await vote.json()) as { decision: unknown }).decision).toBeNull();
    // One vote decides nothing: the page says so and lists who has not voted yet.
    await seeText(member.page, 'Your vote is recorded. 1 of 3 members have voted; no majority yet.');
    await seeText(member.page, `Not voted yet: Member ${second.slice(0, 8)}, Member ${third.slice(0, 8)}.`);
    await settled(member.page);
    expect(await member.page.locator('dl').first().innerText()).toMatch(/Votes cast\s+1 of 3/);
    const votes = member.page.locator('table', { has: member.page.locator('caption', { hasText: "The appeals panel's votes" }) });
    await expect(votes.locator('tbody tr').count()).resolves.toBe(1);
    expect(await votes.innerText()).toContain('The warning was within the panel’s discretion.');
    expect(await member.page.locator('main').innerText()).not.toMatch(/Decision\s+Finding upheld/);
    expect(await a11yProblems(member.page)).toEqual([]);
    await screenshot(member.page, 'appeals-panel-one-vote');

    // A second member agrees through the API: a majority of the panel — the appeal is decided.
    await p.api('POST', `/cases/${c.reference}/appeals/${lodged.appealId}/votes`, await tokenOf(second), { outcome: 'uphold', reasons: 'Proportionate to what happened.' });
    await member.page.reload();
    await settled(member.page);
    await seeText(member.page, 'Finding upheld (2–0)');
    expect(await member.page.locator('dl').first().innerText()).toMatch(/Votes cast\s+2 of 3/);
    await expect(votes.locator('tbody tr').count()).resolves.toBe(2);
    const table = await votes.innerText();
    expect(table).toContain('You');
    expect(table).toContain('Proportionate to what happened.');
    expect(table).toContain('Uphold the finding');
    // Decided: no vote form any more.
    await expect(member.page.getByRole('button', { name: 'Record my vote' }).count()).resolves.toBe(0);
    expect(await a11yProblems(member.page)).toEqual([]);
    await screenshot(member.page, 'appeals-panel-decided');
    expect(member.errors).toEqual([]);
    await member.context.close();
  });

  browserTest('a commissioner imposing “may not recruit” is told the platform does not enforce it; then the case is escalated after the missed triage deadline and listed to a commissioner not handling it', async () => {
    const c = await fileCase('At the branch social the respondent made threats in front of others.');
    const duty = await newPage(browser);
    await signIn(duty.page, p.url, await credentials(c.duty));
    await duty.page.goto(`${p.url}/app/commission/cases/${encodeURIComponent(c.reference)}`);
    await duty.page.waitForSelector(`h1:has-text("Case ${c.reference}")`);
    await settled(duty.page);
    await duty.page.getByText('Decide interim measures').click();
    // Warned before deciding: the measure's own hint, and a warning once it is ticked.
    await seeText(duty.page, 'Recorded only: the platform does not enforce this yet.');
    await duty.page.getByLabel('May not recruit').check();
    await seeText(duty.page, 'This will not stop anyone');
    await duty.page.getByLabel('May not host meetings').check();
    await duty.page.getByLabel('Written reasons (sealed)').fill('Risk to the complainant at branch events.');
    const decided = duty.page.waitForResponse((r) => new URL(r.url()).pathname === `/commission/cases/${c.reference}/interim-decisions`);
    await duty.page.getByRole('button', { name: 'Record the decision' }).click();
    const answer = await decided;
    expect(answer.status()).toBe(200);
    const { notEnforced } = (await answer.json()) as { notEnforced: string };
    expect(notEnforced).toMatch(/^"no_recruiting" is recorded, but not enforced/);
    // …and told again after deciding, in the API's words.
    await duty.page.getByText('Not enforced by the platform', { exact: true }).waitFor();
    await seeText(duty.page, notEnforced);
    expect(await a11yProblems(duty.page)).toEqual([]);
    await screenshot(duty.page, 'commission-interim-not-enforced');
    expect(duty.errors).toEqual([]);
    await duty.context.close();

    // Nobody triages it: the triage deadline passes and the deadlines job tells the whole commission.
    p.clock.advance(9 * DAY + HOUR);
    const run = await deadlinesJob(p).runOnce();
    expect(run.escalations).toBeGreaterThanOrEqual(1);
    // A commissioner neither on duty nor seated (there is no panel yet), with no conflict.
    const commissioners: { member_id: string }[] = await p.db.dataSource.query(
      `SELECT DISTINCT m.member_id FROM identity.mandates m JOIN identity.bodies b ON b.id = m.body_id
        WHERE b.kind = 'CCOM' AND m.member_id <> $1 AND m.starts_on <= CURRENT_DATE AND (m.ends_on IS NULL OR m.ends_on > CURRENT_DATE) ORDER BY m.member_id`,
      [c.duty],
    );
    let other: string | undefined;
    for (const { member_id } of commissioners) {
      const list = await p.api<{ reference: string }[]>('GET', '/commission/cases', await tokenOf(member_id));
      if (list.some((x) => x.reference === c.reference)) {
        other = member_id;
        break;
      }
    }
    expect(other).toBeDefined();

    const commissioner = await newPage(browser);
    await signIn(commissioner.page, p.url, await credentials(other!));
    await commissioner.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My cases' }).click();
    await commissioner.page.waitForSelector('main h1:has-text("My cases")');
    await settled(commissioner.page);
    await seeText(commissioner.page, 'Escalated to the whole commission');
    const caseRow = commissioner.page.locator('tr', { has: commissioner.page.getByRole('link', { name: c.reference }) });
    const rowText = await caseRow.innerText();
    expect(rowText).toContain('Commission (escalated)');
    expect(rowText).toMatch(/First look deadline missed: due .*, 2 days overdue; the commission was told/);
    expect(await a11yProblems(commissioner.page)).toEqual([]);
    await screenshot(commissioner.page, 'commission-escalated-case');
    await commissioner.page.getByRole('link', { name: c.reference }).click();
    await commissioner.page.waitForSelector(`h1:has-text("Case ${c.reference}")`);
    await settled(commissioner.page);
    await seeText(commissioner.page, 'Escalated to the whole commission');
    expect(await commissioner.page.getByRole('list', { name: 'Missed deadlines' }).innerText()).toMatch(/Missed\s+First look deadline missed/);
    // An escalation is no licence to read the complaint: the narrative stays hidden from oversight.
    expect(await commissioner.page.locator('main').innerText()).not.toContain('made threats');
    expect(commissioner.errors).toEqual([]);
    await commissioner.context.close();
  });
});
