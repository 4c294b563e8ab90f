import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import { createGongkaiRouter } from '../router.ts';
import RegionPage from './RegionPage.vue';

type Op = {
  query: { definitions: { name?: { value: string } }[] };
  variables: Record<string, unknown>;
};
const opName = (op: Op) => op.query.definitions[0]?.name?.value;

function makeClient(respond: (op: Op) => unknown) {
  return {
    executeQuery: vi.fn((op: Op) => respond(op)),
    executeMutation: vi.fn(),
    executeSubscription: vi.fn(),
  };
}
type Client = ReturnType<typeof makeClient>;
const callsOf = (client: Client, name: string) =>
  client.executeQuery.mock.calls.filter(([op]) => opName(op) === name);

const PROVINCE = {
  code: '350000',
  name: '甲省',
  level: 'PROVINCE',
  agencyCount: 23,
  path: [{ code: '350000', name: '甲省' }],
  children: [
    { code: '350100', name: '乙市', level: 'CITY', agencyCount: 20 },
    { code: '350200', name: '丙市', level: 'CITY', agencyCount: 3 },
  ],
};
const CITY = {
  code: '350100',
  name: '乙市',
  level: 'CITY',
  agencyCount: 2,
  path: [
    { code: '350000', name: '甲省' },
    { code: '350100', name: '乙市' },
  ],
  children: [],
};

function agency(n: number) {
  return {
    id: `id-${n}`,
    agencyId: `350100-aaaaaaa${String(n).padStart(3, '0')}`,
    name: `机构${n}`,
    level: 'DEPARTMENT',
    regionPath: ['甲省', '乙市', '丁区'],
    reportCount: n % 3,
    latestYear: n % 3 ? 2020 + (n % 3) : null,
  };
}
const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => agency(from + i));

function agenciesPage(nodes: ReturnType<typeof agency>[], endCursor: string | null) {
  return {
    agencies: {
      edges: nodes.map((node) => ({ node })),
      pageInfo: { hasNextPage: endCursor !== null, endCursor },
    },
  };
}

/** A server with a province of 23 agencies (pages of 20) and a city of 2. */
function server(overrides: Partial<Record<string, (op: Op) => unknown>> = {}) {
  return makeClient((op) => {
    const name = opName(op) ?? '';
    const override = overrides[name];
    if (override) return override(op);
    if (name === 'RegionProvinces')
      return fromValue({
        operation: op,
        data: {
          regions: [
            { code: '350000', name: '甲省', level: 'PROVINCE', agencyCount: 23 },
            { code: '610000', name: '戊省', level: 'PROVINCE', agencyCount: 1 },
          ],
        },
      });
    if (name === 'RegionDetail') {
      const region = { '350000': PROVINCE, '350100': CITY }[op.variables.code as string] ?? null;
      return fromValue({ operation: op, data: { region } });
    }
    if (name === 'RegionAgencies') {
      if (op.variables.code === '350100')
        return fromValue({ operation: op, data: agenciesPage(range(99, 101), null) });
      const data =
        op.variables.after == null
          ? agenciesPage(range(0, 20), 'cursor-20')
          : agenciesPage(range(20, 23), null);
      return fromValue({ operation: op, data });
    }
    throw new Error(`unexpected ${name}`);
  });
}

async function mountAt(path: string, client: Client) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const w = mount(RegionPage, {
    attachTo: document.body,
    global: { plugins: [router], provide: { $urql: ref(client) } },
  });
  await flushPromises();
  return { w, router };
}

