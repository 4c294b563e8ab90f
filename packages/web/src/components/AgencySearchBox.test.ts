import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import { createGongkaiRouter } from '../router.ts';
import AgencySearchBox from './AgencySearchBox.vue';

type Op = {
  query: { definitions: { name?: { value: string } }[] };
  variables: Record<string, unknown>;
};

function agency(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `QWdlbmN5OjQ0MDEwMC1h${n}`,
    agencyId: `440100-aaaaaaaaa${n}`,
    name: `测试机构${n}`,
    regionPath: ['甲省', '乙市'],
    level: 'DEPARTMENT',
    reportCount: 3,
    latestYear: 2023,
    ...extra,
  };
}

function answer(nodes: ReturnType<typeof agency>[], hasNextPage = false) {
  return { agencies: { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage } } };
}

function makeClient(respond: (op: Op) => unknown) {
  return {
    executeQuery: vi.fn((op: Op) => respond(op)),
    executeMutation: vi.fn(),
    executeSubscription: vi.fn(),
  };
}

async function mountBox(
  client: ReturnType<typeof makeClient>,
  props: Record<string, unknown> = {},
) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push('/');
  await router.isReady();
  const w = mount(AgencySearchBox, {
    props,
    attachTo: document.body,
    global: { plugins: [router], provide: { $urql: ref(client) } },
  });
  await flushPromises();
  return w;
}

/** Types into the box and lets the debounce pass. */
async function type(w: Awaited<ReturnType<typeof mountBox>>, text: string, wait = 200) {
  await w.get('input').setValue(text);
  vi.advanceTimersByTime(wait);
  await flushPromises();
}

const searched = (client: ReturnType<typeof makeClient>) =>
  client.executeQuery.mock.calls.map(([op]) => op.variables.q);

