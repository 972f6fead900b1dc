/**
 * Performance budgets, measured in Chromium and written to bench/results/web.md:
 * - first load of the member home on a throttled connection (CDP Network.emulateNetworkConditions:
 *   1.6 Mbps down, 750 kbps up, 150 ms RTT — Lighthouse's mobile network profile), cold cache:
 *   interactive ≤ 3 s. "Interactive" = the home has rendered with its data (the app's
 *   `commons:home-ready` mark) and the main thread has had no long task since;
 * - JavaScript shipped for the member area (every script the member screens load) ≤ 200 kB
 *   gzipped. Other role areas are reported for information.
 *
 * The report (with the machine, the date and the load average, since timings depend on them) goes
 * to test-artifacts/web-performance.md on every run, and to bench/results/web.md with
 * UPDATE_BENCH_RESULTS=1 (the committed record).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { ROOT, TIMEOUT, browserTest, describeInBrowser, launchChromium, settled, startWebPlatform, type WebPlatform } from './support/web-platform';

jest.setTimeout(240_000);

const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const RESULTS = path.join(ROOT, 'bench/results/web.md');
const ARTIFACT = path.join(ROOT, 'test-artifacts/web-performance.md');
/** "Interactive" needs the main thread quiet for this long after the home rendered. */
const QUIET_MS = 300;

const OBSERVE = String.raw`(() => {
  window.__longTasks = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration }); }).observe({ type: 'longtask', buffered: true }); } catch (e) {}
})()`;
const READ = String.raw`(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = performance.getEntriesByName('commons:home-ready')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const ready = mark ? mark.startTime : null;
  const lastLong = (window.__longTasks || []).reduce((m, t) => Math.max(m, t.end), 0);
  return { ready, interactive: ready === null ? null : Math.max(ready, lastLong), fcp: fcp ? fcp.startTime : null, domContentLoaded: nav.domContentLoadedEventEnd, longTasks: (window.__longTasks || []).length };
})()`;
const SCRIPTS = String.raw`performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || /\.js(\?|$)/.test(r.name)).filter((r) => /\.js(\?|$)/.test(r.name)).map((r) => ({ url: r.name, transferred: r.encodedBodySize }))`;

interface Load {
  ready: number;
  interactive: number;
  fcp: number;
  domContentLoaded: number;
  longTasks: number;
}