describe('RegionPage', () => {
  it('lists the provinces with their counts', async () => {
    const client = server();
    const { w } = await mountAt('/regions', client);
    expect(w.get('h1').text()).toBe('按地区浏览');
    const links = w.findAll('ul a');
    expect(links.map((a) => a.attributes('href'))).toEqual(['/regions/350000', '/regions/610000']);
    expect(links[0]?.text()).toContain('甲省');
    expect(links[0]?.text()).toContain('23 个机构');
    expect(callsOf(client, 'RegionDetail')).toHaveLength(0);
    expect(callsOf(client, 'RegionAgencies')).toHaveLength(0);
  });

  it('shows a division: breadcrumb, heading, children and its agencies', async () => {
    const client = server();
    const { w } = await mountAt('/regions/350100', client);
    const crumbs = w.get('nav[aria-label="地区路径"]');
    const links = crumbs.findAll('a');
    expect(
      links.map((a) => [a.text(), a.attributes('href'), a.attributes('aria-current')]),
    ).toEqual([
      ['全国', '/regions', undefined],
      ['甲省', '/regions/350000', undefined],
      ['乙市', '/regions/350100', 'page'],
    ]);
    expect(w.get('h1').text()).toBe('乙市');
    expect(w.text()).toContain('市 · 共 2 个机构');
    // A county-less city has no "下级地区" section.
    expect(w.text()).not.toContain('下级地区');
    const agencies = w.findAll('section ul a');
    expect(agencies.map((a) => a.attributes('href'))).toEqual([
      '/agencies/350100-aaaaaaa099',
      '/agencies/350100-aaaaaaa100',
    ]);
    // Only the part of the place below the division is repeated.
    expect(agencies[1]?.text()).toContain('丁区 · 部门 · 1 份报告 · 最新 2021 年');
    expect(agencies[0]?.text()).toContain('暂无报告');
    expect(w.find('button').exists()).toBe(false);
    expect(callsOf(client, 'RegionDetail')[0]?.[0].variables).toEqual({ code: '350100' });
    expect(callsOf(client, 'RegionAgencies')[0]?.[0].variables).toEqual({
      code: '350100',
      after: null,
    });
  });

  it('links the child divisions with their counts', async () => {
    const { w } = await mountAt('/regions/350000', server());
    const section = w.findAll('section').find((s) => s.text().includes('下级地区'));
    const links = section?.findAll('a') ?? [];
    expect(links.map((a) => a.attributes('href'))).toEqual(['/regions/350100', '/regions/350200']);
    expect(links[0]?.text()).toContain('20 个机构');
  });

  it('appends the next page on "加载更多", keeping the loaded ones', async () => {
    const client = server();
    const { w } = await mountAt('/regions/350000', client);
    const list = () => w.findAll('section ul.agencies a');
    expect(list()).toHaveLength(20);
    expect(w.text()).toContain('已显示 20 / 23 个机构');
    const more = w.get('button');
    expect(more.text()).toBe('加载更多');
    await more.trigger('click');
    await flushPromises();
    expect(callsOf(client, 'RegionAgencies').map(([op]) => op.variables)).toEqual([
      { code: '350000', after: null },
      { code: '350000', after: 'cursor-20' },
    ]);
    expect(list()).toHaveLength(23);
    expect(list()[0]?.text()).toContain('机构0');
    expect(list()[22]?.text()).toContain('机构22');
    expect(w.find('button').exists()).toBe(false);
    expect(w.text()).toContain('已显示 23 / 23 个机构');
    // Reading carries on at the first new agency.
    expect(document.activeElement).toBe(list()[20]?.element);
    expect(w.get('.visually-hidden[role="status"]').text()).toBe('已加载 23 个机构');
  });

  it('keeps the loaded page while the next one loads, and retries a failed one', async () => {
    let next: 'wait' | 'fail' | 'ok' = 'wait';
    const client = server({
      RegionAgencies: (op) => {
        if (op.variables.after == null)
          return fromValue({ operation: op, data: agenciesPage(range(0, 20), 'cursor-20') });
        if (next === 'wait') return never;
        if (next === 'fail')
          return fromValue({
            operation: op,
            data: undefined,
            error: { networkError: new Error('down'), graphQLErrors: [] },
          });
        return fromValue({ operation: op, data: agenciesPage(range(20, 23), null) });
      },
    });
    const { w } = await mountAt('/regions/350000', client);
    await w.get('button').trigger('click');
    await flushPromises();
    expect(w.findAll('section ul.agencies a')).toHaveLength(20);
    expect(w.find('[aria-label="正在加载更多机构"]').exists()).toBe(true);
    expect(w.find('button').exists()).toBe(false);

    next = 'fail';
    w.unmount();
    const again = await mountAt('/regions/350000', client);
    await again.w.get('button').trigger('click');
    await flushPromises();
    expect(again.w.findAll('section ul.agencies a')).toHaveLength(20);
    expect(again.w.get('[role="alert"]').text()).toContain('无法连接服务器');
    next = 'ok';
    await again.w.get('[role="alert"] button').trigger('click');
    await flushPromises();
    const [op, context] = client.executeQuery.mock.calls.at(-1) as unknown as [
      Op,
      { requestPolicy?: string },
    ];
    expect(op.variables).toEqual({ code: '350000', after: 'cursor-20' });
    expect(context.requestPolicy).toBe('network-only');
    expect(again.w.findAll('section ul.agencies a')).toHaveLength(23);
    expect(again.w.find('[role="alert"]').exists()).toBe(false);
  });

  it('starts the listing over in another division', async () => {
    const client = server();
    const { w, router } = await mountAt('/regions/350000', client);
    await w.get('button').trigger('click');
    await flushPromises();
    await router.push('/regions/350100');
    await flushPromises();
    expect(w.get('h1').text()).toBe('乙市');
    expect(w.findAll('section ul.agencies a')).toHaveLength(2);
    // No request pairs the city with the province's cursor.
    expect(
      callsOf(client, 'RegionAgencies')
        .map(([op]) => op.variables)
        .filter((v) => v.code === '350100'),
    ).toEqual([{ code: '350100', after: null }]);
  });

  it('says so for an unknown division, with a way back', async () => {
    const { w } = await mountAt('/regions/999999', server());
    expect(w.get('h1').text()).toBe('找不到这个地区');
    expect(w.text()).toContain('没有编码为 999999 的行政区划');
    expect(w.get('a[href="/regions"]').text()).toBe('返回按地区浏览');
    expect(w.find('nav').exists()).toBe(false);
  });

  it('shows a skeleton while the division loads', async () => {
    const client = server({ RegionDetail: () => never });
    const { w } = await mountAt('/regions/350000', client);
    expect(w.find('[aria-label="正在加载地区"]').exists()).toBe(true);
    expect(w.find('nav').exists()).toBe(false);
  });

  it('says when a division holds no agencies', async () => {
    const client = server({
      RegionAgencies: (op) => fromValue({ operation: op, data: agenciesPage([], null) }),
    });
    const { w } = await mountAt('/regions/350100', client);
    expect(w.text()).toContain('这个地区还没有收录机构');
  });

  it('offers a retry when the provinces fail to load', async () => {
    let fail = true;
    const client = server({
      RegionProvinces: (op) =>
        fail
          ? fromValue({
              operation: op,
              data: undefined,
              error: { networkError: new Error('x'), graphQLErrors: [] },
            })
          : fromValue({ operation: op, data: { regions: [] } }),
    });
    const { w } = await mountAt('/regions', client);
    expect(w.get('[role="alert"]').text()).toContain('无法连接服务器');
    fail = false;
    await w.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(w.text()).toContain('还没有收录任何机构');
  });
});
