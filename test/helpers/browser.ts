/**
 * Real Chromium through playwright-core: Debian's /usr/bin/chromium where installed, otherwise the
 * binary shipped inside the npm package @sparticuz/chromium. The app runs as a real HTTP server on a
 * fresh copy of the demo database, serving the built web app.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../server/config.ts';
import { buildApp } from '../../server/http/app.ts';
import type { App } from '../../server/http/types.ts';
import { WEB_ROOT } from '../../server/serve.ts';
import { freshDatabase, type TestDatabase } from './db.ts';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function chromiumExecutable(): Promise<{ executablePath: string; args: string[] }> {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && fs.existsSync(candidate)) return { executablePath: candidate, args: FLAGS };
  }
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return { executablePath: await sparticuz.executablePath(), args: [...sparticuz.args, ...FLAGS] };
}

/** A headless Chromium without the app, for tests that only need to render or print a page. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...(await chromiumExecutable()), headless: true });
}

export interface BrowserHarness {
  baseUrl: string;
  browser: Browser;
  database: TestDatabase;
  app: App;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  login(page: Page, username: string, password: string): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  if (!fs.existsSync(`${WEB_ROOT}/index.html`)) throw new Error('app/dist is missing: run the tests through `npm test`, which builds it.');
  const database = await freshDatabase();
  const app = await buildApp({ db: database.db, config: { ...loadConfig({}), sessionTtlHours: 1 }, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ ...(await chromiumExecutable()), headless: true });
  return {
    baseUrl,
    browser,
    database,
    app,
    async newPage(viewport = { width: 1280, height: 860 }) {
      const context = await browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async login(page, username, password) {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async close() {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}
