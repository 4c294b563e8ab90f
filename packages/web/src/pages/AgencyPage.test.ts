import { CombinedError } from '@urql/core';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import { globalId } from '../lib/ids.ts';
import { recentAgencies } from '../lib/recent.ts';
import { createGongkaiRouter } from '../router.ts';
import AgencyPage from './AgencyPage.vue';

const AGENCY_ID = '440100-abcdefghij';
const rid = (year: number) => `${AGENCY_ID}-${year}`;

type Op = { variables: Record<string, unknown> };

function report(
  year: number,
  form: string,
  received: number | null,
  comparable: boolean,
  findingCount = 0,
) {
  return {
    id: `r${year}`,
    reportId: rid(year),
    year,
    form,
    findingCount,
    publishedAt: `${year + 1}-02-01`,
    metrics: [
      { metric: 'REQUESTS_RECEIVED', value: received, comparable },
      { metric: 'FEES_YUAN', value: 0, comparable: true },
    ],
  };
}

function agencyData(over: Record<string, unknown> = {}) {
  return {
    agency: {
      id: globalId('Agency', AGENCY_ID),
      agencyId: AGENCY_ID,
      name: '测试市测试局',
      aliases: ['测试市测试局', '测试局'],
      level: 'DEPARTMENT',
      regionCode: '440100',
      regionPath: ['甲省', '乙市'],
      reportCount: 3,
      latestYear: 2022,
      reports: {
        // Newest first, as the API gives them; 2021 has no report, 2019's form lacks the figure.
        edges: [
          report(2022, 'GOV_2021', 15, true, 3),
          report(2020, 'GOV_2019', 12, true),
          report(2019, 'NONE', null, false),
        ].map((node) => ({ node })),
        pageInfo: { hasNextPage: false },
      },
      ...over,
    },
    metrics: [
      { id: 'REQUESTS_RECEIVED', label: '收到申请', unit: '件' },
      { id: 'FEES_YUAN', label: '收取费用', unit: '元' },
    ],
  };
}

function makeClient(data: unknown) {
  return {
    executeQuery: vi.fn((op: Op) =>
      data === 'pending' ? never : fromValue({ operation: op, data }),
    ),
    executeMutation: vi.fn(),
    executeSubscription: vi.fn(),
  };
}

async function mountPage(client: ReturnType<typeof makeClient>, id = AGENCY_ID) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push(`/agencies/${id}`);
  await router.isReady();
  const w = mount(AgencyPage, { global: { plugins: [router], provide: { $urql: ref(client) } } });
  await flushPromises();
  return w;
}

afterEach(() => {
  localStorage.clear();
});

