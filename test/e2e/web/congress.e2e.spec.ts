/**
 * A congress day in the browser, on the demo organization's Congress 2027 (its delegates
 * elected by the elections context; their accreditation is set straight in the database, as
 * other suites set a scene). The returning officer opens the floor and chairs it through the
 * API; a delegate follows the floor in the browser — the agenda with its reports, a motion with
 * two amendments shown as diffs, asking to speak on the reserved list — and votes; the projector
 * view in a second browser updates live (server-sent events) as the votes are counted, the
 * speakers are called in alternation and the results are declared.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { browserTest, describeInBrowser, launchChromium, newPage, seeText, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(300_000);

describeInBrowser('web interface: a congress day', () => {
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

  /** A session for a member straight in the database (no password round trip for each delegate). */
  async function tokenFor(memberId: string): Promise<string> {
    const q = (sql: string, params: unknown[]) => p.db.dataSource.query(sql, params);
    const [acc] = await q(`SELECT id FROM identity.accounts WHERE member_id = $1`, [memberId]);
    const accountId = acc?.id ?? (await q(`INSERT INTO identity.accounts (email, member_id) VALUES ($1, $2) RETURNING id`, [`delegate-${memberId.slice(0, 8)}@test.commons.localhost`, memberId]))[0].id;
    const token = randomBytes(32).toString('base64url');
    await q(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [accountId, createHash('sha256').update(token).digest('hex'), new Date(p.clock.now().getTime() + 86_400_000)]);
    return token;
  }

  browserTest('agenda, a motion with two amendments voted, a speakers’ list with alternation, the projector updating', async () => {
    const roAccount = p.account('returning-officer');
    const ro = await p.login(roAccount.email, roAccount.password);
    const memberAccount = p.account('member');
    // Scene: a congress whose delegates the elections context has elected and accredited (written
    // as elections records them; the elections suites cover how), the demo member among them.
    const q = (sql: string, params: unknown[]) => p.db.dataSource.query(sql, params);
    const others: string[] = (await q(`SELECT id FROM membership.members WHERE status = 'active' AND id <> $1 ORDER BY member_number LIMIT 5`, [memberAccount.memberId])).map((r: { id: string }) => r.id);
    const [{ branch_id: branchId }] = await q(`SELECT branch_id FROM membership.members WHERE id = $1`, [memberAccount.memberId]);
    const congressId = randomUUID();
    const electionId = randomUUID();
    await q(`INSERT INTO elections.congresses (id, title, roll_id, apportionment_id, delegate_seats, quorum, opens_on, created_at) VALUES ($1, 'Congress day', $2, $3, 6, 4, '2027-05-01', now())`, [congressId, randomUUID(), randomUUID()]);
    await q(`INSERT INTO elections.elections (id, title, purpose, scope_kind, branch_id, congress_id, seats, method, status, electorate_kind, created_at) VALUES ($1, 'Congress day: delegates', 'delegates', 'branch', $2, $3, 6, 'plurality', 'published', 'roll', now())`, [electionId, branchId, congressId]);
    for (const id of [memberAccount.memberId, ...others]) await q(`INSERT INTO elections.delegates (congress_id, member_id, branch_id, election_id, accredited_at) VALUES ($1, $2, $3, $4, now())`, [congressId, id, branchId, electionId]);
    const tokens = await Promise.all(others.map(tokenFor));

    const deadline = new Date(p.clock.now().getTime() + 86_400_000).toISOString();
    await p.api('POST', `/congresses/${congressId}/floor`, ro, {
      standingOrders: { motionDeadline: deadline, secondersRequired: 0, voting: 'open', alternation: 'alternate-lists', speakingSeconds: 180 },
      chairs: [roAccount.memberId],
      standingOrdersCommittee: [roAccount.memberId],
    });
    const start = p.clock.now().toISOString();
    await p.api('POST', `/congresses/${congressId}/agenda`, ro, { title: "Executive Committee's report", kind: 'report', presentedBy: 'Executive Committee', reportText: 'A year of organizing.', startsAt: start, minutes: 30 });
    const item = await p.api('POST', `/congresses/${congressId}/agenda`, ro, { title: 'Motions on organizing', kind: 'motions', startsAt: start, minutes: 60 });
    const motion = await p.api('POST', `/congresses/${congressId}/motions`, tokens[0], { title: 'A school for organizers', text: 'Congress resolves:\nto open a school\nin every region.', submitter: { kind: 'member' } });
    await p.api('POST', `/motions/${motion.id}/admit`, ro, { agendaItemId: item.id });
    await p.api('POST', `/motions/${motion.id}/amendments`, tokens[1], { fromLine: 3, toLine: 3, text: 'in every region and every large branch.' });
    const amended = await p.api('POST', `/motions/${motion.id}/amendments`, tokens[2], { fromLine: 2, toLine: 2, text: 'to open a school for organizers and stewards' });
    const [a1, a2] = amended.amendments;

    // The delegate's screen and the projector.
    const delegate = await newPage(browser);
    await signIn(delegate.page, p.url, memberAccount);
    await delegate.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Congress' }).click();
    await delegate.page.goto(`${p.url}/app/congress/${congressId}`);
    await seeText(delegate.page, "1. Executive Committee's report");
    await seeText(delegate.page, 'presented by Executive Committee');
    await seeText(delegate.page, 'Motion 1: A school for organizers');
    const diff = await delegate.page.getByLabel('Amendment 1 as a diff').innerText();
    expect(diff).toContain('− in every region.');
    expect(diff).toContain('+ in every region and every large branch.');

    const projector = await newPage(browser);
    await signIn(projector.page, p.url, roAccount);
    await projector.page.goto(`${p.url}/app/congress/${congressId}/projector`);
    await projector.page.getByLabel('Projector').waitFor();

    // Speakers: two on the open list first, then the delegate asks on the reserved list in the browser.
    await p.api('POST', `/agenda-items/${item.id}/speakers`, tokens[3], { list: 'open' });
    await p.api('POST', `/agenda-items/${item.id}/speakers`, tokens[4], { list: 'open' });
    const itemCard = delegate.page.getByLabel('Speakers: Motions on organizing');
    await itemCard.getByLabel('List').selectOption('reserved');
    await itemCard.getByRole('button', { name: 'Ask to speak on Motions on organizing' }).click();
    // Alternation: the reserved list goes first, then open, then open.
    const waiting = projector.page.getByLabel('Waiting to speak').locator('li');
    const order = () => waiting.evaluateAll((li) => li.map((x) => x.getAttribute('data-speaker')));
    for (let i = 0; i < 150 && JSON.stringify(await order()) !== JSON.stringify([memberAccount.memberId, others[3], others[4]]); i++) await projector.page.waitForTimeout(100);
    expect(await order()).toEqual([memberAccount.memberId, others[3], others[4]]);
    await p.api('POST', `/agenda-items/${item.id}/speakers/next`, ro);
    await projector.page.getByLabel('Speakers').locator(`strong[data-speaker="${memberAccount.memberId}"]`).waitFor();
    // The speaking clock ticks on the projector between updates.
    const clock = projector.page.getByLabel('Speakers').locator('[role="timer"]');
    const shown = Number(await clock.getAttribute('data-seconds-left'));
    await projector.page.waitForTimeout(2500);
    expect(Number(await clock.getAttribute('data-seconds-left'))).toBeLessThan(shown);

    // Votes: amendment 1, amendment 2, then the motion as amended — the projector follows each count.
    await p.api('POST', `/motions/${motion.id}/debate`, ro);
    const castAll = async (voteId: string, answers: string[]) => {
      for (const [i, a] of answers.entries()) await p.api('POST', `/floor-votes/${voteId}/cards`, tokens[i], { answer: a });
    };
    const v1 = await p.api('POST', `/motions/${motion.id}/votes`, ro, { amendmentId: a1.id });
    await delegate.page.getByRole('button', { name: 'For' }).click();
    await seeText(delegate.page, 'Your vote is counted.');
    await projector.page.locator('.tally[data-voted="1"]').waitFor();
    await castAll(v1.id, ['yes', 'yes', 'no']);
    await projector.page.locator('.tally[data-voted="4"]').waitFor();
    await p.api('POST', `/floor-votes/${v1.id}/close`, ro);
    await projector.page.getByText('Result: amendment to motion 1 — CARRIED').waitFor();

    const v2 = await p.api('POST', `/motions/${motion.id}/votes`, ro, { amendmentId: a2.id });
    await delegate.page.getByRole('button', { name: 'Against' }).click();
    await castAll(v2.id, ['no', 'no', 'yes']);
    await projector.page.locator('.tally[data-voted="4"]').waitFor();
    await p.api('POST', `/floor-votes/${v2.id}/close`, ro);
    await projector.page.getByText('Result: amendment to motion 1 — LOST').waitFor();

    const v3 = await p.api('POST', `/motions/${motion.id}/votes`, ro, {});
    await delegate.page.getByRole('button', { name: 'For' }).click();
    await castAll(v3.id, ['yes', 'yes', 'yes', 'abstain']);
    await p.api('POST', `/floor-votes/${v3.id}/close`, ro);
    await projector.page.getByText('Result: motion 1 — CARRIED').waitFor();
    await projector.page.getByText('For 4 · Against 0 · Abstain 1').waitFor();
    const adopted = delegate.page.getByLabel('Motion 1 as amended');
    await adopted.waitFor();
    expect(await adopted.innerText()).toBe('Congress resolves:\nto open a school\nin every region and every large branch.');
    expect(delegate.errors).toEqual([]);
    expect(projector.errors).toEqual([]);
  });
});