describeInBrowser('web interface: performance budgets', () => {
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

  async function signedInPage(role: string, throttled: boolean, cpuSlowdown = 1): Promise<Page> {
    const who = p.account(role);
    const { accessToken, expiresAt } = await p.api('POST', '/auth/login', undefined, { email: who.email, password: who.password });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    context.setDefaultTimeout(TIMEOUT);
    context.setDefaultNavigationTimeout(TIMEOUT);
    await context.addInitScript(`sessionStorage.setItem('commons.session', ${JSON.stringify(JSON.stringify({ accessToken, expiresAt }))}); ${OBSERVE}`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttled) await cdp.send('Network.emulateNetworkConditions', NETWORK);
    if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    return page;
  }

  async function firstLoad(throttled: boolean, cpuSlowdown = 1): Promise<Load> {
    const page = await signedInPage('member', throttled, cpuSlowdown);
    await page.goto(`${p.url}/app`, { waitUntil: 'commit' });
    await page.waitForSelector('body[data-ready="home"]');
    // Quiet window: QUIET_MS with no long task since the home rendered (a condition, not a sleep).
    await page.waitForFunction(
      (quiet) => {
        const w = globalThis as unknown as { performance: { now(): number; getEntriesByName(n: string): { startTime: number }[] }; __longTasks?: { end: number }[] };
        const mark = w.performance.getEntriesByName('commons:home-ready')[0];
        const last = Math.max(mark?.startTime ?? 0, ...(w.__longTasks ?? []).map((t) => t.end));
        return w.performance.now() - last >= quiet;
      },
      QUIET_MS,
      { polling: 50 },
    );
    const r = (await page.evaluate(READ)) as Load;
    await page.context().close();
    return r;
  }

  /** Scripts a role's screens load, from a cold cache: [url, gzip bytes, bytes on the wire]. */
  async function scriptsFor(role: string, paths: string[]): Promise<{ url: string; gzip: number; transferred: number }[]> {
    const page = await signedInPage(role, false);
    const seen = new Map<string, number>();
    for (const route of paths) {
      await page.goto(`${p.url}${route}`);
      await settled(page);
      for (const s of (await page.evaluate(SCRIPTS)) as { url: string; transferred: number }[]) seen.set(s.url, Math.max(seen.get(s.url) ?? 0, s.transferred));
    }
    await page.context().close();
    const out = [];
    for (const [url, transferred] of seen) {
      const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      const body = Buffer.from(await res.arrayBuffer());
      out.push({ url: new URL(url).pathname, gzip: zlib.gzipSync(body, { level: 9 }).length, transferred });
    }
    return out.sort((a, b) => b.gzip - a.gzip);
  }

  browserTest('member home is interactive within 3 s on a throttled connection; member-area JS ≤ 200 kB gzipped', async () => {
    const loadBefore = os.loadavg();
    const runs: Load[] = [];
    for (let i = 0; i < 5; i++) runs.push(await firstLoad(true));
    const median = (k: keyof Load) => [...runs].sort((a, b) => a[k] - b[k])[2][k];
    const cpu4 = await firstLoad(true, 4);
    const unthrottled = await firstLoad(false);

    const memberPaths = ['/app', '/app/record', '/app/notifications', '/app/notices', '/app/elections', '/app/s', '/app/s/new'];
    const member = await scriptsFor('member', memberPaths);
    const sum = (xs: { gzip: number; transferred: number }[], k: 'gzip' | 'transferred') => xs.reduce((s, x) => s + x[k], 0);
    const areas: [string, string, string[]][] = [
      ['Branch secretary', 'branch-secretary', ['/app', '/app/branch', '/app/branch/import', '/app/branch/roll']],
      ['Treasurer', 'branch-treasurer', ['/app', '/app/treasury', '/app/treasury/bank']],
      ['Commissioner', 'commissioner', ['/app', '/app/commission']],
      ['Returning officer', 'returning-officer', ['/app', '/app/run-elections', '/app/run-elections/new']],
      ['EC member', 'ec-member', ['/app', '/app/overview']],
    ];
    const others: [string, number, number][] = [];
    for (const [label, role, paths] of areas) {
      const s = await scriptsFor(role, paths);
      others.push([label, sum(s, 'gzip'), sum(s, 'transferred')]);
    }

    const loadAfter = os.loadavg();
    const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
    const database = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL) and Redis' : 'the embedded database (PGlite)';
    const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    const ms = (n: number) => `${Math.round(n)} ms`;
    const lines = [
      '# Web interface: load time and JavaScript size',
      '',
      `Measured by \`test/e2e/web/performance.e2e.spec.ts\` (part of \`npm test\`; \`npm run test:web\` runs the browser suites alone; \`UPDATE_BENCH_RESULTS=1\` writes this file) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: headless Debian Chromium ${browser.version()} driven by playwright-core, the platform in-process on ${database} with the demo organization, served by the API (Brotli/gzip pre-compressed assets), the production build of the interface.`,
      '',
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}. Load average (1 / 5 / 15 min) ${la(loadBefore)} when the measurement began and ${la(loadAfter)} when it ended — the machine is shared, so timings move with it.`,
      '',
      '## First load of the member home, signed in, cold cache',
      '',
      'Network throttled through CDP `Network.emulateNetworkConditions`: 1.6 Mbps down, 750 kbps up, 150 ms RTT (Lighthouse mobile). "Interactive" = the home has rendered with its data (`commons:home-ready` mark, after `GET /me`, then `/me/member`, `/me/dues`, `/me/notifications`, `/elections` in parallel) and no long task has run since. Budget: ≤ 3 000 ms, on the median of five loads.',
      '',
      '| run | first contentful paint | home rendered with data | interactive | long tasks |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...runs.map((r, i) => `| throttled #${i + 1} | ${ms(r.fcp)} | ${ms(r.ready)} | ${ms(r.interactive)} | ${r.longTasks} |`),
      `| **throttled, median** | **${ms(median('fcp'))}** | **${ms(median('ready'))}** | **${ms(median('interactive'))}** | |`,
      `| throttled + 4× CPU slowdown (for information) | ${ms(cpu4.fcp)} | ${ms(cpu4.ready)} | ${ms(cpu4.interactive)} | ${cpu4.longTasks} |`,
      `| no throttling (for information) | ${ms(unthrottled.fcp)} | ${ms(unthrottled.ready)} | ${ms(unthrottled.interactive)} | ${unthrottled.longTasks} |`,
      '',
      '## JavaScript shipped',
      '',
      `Member area: every script loaded while visiting ${memberPaths.map((x) => `\`${x}\``).join(', ')} (code is split per role area with React.lazy, so a member never downloads the officers' screens). Budget: ≤ 200 kB gzipped.`,
      '',
      '| script | gzip -9 | on the wire (Brotli) |',
      '| --- | ---: | ---: |',
      ...member.map((s) => `| \`${s.url.replace(/^\/assets\//, '')}\` | ${kB(s.gzip)} | ${kB(s.transferred)} |`),
      `| **member area total** | **${kB(sum(member, 'gzip'))}** | **${kB(sum(member, 'transferred'))}** |`,
      '',
      'Other areas (home plus the area\'s screens, for information):',
      '',
      '| area | gzip -9 | on the wire |',
      '| --- | ---: | ---: |',
      ...others.map(([label, g, t]) => `| ${label} | ${kB(g)} | ${kB(t)} |`),
      '',
    ];
    fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    fs.writeFileSync(ARTIFACT, lines.join('\n'));
    if (process.env.UPDATE_BENCH_RESULTS === '1') fs.writeFileSync(RESULTS, lines.join('\n'));
    console.log(lines.join('\n'));

    // The 3 s interactive budget is a timing figure: it is measured and recorded here (and in
    // BENCHMARKS.md), not asserted, because a shared CI machine makes timed assertions flaky. The
    // test still fails if the measurement itself is missing or absurd.
    expect(Number.isFinite(median('interactive')) && median('interactive') > 0).toBe(true);
    expect(sum(member, 'gzip')).toBeLessThanOrEqual(200 * 1024);
    // The member area never loads another role's screens.
    expect(member.map((s) => s.url).join(' ')).not.toMatch(/BranchArea|TreasuryArea|CommissionArea|AppealsArea|ElectionsAdminArea|OverviewArea/);
  });
});
