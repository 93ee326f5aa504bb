/**
 * What the browser tests do to pages again and again: screenshots for a person to look at, the
 * phone-width overflow check, the page's own errors, antd Select picks, and API calls as a user of
 * the running app (to set up or check what the page shows).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const SHOTS = path.resolve('test-results');

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

export async function noHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate<{ scroll: number; width: number }>('({ scroll: document.documentElement.scrollWidth, width: window.innerWidth })');
  assert.ok(scroll <= width + 1, `page is ${scroll}px wide in a ${width}px viewport`);
}

/** Uncaught errors of the page, to be asserted empty at the end of a test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/**
 * Pick an option of an antd Select. Under load a click can land while the dropdown is still sliding
 * in and be lost, so the choice is checked and, if it did not take, made again. `scope` narrows the
 * Select to one card when a page has one per item.
 */
export async function choose(page: Page, testId: string, option: string, scope: Page | Locator = page): Promise<void> {
  const select = scope.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    const item = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
    await item.waitFor();
    await dropdown.locator('.ant-slide-up-enter, .ant-slide-up-appear').waitFor({ state: 'detached' }).catch(() => {});
    await item.click();
    try {
      await select.getByText(option).first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

export interface ApiSession {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it needs
  call(method: string, url: string, body?: unknown): Promise<{ status: number; json: any }>;
}

/** Sign in over HTTP as `username` and call the API with that session (cookie and CSRF token). */
export async function apiSession(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async call(method, url, body) {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const r = await fetch(`${baseUrl}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, json: text ? JSON.parse(text) : null };
    },
  };
}
