/**
 * The platform with its demo organization, started in-process on an embedded database and
 * serving a freshly built web interface, plus Debian's Chromium driven by playwright-core.
 *
 * - The web interface is built once per source state: `dist/web` is reused when it is newer than
 *   every file under apps/web; otherwise `vite build` writes to a temp directory keyed by the
 *   sources' hash (so several test files share one build).
 * - Without /usr/bin/chromium the browser tests are skipped with a printed reason, so a fresh
 *   machine's `npm test` does not fail on them (CI installs chromium).
 * - No fixed sleeps: tests wait for what the user would wait for (a response, a visible state, the
 *   interface's own "no API call under way" counter). Every wait has one generous bound,
 *   `WEB_E2E_TIMEOUT_MS` (default 45 s), so a loaded machine is slow rather than failing.
 * - `browserTest` is `it` that, when the test fails, adds what each open page showed (address,
 *   heading, alerts, the API answers that were errors, page errors) to the failure and keeps a
 *   screenshot under test-artifacts/failures/.
 * - On a real PostgreSQL (`DATABASE_URL`, `REDIS_URL` set) the platform runs on its own database
 *   cloned from the run's template there, with Redis carrying the notification queue — the same
 *   as every other end-to-end suite (see test/support/test-database.ts).
 */
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Clock } from '@org/platform';
import { createApp } from '../../../../apps/api/src/bootstrap';
import { seedDemoIfEmpty, type DemoAccount } from '../../../../apps/api/src/seed/demo-seed';
import { Factories } from '../../../support/factories';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database';

export const ROOT = path.resolve(__dirname, '../../../..');
/** Debian's Chromium (CHROMIUM_PATH overrides it, e.g. to check that the suites skip cleanly without it). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');
/** Where the README's screenshots live; written only with UPDATE_SCREENSHOTS=1 (they are committed). */
export const DOC_SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const FAILURES = path.join(ROOT, 'test-artifacts', 'failures');
/** The one bound on every wait in the browser (a locator, a navigation, a response). */
export const TIMEOUT = Number(process.env.WEB_E2E_TIMEOUT_MS) || 45_000;

export const hasChromium = fs.existsSync(CHROMIUM);
/** `describe` when Chromium is installed, otherwise `describe.skip` with the reason printed once. */
export const describeInBrowser: jest.Describe = hasChromium
  ? describe
  : (((name: string, fn: () => void) => {
      console.warn(`[web e2e] skipped "${name}": ${CHROMIUM} is not installed (apt-get install -y chromium). CI installs it.`);
      return describe.skip(name, fn);
    }) as unknown as jest.Describe);

const walk = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)])) : []);
const webSources = () => [...walk(path.join(ROOT, 'apps/web/src')), path.join(ROOT, 'apps/web/index.html'), path.join(ROOT, 'apps/web/vite.config.ts')].sort();

/** The built web interface for the current sources (see the header). */
export function builtWeb(): string {
  const sources = webSources();
  const dist = path.join(ROOT, 'dist/web');
  const distIndex = path.join(dist, 'index.html');
  if (fs.existsSync(distIndex)) {
    const built = fs.statSync(distIndex).mtimeMs;
    if (sources.every((f) => fs.statSync(f).mtimeMs <= built)) return dist;
  }
  const hash = crypto.createHash('sha256').update('production build\n');
  for (const f of sources) hash.update(f).update(fs.readFileSync(f));
  const out = path.join(os.tmpdir(), `commons-web-${hash.digest('hex').slice(0, 16)}`);
  if (!fs.existsSync(path.join(out, 'index.html'))) {
    // Built beside and renamed into place, so a concurrent run (CI's two passes run side by side)
    // never serves a half-written build; whichever rename comes second finds the build there.
    const partial = `${out}.${process.pid}.partial`;
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(ROOT, 'apps/web/vite.config.ts'), '--outDir', partial, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Jest sets NODE_ENV=test, with which Vite would bundle React's development build (another
      // size, another speed, and development-only behaviour): build what `npm run build` ships.
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    try {
      fs.renameSync(partial, out);
    } catch (e) {
      if (!fs.existsSync(path.join(out, 'index.html'))) throw e;
      fs.rmSync(partial, { recursive: true, force: true });
    }
  }
  return out;
}

