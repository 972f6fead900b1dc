/**
 * The platform with its demo organization, started in-process on an embedded database and
 * serving a freshly built web interface, plus Debian's Chromium driven by playwright-core.
 *
 * - The web interface is built once per source state: `dist/web` is reused when it is newer than
 *   every file under apps/web; otherwise `vite build` writes to a temp directory keyed by the
 *   sources' hash (so several test files share one build).
 * - Without /usr/bin/chromium the browser tests are skipped with a printed reason, so a fresh
 *   machine's `npm test` does not fail on them (CI installs chromium).
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
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

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
  const hash = crypto.createHash('sha256');
  for (const f of sources) hash.update(f).update(fs.readFileSync(f));
  const out = path.join(os.tmpdir(), `commons-web-${hash.digest('hex').slice(0, 16)}`);
  if (!fs.existsSync(path.join(out, 'index.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(ROOT, 'apps/web/vite.config.ts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
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

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh browser context (its own sessionStorage) that fails the test on page errors. */
export async function newPage(browser: Browser, o: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(o.mobile ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.setDefaultTimeout(15_000);
  return { context, page, errors };
}

export async function signIn(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/app`);
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('body[data-ready="home"]');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The visible text of the page's main landmark. */
export const mainText = (page: Page): Promise<string> => page.locator('main').innerText();

/** Waits until the main landmark shows this text (jest's expect does not retry). */
export async function seeText(page: Page, text: string): Promise<void> {
  await page.locator('main').filter({ hasText: text }).waitFor();
}