beforeEach(() => {
  // flushPromises needs setImmediate; only the debounce timer is faked.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('AgencySearchBox', () => {
  it('labels the input as a combobox and sends nothing while empty', async () => {
    const client = makeClient((op) => fromValue({ operation: op, data: answer([]) }));
    const w = await mountBox(client);
    const input = w.get('input');
    expect(input.attributes('type')).toBe('search');
    expect(input.attributes('role')).toBe('combobox');
    expect(input.attributes('aria-expanded')).toBe('false');
    expect(w.get(`label[for="${input.attributes('id')}"]`).text()).toBe('机构名称或拼音');
    await type(w, '   ');
    expect(client.executeQuery).not.toHaveBeenCalled();
  });

  it('waits for a pause in typing, then sends the trimmed text once', async () => {
    const client = makeClient((op) => fromValue({ operation: op, data: answer([agency(1)]) }));
    const w = await mountBox(client);
    await w.get('input').setValue('g');
    vi.advanceTimersByTime(100);
    await w.get('input').setValue('gz');
    vi.advanceTimersByTime(100);
    await w.get('input').setValue(' gzsjy ');
    vi.advanceTimersByTime(199);
    await flushPromises();
    expect(client.executeQuery).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await flushPromises();
    expect(searched(client)).toEqual(['gzsjy']);
    expect(client.executeQuery.mock.calls[0]?.[0].query.definitions[0]?.name?.value).toBe(
      'AgencySearchBox',
    );
  });

  it('mirrors every change of the text', async () => {
    const client = makeClient((op) => fromValue({ operation: op, data: answer([]) }));
    const w = await mountBox(client);
    await w.get('input').setValue('广');
    await w.get('input').setValue('广州');
    expect(w.emitted('update:query')).toEqual([['广'], ['广州']]);
  });

  it('starts from the initial text', async () => {
    const client = makeClient((op) => fromValue({ operation: op, data: answer([agency(1)]) }));
    const w = await mountBox(client, { initial: 'gzsjy' });
    expect((w.get('input').element as HTMLInputElement).value).toBe('gzsjy');
    expect(searched(client)).toEqual(['gzsjy']);
    expect(w.findAll('[role="option"]')).toHaveLength(1);
  });

  it('lists results with place, level and reports, and announces the count', async () => {
    const client = makeClient((op) =>
      fromValue({
        operation: op,
        data: answer([agency(1), agency(2, { reportCount: 0, latestYear: null, level: 'CITY' })]),
      }),
    );
    const w = await mountBox(client);
    await type(w, 'ceshi');
    const options = w.findAll('[role="option"]');
    expect(options).toHaveLength(2);
    expect(options[0]?.text()).toContain('测试机构1');
    expect(options[0]?.text()).toContain('甲省乙市 · 部门');
    expect(options[0]?.text()).toContain('3 份报告 · 最新 2023 年');
    expect(options[1]?.text()).toContain('市级政府');
    expect(options[1]?.text()).toContain('暂无报告');
    const input = w.get('input');
    expect(input.attributes('aria-expanded')).toBe('true');
    expect(input.attributes('aria-controls')).toBe(w.get('[role="listbox"]').attributes('id'));
    expect(w.get('[role="status"]').text()).toBe('找到 2 个机构');
  });

  it('says when only the first results are shown', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => agency(i));
    const client = makeClient((op) => fromValue({ operation: op, data: answer(ten, true) }));
    const w = await mountBox(client);
    await type(w, 'ju');
    expect(w.get('[role="status"]').text()).toBe('找到 10 个以上机构，显示前 10 个');
    expect(w.text()).toContain('只显示前 10 个结果');
  });

  it('moves through the results with the arrow keys and picks one with Enter', async () => {
    const client = makeClient((op) =>
      fromValue({ operation: op, data: answer([agency(1), agency(2), agency(3)]) }),
    );
    const w = await mountBox(client);
    await type(w, 'ceshi');
    const input = w.get('input');
    await input.trigger('keydown', { key: 'Enter' });
    expect(w.emitted('select')).toBeUndefined();
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    const second = w.findAll('[role="option"]')[1];
    expect(input.attributes('aria-activedescendant')).toBe(second?.attributes('id'));
    expect(second?.attributes('aria-selected')).toBe('true');
    await input.trigger('keydown', { key: 'ArrowUp' });
    await input.trigger('keydown', { key: 'ArrowUp' });
    // Up from the first wraps to the last.
    expect(input.attributes('aria-activedescendant')).toBe(
      w.findAll('[role="option"]')[2]?.attributes('id'),
    );
    await input.trigger('keydown', { key: 'Enter' });
    expect(w.emitted('select')).toEqual([
      [{ id: agency(3).id, agencyId: agency(3).agencyId, name: '测试机构3' }],
    ]);
    expect(input.attributes('aria-expanded')).toBe('false');
  });

  it('picks a result by click', async () => {
    const client = makeClient((op) =>
      fromValue({ operation: op, data: answer([agency(1), agency(2)]) }),
    );
    const w = await mountBox(client);
    await type(w, 'ceshi');
    await w.findAll('[role="option"]')[1]?.trigger('click');
    expect(w.emitted('select')?.[0]?.[0]).toMatchObject({ agencyId: agency(2).agencyId });
  });

  it('collapses on Escape, and clears the text on a second Escape', async () => {
    const client = makeClient((op) => fromValue({ operation: op, data: answer([agency(1)]) }));
    const w = await mountBox(client);
    await type(w, 'ceshi');
    const input = w.get('input');
    await input.trigger('keydown', { key: 'Escape' });
    expect(w.find('[role="listbox"]').exists()).toBe(false);
    expect((input.element as HTMLInputElement).value).toBe('ceshi');
    await input.trigger('keydown', { key: 'Escape' });
    expect((input.element as HTMLInputElement).value).toBe('');
    expect(w.emitted('update:query')?.at(-1)).toEqual(['']);
  });

  it('shows a hint to try initials or browse by region when nothing matches', async () => {
    const client = makeClient((op) => fromValue({ operation: op, data: answer([]) }));
    const w = await mountBox(client);
    await type(w, 'zzzz');
    expect(w.find('[role="listbox"]').exists()).toBe(false);
    expect(w.text()).toContain('没有找到与“zzzz”匹配的机构');
    expect(w.text()).toContain('拼音首字母');
    expect(w.get('a[href="/regions"]').text()).toBe('按地区浏览');
    expect(w.get('.visually-hidden[role="status"]').text()).toBe('没有找到与“zzzz”匹配的机构');
  });

  it('shows a small status while the answer is on its way', async () => {
    const client = makeClient(() => never);
    const w = await mountBox(client);
    await type(w, 'ceshi');
    expect(w.text()).toContain('正在搜索');
    expect(w.find('[role="listbox"]').exists()).toBe(false);
  });

  it('shows an error with a retry that asks the network again', async () => {
    let fail = true;
    const client = makeClient((op) =>
      fail
        ? fromValue({
            operation: op,
            data: undefined,
            error: { networkError: new Error('down'), graphQLErrors: [] },
          })
        : fromValue({ operation: op, data: answer([agency(1)]) }),
    );
    const w = await mountBox(client);
    await type(w, 'ceshi');
    expect(w.get('[role="alert"]').text()).toContain('无法连接服务器');
    fail = false;
    await w.get('[role="alert"] button').trigger('click');
    await flushPromises();
    const [op, context] = client.executeQuery.mock.calls.at(-1) as unknown as [
      Op,
      { requestPolicy?: string },
    ];
    expect(op.variables.q).toBe('ceshi');
    expect(context.requestPolicy).toBe('network-only');
    expect(w.find('[role="alert"]').exists()).toBe(false);
    expect(w.findAll('[role="option"]')).toHaveLength(1);
  });

  it('hides the results at once when the text is cleared', async () => {
    const client = makeClient((op) => fromValue({ operation: op, data: answer([agency(1)]) }));
    const w = await mountBox(client);
    await type(w, 'ceshi');
    await w.get('input').setValue('');
    await flushPromises();
    expect(w.find('[role="listbox"]').exists()).toBe(false);
    expect(w.text()).not.toContain('没有找到');
  });
});
