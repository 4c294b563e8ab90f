/**
 * The web app as a person on a phone uses it: headless Chromium at 360×740 against the real
 * local stack (the app built from source, the API, DynamoDB Local with the sample reports).
 * Every page is checked with axe-core and kept as a screenshot in test-results/web/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import {
  builtApp,
  expectAccessible,
  expectNoSidewaysScroll,
  launchChromium,
  phone,
  screenshot,
  watchErrors,
} from '../support/browser.ts';

let api: TestApi;
let browser: Browser;
let citizen: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  const [web, launched] = await Promise.all([builtApp(), launchChromium()]);
  browser = launched;
  api = await startTestApi({ web });
  citizen = await phone(browser, 'citizen');
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  pageErrors.push(...watchErrors(page));
  await page.goto(`${api.base}${path}`);
  return page;
}

/** Axe, no sideways scrolling, and a screenshot: what every page must pass. */
async function checkPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await expectNoSidewaysScroll(page, name);
  await screenshot(page, name);
}

describe('the app shell', () => {
  it('opens on the search page in Chinese, with a skip link and navigation', async () => {
    const page = await open(citizen, '/');
    await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(true);
    await checkPage(page, '01-search-empty');
    await page.close();
  });

  it('shows a not-found page for an unknown address', async () => {
    const page = await open(citizen, '/no/such/page');
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    await checkPage(page, '99-not-found');
    await page.close();
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
