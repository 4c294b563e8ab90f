import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import { globalId } from '../lib/ids.ts';
import { createGongkaiRouter } from '../router.ts';
import CorrectionPage from './CorrectionPage.vue';

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

const value = {
  __typename: 'IndicatorValue',
  id: globalId('IndicatorValue', 'v-1'),
  label: '收到申请数',
  unit: '件',
  current: 13,
};

function correction(over: Record<string, unknown> = {}) {
  return {
    __typename: 'Correction',
    id: globalId('Correction', 'c-1'),
    status: 'PENDING',
    code: 'requests.received',
    basis: 12,
    proposed: null,
    evidence: '原文第三页\n表二',
    createdAt: '2024-01-02T03:04:05Z',
    reviewedAt: null,
    reason: null,
    mine: true,
    value,
    report,
    ...over,
  };
}

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
  component: typeof CorrectionPage,
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

describe('CorrectionPage', () => {
  it('shows the status, the change (a blank as 空白) and a confirmation after submitting', async () => {
    const client = makeClient({
      CorrectionPage: () => ({ correction: correction() }),
      MyCorrections: () => ({
        myCorrections: { __typename: 'QueryMyCorrectionsConnection', edges: [] },
      }),
    });
    const w = await mountAt(CorrectionPage, '/corrections/c-1?submitted=1', client);
    const ops = client.executeQuery.mock.calls.map(([op]) => op);
    const main = client.executeQuery.mock.calls.find(([op]) => nameOf(op) === 'CorrectionPage');
    expect(main?.[0].variables).toEqual({ id: globalId('Correction', 'c-1') });
    // A later visit must show the moderator's decision, not a cached "pending".
    expect(main?.[1]?.requestPolicy).toBe('cache-and-network');
    // The value's label comes with the correction: no request of its own.
    expect(ops.map((op) => nameOf(op)).sort()).toEqual(['CorrectionPage', 'MyCorrections']);

    expect(w.get('[role="status"]').text()).toContain('已收到你的更正');
    expect(w.get('.badge').text()).toBe('待审核');
    expect(w.text()).toContain('收到申请数');
    expect(w.get('.change').text()).toBe('12 → 改为空白');
    // Pending: what it reads now is not news yet.
    expect(w.find('.now').exists()).toBe(false);
    expect(w.get('.evidence').text()).toBe('原文第三页\n表二');
    expect(w.findAll('a').map((a) => a.attributes('href'))).toContain(
      `/reports/${REPORT}?v=requests.received`,
    );
  });

  it('shows the review: status, time and reason; no confirmation without the flag', async () => {
    const client = makeClient({
      CorrectionPage: () => ({
        correction: correction({
          status: 'REJECTED',
          proposed: 0,
          reviewedAt: '2024-02-01T00:00:00Z',
          reason: '原文确为 12',
        }),
      }),
    });
    const w = await mountAt(CorrectionPage, '/corrections/c-1', client);
    expect(w.find('.confirm').exists()).toBe(false);
    expect(w.get('.badge').text()).toBe('未采纳');
    expect(w.get('.change').text()).toBe('12 → 改为0');
    expect(w.get('.now').text()).toBe('13');
    expect(w.text()).toContain('审核理由原文确为 12');
    expect(w.text()).toContain('审核时间2024/2/1 08:00');
  });

  it('lists the other corrections of the caller', async () => {
    const client = makeClient({
      CorrectionPage: () => ({ correction: correction() }),
      MyCorrections: () => ({
        myCorrections: {
          __typename: 'QueryMyCorrectionsConnection',
          edges: [
            { __typename: 'QueryMyCorrectionsConnectionEdge', node: { ...correction(), report } },
            {
              __typename: 'QueryMyCorrectionsConnectionEdge',
              node: {
                ...correction({ id: globalId('Correction', 'c-2'), status: 'ACCEPTED' }),
                report,
              },
            },
          ],
        },
      }),
    });
    const w = await mountAt(CorrectionPage, '/corrections/c-1', client);
    const mine = w.get('section[aria-labelledby="my-corrections"]');
    expect(mine.findAll('li')).toHaveLength(1);
    expect(mine.get('a').attributes('href')).toBe('/corrections/c-2');
    expect(mine.text()).toContain('已采纳');
  });

  it('names the value by its code alone when the API no longer has it', async () => {
    const client = makeClient({
      CorrectionPage: () => ({ correction: correction({ status: 'ACCEPTED', value: null }) }),
    });
    const w = await mountAt(CorrectionPage, '/corrections/c-1', client);
    expect(w.text()).not.toContain('收到申请数');
    expect(w.get('code').text()).toBe('requests.received');
    expect(w.find('.now').exists()).toBe(false);
    expect(w.get('.change').text()).toBe('12 → 改为空白');
  });

  it('says when there is no such correction', async () => {
    const client = makeClient({ CorrectionPage: () => ({ correction: null }) });
    const w = await mountAt(CorrectionPage, '/corrections/nope', client);
    expect(w.text()).toContain('找不到这条更正');
  });
});
