import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import type { CompareCellLike, CompareRowLike } from '../../lib/compare-rows.ts';
import { createGongkaiRouter } from '../../router.ts';
import CompareTable, { type ComparedReport } from './CompareTable.vue';

const reports: ComparedReport[] = [
  { reportId: '440100-aaaaaaaaaa-2020', year: 2020, form: 'GOV_2019', agency: { name: '甲局' } },
  { reportId: '440100-aaaaaaaaaa-2021', year: 2021, form: 'GOV_2021', agency: { name: '甲局' } },
];

const v = (value: number, unit = '件'): CompareCellLike => ({
  status: 'VALUE',
  value,
  unit,
  yuan: null,
});
const cell = (status: CompareCellLike['status']): CompareCellLike => ({
  status,
  value: null,
  unit: null,
  yuan: null,
});

const rows: CompareRowLike[] = [
  {
    key: 'requestsReceived',
    kind: 'METRIC',
    label: '收到申请',
    unit: '件',
    comparable: true,
    reason: null,
    deltas: [null, 5],
    cells: [v(10), v(15)],
  },
  {
    key: 'requests.received',
    kind: 'INDICATOR',
    label: '收到申请数',
    unit: '件',
    comparable: true,
    reason: null,
    deltas: [null, -3],
    cells: [v(10), v(7)],
  },
  {
    key: 'requests.concluded',
    kind: 'INDICATOR',
    label: '申请办结数',
    unit: '件',
    comparable: true,
    reason: null,
    deltas: [null, null],
    cells: [v(0), cell('BLANK')],
  },
  {
    key: 'requests.same',
    kind: 'INDICATOR',
    label: '相同的行',
    unit: '件',
    comparable: true,
    reason: null,
    deltas: [null, 0],
    cells: [v(4), v(4)],
  },
  {
    key: 'proactive.items',
    kind: 'INDICATOR',
    label: '主动公开政府信息数',
    unit: '条',
    comparable: false,
    reason: 'NOT_IN_FORM',
    // Deltas the API should not send for such a row: never shown.
    deltas: [null, 9],
    cells: [cell('NOT_REPORTED'), cell('NOT_APPLICABLE')],
  },
];

async function mountTable() {
  const router = createGongkaiRouter(createMemoryHistory());
  await router.push('/compare');
  await router.isReady();
  const w = mount(CompareTable, { props: { reports, rows }, global: { plugins: [router] } });
  await flushPromises();
  return w;
}

const rowOf = (w: Awaited<ReturnType<typeof mountTable>>, label: string) => {
  const row = w.findAll('tbody tr').find((tr) => tr.get('th').text().includes(label));
  if (!row) throw new Error(`no row ${label}`);
  return row;
};

describe('CompareTable', () => {
  it('heads each group and each report, with row headers', async () => {
    const w = await mountTable();
    expect(w.findAll('h2').map((h) => h.text())).toEqual([
      '主要指标（不同表式之间可比）',
      '依申请公开',
      '主动公开',
    ]);
    const heads = w.findAll('thead th[scope="col"]').map((th) => th.text());
    expect(heads.slice(0, 3)).toEqual([
      '项目',
      '2020 年，2019 年条例表，基准',
      '2021 年，2021 年新表',
    ]);
    expect(w.findAll('tbody th[scope="row"]')).toHaveLength(rows.length);
    expect(w.find('.table-wrap table').exists()).toBe(true);
  });

  it('shows values, blanks as blank with a spoken 空白, and the other statuses in words', async () => {
    const w = await mountTable();
    const concluded = rowOf(w, '申请办结数').findAll('td');
    expect(concluded[0]?.text()).toBe('0');
    const blank = concluded[1]?.get('.value');
    expect(blank?.get('.visually-hidden').text()).toBe('空白');
    expect(blank?.text()).toBe('空白'); // only the hidden label: nothing visible
    const missing = rowOf(w, '主动公开政府信息数').findAll('td');
    expect(missing.map((td) => td.get('.value').text())).toEqual(['未报告', '表中无此项']);
  });

  it('shows differences from the first report with a sign, a word and a direction', async () => {
    const w = await mountTable();
    const up = rowOf(w, '收到申请').findAll('td')[1]?.get('.delta');
    expect(up?.text()).toContain('+5');
    expect(up?.text()).toContain('较基准');
    expect(up?.classes()).toContain('up');
    const down = rowOf(w, '收到申请数').findAll('td')[1]?.get('.delta');
    expect(down?.text()).toContain('−3');
    expect(down?.classes()).toContain('down');
    expect(rowOf(w, '收到申请数').findAll('td')[0]?.find('.delta').exists()).toBe(false);
  });

  it('gives the reason instead of differences where the row is not comparable', async () => {
    const w = await mountTable();
    const row = rowOf(w, '主动公开政府信息数');
    expect(row.get('th').text()).toContain('不可比：有的报告表格中没有此项');
    expect(row.find('.delta').exists()).toBe(false);
    expect(row.text()).not.toContain('+9');
  });

  it('links printed indicator values (blanks too) to their provenance, not metrics or missing ones', async () => {
    const w = await mountTable();
    const hrefs = w.findAll('a').map((a) => a.attributes('href'));
    expect(hrefs).toContain('/reports/440100-aaaaaaaaaa-2021?v=requests.received');
    expect(hrefs).toContain('/reports/440100-aaaaaaaaaa-2021?v=requests.concluded');
    expect(hrefs.some((h) => h?.includes('requestsReceived'))).toBe(false);
    expect(hrefs.some((h) => h?.includes('proactive.items'))).toBe(false);
  });

  it('filters to differing and to comparable rows', async () => {
    const w = await mountTable();
    const labels = () => w.findAll('tbody th[scope="row"] .label').map((th) => th.text());
    expect(w.get('[role="status"]').text()).toBe('共 5 行');

    await w.get('input[type="checkbox"]').setValue(true); // 只看有差异的行
    expect(labels()).toEqual(['收到申请', '收到申请数', '申请办结数', '主动公开政府信息数']);
    expect(w.get('[role="status"]').text()).toBe('显示 4 / 5 行');

    await w.findAll('input[type="checkbox"]')[1]?.setValue(true); // 只看可比
    expect(labels()).toEqual(['收到申请', '收到申请数', '申请办结数']);
    expect(w.findAll('h2').map((h) => h.text())).not.toContain('主动公开');
  });

  it('says so when the filters leave nothing', async () => {
    const router = createGongkaiRouter(createMemoryHistory());
    const w = mount(CompareTable, {
      props: { reports, rows: [rows[3] as CompareRowLike] },
      global: { plugins: [router] },
    });
    await w.get('input[type="checkbox"]').setValue(true);
    expect(w.text()).toContain('没有符合筛选条件的行。');
    expect(w.find('table').exists()).toBe(false);
  });
});