/** Real time, moved forward on demand (nomination periods, closing a poll). */
export class MovableClock extends Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface WebPlatform {
  url: string;
  app: NestFastifyApplication;
  db: TestDatabase;
  clock: MovableClock;
  accounts: DemoAccount[];
  account(role: string): DemoAccount;
  make: Factories;
  /** A call to the API as someone (for setting a scene; the browser does the part under test). */
  api<T = any>(method: string, route: string, token?: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export async function startWebPlatform(env: Record<string, string> = {}): Promise<WebPlatform> {
  const webRoot = builtWeb();
  const db = await createTestDatabase({ SESSION_TTL_HOURS: '720', ...env });
  const clock = new MovableClock();
  const app = await createApp({ config: db.config, embedded: db.embedded, clock, webRoot });
  await app.init();
  const demo = await seedDemoIfEmpty(app, db.config);
  if (!demo) throw new Error('the demo organization was not seeded');
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const api = async <T>(method: string, route: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const res = await fetch(url + route, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const login = async (email: string, password: string) => (await api<{ accessToken: string }>('POST', '/auth/login', undefined, { email, password })).accessToken;
  return {
    url,
    app,
    db,
    clock,
    accounts: demo.accounts,
    account: (role) => {
      const a = demo.accounts.find((x) => x.role === role);
      if (!a) throw new Error(`no demo account for ${role}`);
      return a;
    },
    make: new Factories(db.dataSource, app),
    api,
    login,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page (a test fails on any). */
  errors: string[];
  /** API answers that were errors, "POST /auth/login → 401 invalid_credentials" (for failure reports). */
  apiErrors: string[];
}

/** Pages opened by the running test, described when it fails. */
const opened: TestPage[] = [];

/** A fresh browser context (its own sessionStorage) that fails the test on page errors. */
export async function newPage(browser: Browser, o: { mobile?: boolean; timezoneId?: string; locale?: string } = {}): Promise<TestPage> {
  const context = await browser.newContext({
    ...(o.mobile ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }),
    // The browser's own zone and language (the screens must not use them: dates are the organization's).
    ...(o.timezoneId ? { timezoneId: o.timezoneId } : {}),
    ...(o.locale ? { locale: o.locale } : {}),
  });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  const page = await context.newPage();
  const tracked: TestPage = { context, page, errors: [], apiErrors: [] };
  page.on('pageerror', (e) => tracked.errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() < 400 || r.request().resourceType() === 'document') return;
    const u = new URL(r.url());
    void r
      .json()
      .catch(() => ({}))
      .then((b: { code?: string }) => tracked.apiErrors.push(`${r.request().method()} ${u.pathname} → ${r.status()} ${b?.code ?? ''}`.trim()));
  });
  opened.push(tracked);
  return tracked;
}

/** What a page shows, for a failure report; saves a screenshot when the page is still open. */
async function describePage(t: TestPage, i: number, testName: string): Promise<string> {
  const lines = [`page ${i + 1}:`];
  if (!t.page.isClosed()) {
    lines.push(`  address: ${t.page.url()}`);
    const quick = { timeout: 2_000 };
    const h1 = await t.page.locator('h1').first().innerText(quick).catch(() => '(none)');
    lines.push(`  heading: ${h1}`);
    const alerts = await t.page.locator('.alert').allInnerTexts().catch(() => []);
    for (const a of alerts) lines.push(`  alert: ${a.replace(/\s+/g, ' ').slice(0, 300)}`);
    const calls = await t.page.evaluate('window.__commonsApiCalls').catch(() => undefined);
    lines.push(`  API calls under way: ${calls ?? 'unknown'}`);
    fs.mkdirSync(FAILURES, { recursive: true });
    const file = path.join(FAILURES, `${testName.replace(/[^\w]+/g, '-').slice(0, 80)}-${i + 1}.png`);
    if (await t.page.screenshot({ path: file, fullPage: true, timeout: 5_000 }).then(() => true, () => false)) lines.push(`  screenshot: ${path.relative(ROOT, file)}`);
  } else lines.push('  (closed)');
  for (const e of t.apiErrors.slice(-8)) lines.push(`  API error: ${e}`);
  for (const e of t.errors.slice(-5)) lines.push(`  page error: ${e}`);
  return lines.join('\n');
}

/**
 * `it` for a browser test: when it fails, the failure says what each page the test opened was
 * showing (see the header), so a timeout reads "waiting for X, while the page showed Y".
 */
export function browserTest(name: string, fn: () => Promise<void>, timeout?: number): void {
  it(
    name,
    async () => {
      opened.length = 0;
      try {
        await fn();
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        const pages = await Promise.all(opened.map((t, i) => describePage(t, i, name)));
        const more = `\n\nIn the browser when it failed:\n${pages.join('\n') || '(no page open)'}`;
        const wrapped = new Error(err.message + more);
        wrapped.stack = `${err.message}${more}\n${(err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}`;
        throw wrapped;
      } finally {
        opened.length = 0;
      }
    },
    timeout,
  );
}

/**
 * Signs in through the form and waits for the home screen with its data. The login answer is
 * awaited explicitly, so a refused or slow login says so instead of "home never appeared".
 */
export async function signIn(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/app`);
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login' && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const res = await answered;
  if (res.status() !== 200) throw new Error(`signing in as ${who.email} was refused: ${res.status()} ${await res.text().catch(() => '')}`);
  await page.waitForSelector('body[data-ready="home"]');
}

/**
 * Waits until the screen has settled: a main heading, no API call under way, and no "Loading…"
 * left in the main landmark (data arrived and rendered, lazy screens loaded).
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  // A function, not a string: the interface's content security policy forbids eval.
  await page.waitForFunction(() => {
    const w = globalThis as unknown as { __commonsApiCalls?: number; document: { querySelector(s: string): unknown } };
    return (w.__commonsApiCalls ?? 0) === 0 && !w.document.querySelector('main [data-loading]');
  }, undefined, { polling: 100 });
}

/**
 * Keeps a screenshot under test-artifacts/screenshots/ (CI keeps them as artifacts); with
 * UPDATE_SCREENSHOTS=1 also refreshes the committed copy under docs/screenshots/ when one exists
 * there or `doc` is set (each role's main screen, and the ones the README shows).
 */
export async function screenshot(page: Page, name: string, o: { doc?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const doc = path.join(DOC_SCREENSHOTS, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1' && (o.doc || fs.existsSync(doc))) {
    fs.mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, doc);
  }
  return file;
}

/** The visible text of the page's main landmark. */
export const mainText = (page: Page): Promise<string> => page.locator('main').innerText();

/** Waits until the main landmark shows this text (jest's expect does not retry). */
export async function seeText(page: Page, text: string): Promise<void> {
  await page.locator('main').filter({ hasText: text }).waitFor();
}
