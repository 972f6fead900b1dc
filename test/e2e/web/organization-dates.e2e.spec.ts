/**
 * Dates on every screen are in the organization's time zone and language, never the browser's.
 *
 * - A source scan: no screen formats a date itself; only `apps/web/src/ui/format.ts` may call
 *   `Intl.DateTimeFormat`, `toLocale…String`, `toISOString` or read the browser's zone offset.
 * - In the browser: the organization's zone is Pacific/Auckland and its language en-NZ (the
 *   demo database has no founding act, so `ORG_TIME_ZONE` / `ORG_LANGUAGE` apply); the browser
 *   runs in America/Los_Angeles with en-US. A notice sent at 23:30 UTC on 1 March 2026 is shown
 *   in the member's feed at 12:30 on 2 March (Auckland, NZDT), day before month — not at 15:30 on
 *   1 March, "Mar 1" (the browser's).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { Outbox } from '@org/notifications';
import { browserTest, describeInBrowser, launchChromium, newPage, ROOT, signIn, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(300_000);

const WEB_SRC = path.join(ROOT, 'apps/web/src');
const FORMAT_MODULE = path.join(WEB_SRC, 'ui/format.ts');
const GENERATED = path.join(WEB_SRC, 'api/schema.gen.ts');
/** Ways to write a date outside the format module. */
const FORBIDDEN = [/\btoLocale(Date|Time)?String\s*\(/, /\bIntl\s*\.\s*(DateTimeFormat|RelativeTimeFormat)\b/, /\.toISOString\s*\(/, /\.getTimezoneOffset\s*\(/, /\.to(UTC|Date|Time)String\s*\(/];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** "file:line: text" for every line that formats a date itself. */
function datesFormattedIn(files: string[]): string[] {
  return files.flatMap((f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (FORBIDDEN.some((re) => re.test(line)) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('web interface: one module writes every date', () => {
  it('no screen formats a date outside apps/web/src/ui/format.ts', () => {
    const screens = sources(WEB_SRC).filter((f) => f !== FORMAT_MODULE && f !== GENERATED);
    expect(screens.length).toBeGreaterThan(20);
    expect(datesFormattedIn(screens)).toEqual([]);
  });

  it('the scan finds a date formatted by hand (it does in the format module itself)', () => {
    expect(datesFormattedIn([FORMAT_MODULE]).length).toBeGreaterThan(0);
  });
});

describeInBrowser("web interface: dates in the organization's time zone and language, not the browser's", () => {
  let p: WebPlatform;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    p = await startWebPlatform({ ORG_TIME_ZONE: 'Pacific/Auckland', ORG_LANGUAGE: 'en-NZ' });
  });
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });

  browserTest("a notice in the member's feed shows the organization's local time", async () => {
    expect(await p.api('GET', '/organization')).toEqual({ name: null, timeZone: 'Pacific/Auckland', locale: 'en-NZ', currency: null });
    const member = p.account('member');
    const outbox = p.app.get(Outbox);
    const sent = await p.db.dataSource.transaction((m) =>
      outbox.enqueue(m, { type: 'announcement', recipient: { memberId: member.memberId as string }, essential: false, data: { title: 'Branch meeting moved', text: 'See you there.' } }),
    );
    const noticeId = sent.noticeId;
    const at = '2026-03-01T23:30:00Z';
    await p.db.dataSource.query(`UPDATE notifications.notices SET created_at = $2 WHERE id = $1`, [noticeId, at]);
    await p.db.dataSource.query(`UPDATE notifications.feed_entries SET created_at = $2 WHERE notice_id = $1`, [noticeId, at]);

    const { page } = await newPage(browser, { timezoneId: 'America/Los_Angeles', locale: 'en-US' });
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles');
    await signIn(page, p.url, member);
    await page.goto(`${p.url}/app/notifications`);
    const item = page.getByRole('list', { name: 'Notifications' }).locator('li').filter({ hasText: 'Branch meeting moved' });
    await item.waitFor();
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/2 Mar 2026,? 12:30/);
    expect(text).toMatch(/NZDT|GMT\+13/);
    expect(text).not.toMatch(/Mar 1|15:30|3:30/);
  });
});
