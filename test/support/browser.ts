/**
 * Browser tests' equipment: the app built from source and served with the API on DynamoDB
 * Local, Debian's Chromium driven by playwright-core at a phone's size, axe-core for
 * accessibility, and screenshots kept under test-results/web/ as artifacts.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../packages/cli/src/web/chromium.ts';
import { loadStaticSite, type StaticSite } from '../../packages/cli/src/web/static-site.ts';
import { buildWebApp } from '../../packages/web/build.ts';

export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/web');

/** Builds the app into a temporary folder and loads it for serving. */
export async function builtApp(): Promise<StaticSite> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-web-'));
  try {
    return await loadStaticSite(await buildWebApp({ outDir: dir }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROME_PATH)`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
}

/**
 * A phone (360×740, touch) for one person. `client` names them to the API, which tells callers
 * apart by address; in tests everyone is on 127.0.0.1, so a header stands for the address.
 */
export async function phone(browser: Browser, client: string): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'x-test-client': client },
  });
}

/** Collects what the page logs as errors, and failed requests other than aborted ones. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is now; serious and critical violations fail the test. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking, `${where}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

/** A full-page screenshot, kept as a test artifact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Whether the page is wider than the phone: nothing may scroll sideways but inner tables. */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where} scrolls sideways`).toBeLessThanOrEqual(client);
}
