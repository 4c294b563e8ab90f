import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { fromValue, never } from 'wonka';
import AgencySearchBox from '../components/AgencySearchBox.vue';
import { globalId } from '../lib/ids.ts';
import { createGongkaiRouter } from '../router.ts';
import ComparePage from './ComparePage.vue';

type Op = {
  query: { definitions: { name?: { value: string } }[] };
  variables: Record<string, unknown>;
};
const nameOf = (op: Op) => op.query.definitions[0]?.name?.value;

const A = '440100-aaaaaaaaaa-2021';
const B = '440100-aaaaaaaaaa-2020';
const C = '350128-bbbbbbbbbb-2022';

const report = (reportId: string, year: number) => ({
  __typename: 'Report',
  id: globalId('Report', reportId),
  reportId,
  year,
  form: 'GOV_2021',
  agency: {
    __typename: 'Agency',
    id: globalId('Agency', reportId.slice(0, 17)),
    agencyId: reportId.slice(0, 17),
    name: reportId.startsWith('440100') ? '甲市教育局' : '乙区人民政府',
  },
});

const success = {
  compare: {
    __typename: 'QueryCompareSuccess',
    data: {
      __typename: 'Comparison',
      reports: [report(A, 2021), report(B, 2020)],
      rows: [
        {
          __typename: 'CompareRow',
          key: 'requests.received',
          kind: 'INDICATOR',
          label: '收到申请数',
          unit: '件',
          comparable: true,
          reason: null,
          deltas: [null, 4],
          cells: [
            { __typename: 'CompareCell', status: 'VALUE', value: 10, yuan: null, unit: '件' },
            { __typename: 'CompareCell', status: 'VALUE', value: 14, yuan: null, unit: '件' },
          ],
        },
      ],
    },
  },
};

const agencyReports = (agencyId: string, name: string, years: number[]) => ({
  agency: {
    __typename: 'Agency',
    id: globalId('Agency', agencyId),
    agencyId,
    name,
    reports: {
      __typename: 'AgencyReportsConnection',
      edges: years.map((year) => ({
        __typename: 'AgencyReportsConnectionEdge',
        node: {
          __typename: 'Report',
          id: globalId('Report', `${agencyId}-${year}`),
          reportId: `${agencyId}-${year}`,
          year,
          form: 'GOV_2021',
        },
      })),
    },
  },
});

function makeClient(answers: Record<string, (op: Op) => unknown>) {
  return {
    executeQuery: vi.fn((op: Op) => {
      const answer = answers[nameOf(op) ?? ''];
      return answer ? fromValue({ operation: op, data: answer(op) }) : never;
    }),
    executeMutation: vi.fn(),
    executeSubscription: vi.fn(),
  };
}

async function mountAt(path: string, client: ReturnType<typeof makeClient>) {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push(path);
  await router.isReady();
  const w = mount(ComparePage, {
    attachTo: document.body,
    global: { plugins: [router], provide: { $urql: ref(client) } },
  });
  await flushPromises();
  return { w, router };
}

