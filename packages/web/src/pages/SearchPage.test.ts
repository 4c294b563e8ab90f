import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue } from 'wonka';
import { RECENT_KEY, rememberAgency } from '../lib/recent.ts';
import { createGongkaiRouter } from '../router.ts';
import SearchPage from './SearchPage.vue';

type Op = { variables: Record<string, unknown> };

const NODE = {
  id: 'QWdlbmN5OjM1MDEwMC1hYWFhYWFhYWFh',
  agencyId: '350100-aaaaaaaaaa',
  name: '测试市教育局',
  regionPath: ['甲省', '乙市'],
  level: 'DEPARTMENT',
  reportCount: 2,
  latestYear: 2022,
};

function makeClient() {
  return {
    executeQuery: vi.fn((op: Op) =>
      fromValue({
        operation: op,
        data: { agencies: { edges: [{ node: NODE }], pageInfo: { hasNextPage: false } } },
      }),
    ),
    executeMutation: vi.fn(),
    executeSubscription: vi.fn(),
  };
}

async function mountAt(path: string, client = makeClient()) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const w = mount(SearchPage, {
    attachTo: document.body,
    global: { plugins: [router], provide: { $urql: ref(client) } },
  });
  await flushPromises();
  return { w, router, client };
}

async function wait(ms: number) {
  vi.advanceTimersByTime(ms);
  await flushPromises();
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.removeItem(RECENT_KEY);
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('SearchPage', () => {
  it('starts from ?q= and searches it', async () => {
    const { w, client } = await mountAt('/?q=gzsjy');
    expect(w.get('h1').text()).toBe('查找政府机构');
    expect((w.get('input').element as HTMLInputElement).value).toBe('gzsjy');
    expect(client.executeQuery.mock.calls[0]?.[0].variables).toEqual({ q: 'gzsjy' });
    expect(w.get('[role="option"]').text()).toContain('测试市教育局');
  });

  it('mirrors the text into ?q= after a pause, replacing the history entry', async () => {
    const { w, router } = await mountAt('/');
    const replace = vi.spyOn(router, 'replace');
    await w.get('input').setValue('guangzhou');
    await wait(399);
    expect(router.currentRoute.value.query.q).toBeUndefined();
    await wait(1);
    expect(router.currentRoute.value.fullPath).toBe('/?q=guangzhou');
    expect(replace).toHaveBeenCalledTimes(1);
    await w.get('input').setValue('  ');
    await wait(400);
    expect(router.currentRoute.value.fullPath).toBe('/');
  });

  it('opens the agency picked, leaving the search in the address for "back"', async () => {
    const { w, router } = await mountAt('/');
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined);
    await w.get('input').setValue('jiaoyu');
    await wait(200);
    await w.get('[role="option"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.q).toBe('jiaoyu');
    expect(push).toHaveBeenCalledWith('/agencies/350100-aaaaaaaaaa');
  });

  it('resets the box when the address drops the search', async () => {
    const { w, router } = await mountAt('/?q=abc');
    await router.push('/');
    await flushPromises();
    expect((w.get('input').element as HTMLInputElement).value).toBe('');
    expect(w.find('[role="option"]').exists()).toBe(false);
  });

  it('offers browsing by region, and no recent list when there is none', async () => {
    const { w } = await mountAt('/');
    expect(w.text()).not.toContain('最近查看');
    const browse = w.findAll('a').find((a) => a.text() === '按地区浏览');
    expect(browse?.attributes('href')).toBe('/regions');
  });

  it('lists the agencies viewed lately, and clears them', async () => {
    rememberAgency({ agencyId: '350100-bbbbbbbbbb', name: '旧机构', region: null });
    rememberAgency({ agencyId: '350100-aaaaaaaaaa', name: '测试市教育局', region: '甲省乙市' });
    const { w } = await mountAt('/');
    const section = w.get('section[aria-labelledby="recent-heading"]');
    const links = section.findAll('a');
    expect(links.map((a) => a.attributes('href'))).toEqual([
      '/agencies/350100-aaaaaaaaaa',
      '/agencies/350100-bbbbbbbbbb',
    ]);
    expect(links[0]?.text()).toContain('甲省乙市');
    await section.get('button').trigger('click');
    expect(localStorage.getItem(RECENT_KEY)).toBeNull();
    expect(w.findAll('section[aria-labelledby="recent-heading"] a')).toHaveLength(0);
    expect(w.text()).toContain('已清除最近查看的机构');
    expect(document.activeElement?.id).toBe('recent-heading');
  });

  it('hides the recent list while searching', async () => {
    rememberAgency({ agencyId: '350100-aaaaaaaaaa', name: '测试市教育局', region: null });
    const { w } = await mountAt('/');
    expect(w.text()).toContain('最近查看');
    await w.get('input').setValue('x');
    expect(w.text()).not.toContain('最近查看');
    expect(w.text()).not.toContain('不知道机构的准确名称');
  });
});
