import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import { globalId } from '../lib/ids.ts';
import { createGongkaiRouter } from '../router.ts';
import CorrectPage from './CorrectPage.vue';

type Op = {
  query: { definitions: { name?: { value: string } }[] };
  variables: Record<string, unknown>;
};
const nameOf = (op: Op) => op.query.definitions[0]?.name?.value;

const REPORT = '440100-aaaaaaaaaa-2021';
const report = {
  __typename: 'Report',
  id: globalId('Report', REPORT),
  reportId: REPORT,
  year: 2021,
  agency: {
    __typename: 'Agency',
    id: globalId('Agency', '440100-aaaaaaaaaa'),
    agencyId: '440100-aaaaaaaaaa',
    name: '甲市教育局',
  },
};

function makeClient(answers: Record<string, (op: Op) => unknown>) {
  return {
    executeQuery: vi.fn((op: Op, _context?: { requestPolicy?: string }) => {
      const answer = answers[nameOf(op) ?? ''];
      return answer ? fromValue({ operation: op, data: answer(op) }) : never;
    }),
    executeMutation: vi.fn(),
    executeSubscription: vi.fn(),
  };
}

async function mountAt(
  component: typeof CorrectPage,
  path: string,
  client: ReturnType<typeof makeClient>,
) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const w = mount(component, {
    attachTo: document.body,
    global: { plugins: [router], provide: { $urql: ref(client) } },
  });
  await flushPromises();
  return w;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CorrectPage', () => {
  const answer = (over: Record<string, unknown> = {}) => ({
    report: {
      ...report,
      value: {
        __typename: 'IndicatorValue',
        id: 'v',
        code: 'requests.received',
        label: '收到申请数',
        unit: '件',
        current: null,
        extracted: 7,
        corrected: true,
        source: 'TABLE',
        context: {
          __typename: 'SourceContext',
          before: '（一）收到申请数',
          text: '7',
          after: '件',
        },
        ...over,
      },
    },
  });

  it('shows what is corrected, blank as 空白, and the source span marked', async () => {
    const client = makeClient({ CorrectPage: () => answer() });
    const w = await mountAt(CorrectPage, `/reports/${REPORT}/correct/requests.received`, client);
    expect(client.executeQuery.mock.calls[0]?.[0].variables).toEqual({
      id: globalId('Report', REPORT),
      code: 'requests.received',
    });
    expect(w.get('h1').text()).toBe('提交更正');
    expect(w.text()).toContain('甲市教育局');
    expect(w.get('.current strong').text()).toBe('空白');
    expect(w.get('.current').text()).toContain('原文提取为 7');
    expect(w.get('mark').text()).toBe('7');
    expect(w.get('blockquote').text()).toBe('…（一）收到申请数7件…');
    expect(w.find('form').exists()).toBe(true);
  });

  it('says when the report has no such value', async () => {
    const client = makeClient({ CorrectPage: () => ({ report: { ...report, value: null } }) });
    const w = await mountAt(CorrectPage, `/reports/${REPORT}/correct/nope`, client);
    expect(w.text()).toContain('这份报告没有代码为“nope”的数值。');
    expect(w.find('form').exists()).toBe(false);
  });
});