const calls = (client: ReturnType<typeof makeClient>, name: string) =>
  client.executeQuery.mock.calls.filter(([op]) => nameOf(op) === name).map(([op]) => op.variables);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ComparePage', () => {
  it('compares the reports of the address, by their global ids, in order', async () => {
    const client = makeClient({ ComparePage: () => success });
    const { w } = await mountAt(`/compare?reports=${A},${B},${A}`, client);
    expect(calls(client, 'ComparePage')).toEqual([
      { reports: [globalId('Report', A), globalId('Report', B)] },
    ]);
    expect(w.get('h1').text()).toBe('对比报告');
    expect(w.text()).toContain('甲市教育局：2021 年、2020 年');
    expect(w.get('tbody').text()).toContain('+4');
  });

  it('shows a skeleton while loading', async () => {
    const client = makeClient({});
    const { w } = await mountAt(`/compare?reports=${A},${B}`, client);
    expect(w.find('[aria-label="正在载入对比"]').exists()).toBe(true);
  });

  it('names the reports that were not found and offers the picker with the others', async () => {
    const client = makeClient({
      ComparePage: () => ({
        compare: { __typename: 'NotFoundError', message: `report ${B} was not found` },
      }),
      CompareSlotReports: () => agencyReports('440100-aaaaaaaaaa', '甲市教育局', [2021, 2020]),
    });
    const { w } = await mountAt(`/compare?reports=${A},${B}`, client);
    expect(w.get('[role="alert"]').text()).toBe(`找不到这些报告：${B}。请重新选择。`);
    expect(w.findAll('fieldset legend').map((l) => l.text())).toEqual([
      '第 1 份报告',
      '第 2 份报告',
    ]);
    expect((w.get('select').element as HTMLSelectElement).value).toBe(A);
  });

  it('explains an invalid comparison in Chinese', async () => {
    const client = makeClient({
      ComparePage: () => ({
        compare: {
          __typename: 'InvalidInputError',
          message: 'compare takes 2 to 5 different reports, got 1',
        },
      }),
    });
    const { w } = await mountAt(`/compare?reports=${A},${B}`, client);
    expect(w.get('[role="alert"]').text()).toBe('这些报告无法对比：请选择两到五份不同的报告。');
  });

  it('tells which parts of the address were ignored', async () => {
    const client = makeClient({ ComparePage: () => success });
    const { w } = await mountAt(`/compare?reports=${A},nonsense,${B}`, client);
    expect(w.text()).toContain('链接里有 1 个无法识别的报告编号，已忽略：nonsense');
  });

  it('with fewer than two reports, picks them and puts them in the address', async () => {
    const client = makeClient({
      CompareSlotReports: (op) =>
        op.variables.id === globalId('Agency', '440100-aaaaaaaaaa')
          ? agencyReports('440100-aaaaaaaaaa', '甲市教育局', [2021, 2020])
          : agencyReports('350128-bbbbbbbbbb', '乙区人民政府', [2022, 2021]),
    });
    const { w, router } = await mountAt(`/compare?reports=${A}`, client);
    expect(calls(client, 'ComparePage')).toEqual([]);

    // Comparing with one report says what is missing and goes nowhere.
    await w.get('form').trigger('submit');
    expect(w.get('[role="alert"]').text()).toBe('请至少选择两份报告。');
    expect(router.currentRoute.value.fullPath).toBe(`/compare?reports=${A}`);

    // The second slot: an agency, whose newest report is picked for it.
    const box = w.findComponent(AgencySearchBox);
    expect(box.props('label')).toBe('第 2 份报告的机构');
    box.vm.$emit('select', {
      id: globalId('Agency', '350128-bbbbbbbbbb'),
      agencyId: '350128-bbbbbbbbbb',
      name: '乙区人民政府',
    });
    await flushPromises();
    const year = w.get('#compare-slot-1-year');
    expect((year.element as HTMLSelectElement).value).toBe(C);
    await year.setValue('350128-bbbbbbbbbb-2021');

    await w.get('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query.reports).toBe(`${A},350128-bbbbbbbbbb-2021`);
  });

  it('picks another year when the same agency is chosen twice', async () => {
    const client = makeClient({
      CompareSlotReports: () => agencyReports('440100-aaaaaaaaaa', '甲市教育局', [2021, 2020]),
    });
    const { w } = await mountAt(`/compare?reports=${A}`, client);
    w.findComponent(AgencySearchBox).vm.$emit('select', {
      id: globalId('Agency', '440100-aaaaaaaaaa'),
      agencyId: '440100-aaaaaaaaaa',
      name: '甲市教育局',
    });
    await flushPromises();
    expect((w.get('#compare-slot-1-year').element as HTMLSelectElement).value).toBe(B);
  });

  it('adds a third report and removes one', async () => {
    const client = makeClient({
      CompareSlotReports: () => agencyReports('440100-aaaaaaaaaa', '甲市教育局', [2021, 2020]),
    });
    const { w } = await mountAt('/compare', client);
    const legends = () => w.findAll('fieldset legend').map((l) => l.text());
    expect(legends()).toEqual(['第 1 份报告', '第 2 份报告']);
    await w
      .findAll('button')
      .find((b) => b.text() === '添加一份报告')
      ?.trigger('click');
    expect(legends()).toEqual(['第 1 份报告', '第 2 份报告', '第 3 份报告']);
    await w
      .findAll('button')
      .find((b) => b.text() === '移除第 2 份报告')
      ?.trigger('click');
    expect(legends()).toEqual(['第 1 份报告', '第 2 份报告']);
  });
});