describe('AgencyPage', () => {
  it('asks for the agency by its global id and shows where it is', async () => {
    const client = makeClient(agencyData());
    const w = await mountPage(client);
    expect(client.executeQuery.mock.calls[0]?.[0].variables).toEqual({
      id: globalId('Agency', AGENCY_ID),
    });
    expect(w.get('h1').text()).toBe('测试市测试局');
    expect(w.text()).toContain('甲省 · 乙市 · 部门');
    expect(w.text()).toContain('又称：测试局');
    expect(w.get('a[href="/regions/440100"]').text()).toBe('浏览乙市的其他机构');
  });

  it('lists the reports newest first with their findings counted', async () => {
    const w = await mountPage(makeClient(agencyData()));
    const links = w.findAll('.reports a');
    expect(links.map((a) => a.attributes('href'))).toEqual([
      `/reports/${rid(2022)}`,
      `/reports/${rid(2020)}`,
      `/reports/${rid(2019)}`,
    ]);
    expect(links[0]?.text()).toContain('2022 年度报告');
    expect(links[0]?.text()).toContain('3 项疑点');
    expect(links[1]?.text()).not.toContain('疑点');
    expect(links[2]?.text()).toContain('无统计表（取自正文）');
  });

  it('draws each trend with gaps, not zeros, where a year has no comparable figure', async () => {
    const w = await mountPage(makeClient(agencyData()));
    const charts = w.findAll('svg[role="img"]');
    expect(charts).toHaveLength(2);
    const received = charts[0];
    expect(received?.attributes('aria-label')).toBe(
      '收到申请：2019 年 不可比，2020 年 12，2021 年 无报告，2022 年 15',
    );
    // 2019 and 2021 are gaps; 2020 and 2022 are lone dots with no line joining them across 2021.
    expect(received?.findAll('rect.spark-gap')).toHaveLength(2);
    expect(received?.findAll('circle')).toHaveLength(2);
    expect(received?.find('path').exists()).toBe(false);
    expect(w.findAll('figcaption')[0]?.text()).toContain('15（2022 年）');
    expect(w.findAll('.trend-range')[0]?.text()).toBe('2019–2022 年');
    // Fees are comparable every year: one unbroken line through the zeros of 2019–2020.
    expect(charts[1]?.attributes('aria-label')).toBe(
      '收取费用：2019 年 0 元，2020 年 0 元，2021 年 无报告，2022 年 0 元',
    );
    expect(charts[1]?.get('path').attributes('d')).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });

  it('links two chosen years to the comparison, older first', async () => {
    const w = await mountPage(makeClient(agencyData()));
    const link = () => w.find('.compare-years a');
    expect(link().attributes('href')).toBe(`/compare?reports=${rid(2020)},${rid(2022)}`);
    expect(link().text()).toBe('对比 2020 年与 2022 年');

    await w.get('#compare-first').setValue(rid(2022));
    await w.get('#compare-second').setValue(rid(2019));
    expect(link().attributes('href')).toBe(`/compare?reports=${rid(2019)},${rid(2022)}`);

    await w.get('#compare-second').setValue(rid(2022));
    expect(link().exists()).toBe(false);
    expect(w.get('.compare-years').text()).toContain('请选择两个不同的年份');
  });

  it('remembers the agency for the search page', async () => {
    await mountPage(makeClient(agencyData()));
    expect(recentAgencies()).toEqual([
      { agencyId: AGENCY_ID, name: '测试市测试局', region: '甲省乙市' },
    ]);
  });

  it('remembers an agency without a place with a null region', async () => {
    await mountPage(makeClient(agencyData({ regionPath: [], regionCode: null })));
    expect(recentAgencies()[0]?.region).toBeNull();
  });

  it.each([
    ['an unknown agency', { agency: null, metrics: [] }, AGENCY_ID, '这个机构不存在'],
    ['a malformed address', null, 'nonsense', '这个地址不是有效的机构地址'],
  ])('shows a not-found state for %s', async (_name, data, id, text) => {
    const client = makeClient(data);
    const w = await mountPage(client, id);
    expect(w.text()).toContain(text);
    expect(w.get('h1').text()).toBe('没有找到这个机构');
    if (!data) expect(client.executeQuery).not.toHaveBeenCalled();
    expect(recentAgencies()).toEqual([]);
  });

  it('shows an error with a retry that goes to the network', async () => {
    const client = {
      executeQuery: vi.fn((op: Op, _context?: Record<string, unknown>) =>
        fromValue({ operation: op, error: new CombinedError({ networkError: new Error('down') }) }),
      ),
      executeMutation: vi.fn(),
      executeSubscription: vi.fn(),
    };
    const w = await mountPage(client as unknown as ReturnType<typeof makeClient>);
    expect(w.get('[role="alert"]').text()).toContain('无法连接服务器');
    await w.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(client.executeQuery.mock.calls.at(-1)?.[1]?.requestPolicy).toBe('network-only');
  });

  it('shows a skeleton while loading', async () => {
    const w = await mountPage(makeClient('pending'));
    expect(w.get('[role="status"]').attributes('aria-label')).toBe('正在加载机构');
  });
});
