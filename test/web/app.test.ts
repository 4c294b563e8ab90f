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
});

describe('browse by place, and come back to it', () => {
  it('province → its agencies → an agency, then the search page remembers it', async () => {
    const context = await phone(browser, 'browser-of-regions');
    const page = await context.newPage();
    pageErrors.push(...watchErrors(page));
    await page.goto(`${api.base}/regions`);
    const province = page.locator('main a[href^="/regions/"]').first();
    await province.waitFor();
    await checkPage(page, '13-regions');
    await province.click();
    await page.waitForURL(/\/regions\/\d{6}$/);
    await page.getByRole('navigation', { name: '地区路径' }).waitFor();
    const agency = page.locator('main a[href^="/agencies/"]').first();
    await agency.waitFor();
    await checkPage(page, '14-region');
    await agency.click();
    const heading = page.getByRole('heading', { level: 1 });
    await page.waitForURL(/\/agencies\//);
    await page.getByRole('heading', { name: '历年报告' }).waitFor();
    const name = ((await heading.textContent()) ?? '').trim();

    await page.goto(`${api.base}/`);
    await page.getByRole('heading', { name: '最近查看' }).waitFor();
    expect(await page.getByRole('link', { name: new RegExp(name) }).count()).toBeGreaterThan(0);
    await context.close();
  });
});

const digits = (text: string | null) => (text ?? '').replace(/[^\d.]/g, '');

describe('look an agency up and trace a number to its source', () => {
  it('search → agency → report → tap a number → its source sentence or row', async () => {
    const page = await open(citizen, '/');
    const box = page.getByRole('combobox', { name: '机构名称或拼音' });
    await box.fill('pingtan');
    const option = page.getByRole('option').filter({ hasText: '平潭' }).first();
    await option.waitFor();
    // The text is mirrored into the address after a pause, so the search can be shared.
    await page.waitForURL(/\?q=pingtan$/);
    await checkPage(page, '02-search-results');
    const name = ((await option.textContent()) ?? '').trim();
    await option.click();

    // The agency page: its reports by year and the headline trends.
    await page.waitForURL(/\/agencies\/\d{6}-[a-z2-7]{10}$/);
    const agencyHeading = page.getByRole('heading', { level: 1, name: /平潭/ });
    await agencyHeading.waitFor();
    expect(name.startsWith(((await agencyHeading.textContent()) ?? '').trim())).toBe(true);
    const reportLinks = page.getByRole('link', { name: /\d{4} 年度报告/ });
    await reportLinks.first().waitFor();
    expect(await page.getByRole('img', { name: /收到申请/ }).count()).toBe(1);
    await checkPage(page, '03-agency');

    // The report page: every number is a button; one opens its provenance.
    await reportLinks.first().click();
    await page.waitForURL(/\/reports\/\d{6}-[a-z2-7]{10}-\d{4}$/);
    await page.getByRole('heading', { level: 1, name: /年度报告/ }).waitFor();
    const numbers = page.locator('main button[data-value-code]');
    await numbers.first().waitFor();
    await checkPage(page, '04-report');
    let tapped = numbers.first();
    for (const candidate of await numbers.all()) {
      if (
        /\d$/.test(
          (await candidate.getAttribute('aria-label')) ?? (await candidate.textContent()) ?? '',
        )
      ) {
        tapped = candidate;
        break;
      }
    }
    const code = await tapped.getAttribute('data-value-code');
    const shown = digits(await tapped.textContent());
    expect(shown).not.toBe('');
    await tapped.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForURL((url) => url.searchParams.get('v') === code);
    const mark = dialog.locator('mark').first();
    await mark.waitFor();
    // The highlighted span of the source text is the number itself.
    expect(digits(await mark.textContent())).toBe(shown);
    expect(await dialog.getByRole('link', { name: '提出更正' }).isVisible()).toBe(true);
    await checkPage(page, '05-provenance');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL((url) => !url.searchParams.has('v'));
    await page.close();
  });
});

/** A report of the sample set: the agency with the most reports, its newest and oldest years. */
async function sampleReports(): Promise<{ newest: string; oldest: string }> {
  type Agencies = {
    agencies: {
      edges: {
        node: { reportCount: number; reports: { edges: { node: { reportId: string } }[] } };
      }[];
    };
  };
  const r = await api.gql<Agencies>(
    '{ agencies(search: "pingtan", first: 10) { edges { node { reportCount reports(first: 10) { edges { node { reportId } } } } } } }',
  );
  const best = [...(r.body.data?.agencies.edges ?? [])].sort(
    (a, b) => b.node.reportCount - a.node.reportCount,
  )[0];
  const ids = best?.node.reports.edges.map((e) => e.node.reportId) ?? [];
  expect(ids.length).toBeGreaterThan(1);
  return { newest: ids[0] as string, oldest: ids.at(-1) as string };
}

describe('compare two reports', () => {
  it('side by side with deltas; rows the forms do not share say so; the URL is shareable', async () => {
    const { newest, oldest } = await sampleReports();
    const page = await open(citizen, `/compare?reports=${oldest},${newest}`);
    const table = page.getByRole('table').first();
    await table.waitFor();
    // The headline metrics: comparable across forms, with a delta against the first report.
    await page.getByRole('heading', { name: /主要指标/ }).waitFor();
    expect(await page.getByText(/较基准/).count()).toBeGreaterThan(0);
    // The two reports follow different forms: codes of one form only are marked, not computed.
    expect(await page.getByText(/不可比/).count()).toBeGreaterThan(0);
    await checkPage(page, '06-compare');

    // The same address on another phone shows the same comparison.
    const rows = await page.getByRole('row').count();
    const shared = await open(citizen, new URL(page.url()).pathname + new URL(page.url()).search);
    await shared.getByRole('heading', { name: /主要指标/ }).waitFor();
    expect(await shared.getByRole('row').count()).toBe(rows);
    await shared.close();
    await page.close();
  });

  it('opens a picker when the address names fewer than two reports', async () => {
    const page = await open(citizen, '/compare');
    await page.getByLabel('第 1 份报告的机构').waitFor();
    await checkPage(page, '07-compare-picker');
    await page.close();
  });
});

interface SampleValue {
  code: string;
  label: string;
  current: number;
}

/** A value printed as a number in a table of the report, read from the API. */
async function tableValue(reportId: string): Promise<SampleValue> {
  type Values = {
    report: { values: (SampleValue & { source: string; current: number | null })[] };
  };
  const r = await api.gql<Values>(
    `{ report(id: "${Buffer.from(`Report:${reportId}`).toString('base64')}") { values { code label current source } } }`,
  );
  const value = r.body.data?.report.values.find(
    (v) => v.source === 'TABLE' && v.current !== null && v.current > 0,
  );
  if (!value) throw new Error(`no table value in ${reportId}: ${JSON.stringify(r.body)}`);
  return value as SampleValue;
}

describe('a correction, from a citizen to a moderator and back to the report', () => {
  it('submit → moderator accepts → the report shows the new value and its history', async () => {
    const { newest } = await sampleReports();
    const value = await tableValue(newest);
    const proposed = value.current + 1;

    // The citizen opens the number's provenance and proposes a value with evidence.
    const page = await open(citizen, `/reports/${newest}?v=${value.code}`);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('link', { name: '提出更正' }).click();
    await page.waitForURL(new RegExp(`/reports/${newest}/correct/`));
    await page.getByLabel('正确的数值').fill(String(proposed));
    await page.getByLabel('依据').fill('原文第 3 页表格该行印的是这个数字，摘录时读错了一位。');
    await checkPage(page, '08-correct');
    await page.getByRole('button', { name: '提交更正' }).click();
    await page.waitForURL(/\/corrections\/[^/?]+\?submitted=1$/);
    await page.getByText('待审核').first().waitFor();
    await checkPage(page, '09-correction-status');
    const statusUrl = page.url();

    // The moderator, on another phone, signs in and accepts it with a reason.
    const moderatorPhone = await phone(browser, 'moderator');
    const mod = await moderatorPhone.newPage();
    pageErrors.push(...watchErrors(mod));
    await mod.goto(`${api.base}/moderate`);
    await mod.getByLabel('审核令牌').waitFor();
    await checkPage(mod, '10-moderate-sign-in');
    await mod.getByLabel('审核令牌').fill(await api.moderatorToken('moderator-1'));
    await mod.getByRole('button', { name: '登录' }).click();
    const card = mod.getByRole('article').filter({ hasText: value.code }).first();
    await card.waitFor();
    await checkPage(mod, '11-moderation-queue');
    await card.getByLabel('审核理由（公开显示）').fill('核对原文，确认应为该数值。');
    await card.getByRole('button', { name: '采纳' }).click();
    await mod.getByText('已采纳，报告已更新。').waitFor();

    // The effect is visible on the report: the new value, marked corrected, with its history.
    await mod.getByRole('link', { name: '查看更新后的数值' }).click();
    const after = mod.getByRole('dialog');
    await after.getByText('已更正').first().waitFor();
    expect(digits(await after.textContent())).toContain(String(proposed));
    expect(await after.locator('.history li').count()).toBeGreaterThan(0);
    await checkPage(mod, '12-report-after-correction');
    await moderatorPhone.close();

    // The citizen's status page now says it was accepted.
    await page.goto(statusUrl);
    await page.getByText('已采纳').first().waitFor();
    await page.close();
  });
});

describe('bad input', () => {
  it('shows a hostile search as text and runs nothing', async () => {
    const page = await open(citizen, '/');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await page.getByRole('combobox', { name: '机构名称或拼音' }).fill(hostile);
    await page
      .getByText(/没有找到/)
      .first()
      .waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    await page.close();
  });

  it.each([
    ['/reports/not-a-report', '没有找到这份报告', '这个地址不是有效的报告地址。'],
    ['/reports/350128-aaaaaaaaaa-2020', '没有找到这份报告', '这份报告不存在，可能是地址有误。'],
    ['/agencies/000000-aaaaaaaaaa', '没有找到这个机构', '这个机构不存在，可能是地址有误。'],
    ['/agencies/%3Cscript%3E', '没有找到这个机构', '这个地址不是有效的机构地址。'],
  ])('%s says what is wrong', async (path, heading, message) => {
    const page = await open(citizen, path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByText(message).waitFor();
    await page.close();
  });

  it('ignores report ids in a compare link it cannot read, and says so', async () => {
    const page = await open(citizen, '/compare?reports=x,%3Cb%3E');
    await page.getByText(/无法识别的报告编号，已忽略/).waitFor();
    await page.getByLabel('第 1 份报告的机构').waitFor();
    await page.close();
  });
});

describe('the whole visit', () => {
  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
