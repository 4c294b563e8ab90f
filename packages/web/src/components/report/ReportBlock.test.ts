import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { GridBlock, LayoutCell } from '../../lib/report-layout.ts';
import ReportBlock from './ReportBlock.vue';
import type { ReportValue } from './report-types.ts';

const COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

function cell(code: string, current: number | null): LayoutCell<ReportValue> {
  return {
    code,
    label: code,
    unit: '件',
    state: 'value',
    value: {
      id: code,
      code,
      label: code,
      unit: '件',
      current,
      extracted: current,
      corrected: false,
      confidence: 1,
      source: 'TABLE',
    },
  };
}

function grid(columns: string[]): GridBlock<ReportValue> {
  return {
    kind: 'grid',
    title: null,
    corner: '申请人情况',
    columns,
    unit: '件',
    rows: [
      { kind: 'group', label: '三、本年度办理结果' },
      {
        kind: 'row',
        label: '(一)予以公开',
        cells: columns.map((_, i) => (i === 1 ? null : cell(`c${i}`, i))),
      },
    ],
  };
}

const mountBlock = (block: GridBlock<ReportValue>) =>
  mount(ReportBlock, {
    props: { block, name: '三、收到和处理政府信息公开申请情况', findingsByCode: new Map() },
  });

describe('ReportBlock', () => {
  it('shows every column of table 三 until the reader asks for totals only', async () => {
    const w = mountBlock(grid(COLUMNS));
    const headers = () => w.findAll('thead th').map((th) => th.text());
    expect(headers()).toEqual(['申请人情况', ...COLUMNS]);
    // A cell the catalog lacks is a dash, spoken as such — not a 0.
    expect(w.findAll('tbody td')[1]?.text()).toBe('—表中无此项');

    const toggle = w.get('.toggle button');
    expect(toggle.attributes('aria-label')).toBe('只看总计列：三、收到和处理政府信息公开申请情况');
    expect(toggle.attributes('aria-pressed')).toBe('false');
    await toggle.trigger('click');
    expect(toggle.attributes('aria-pressed')).toBe('true');
    expect(headers()).toEqual(['申请人情况', '总计']);
    expect(w.get('tr.group th').attributes('colspan')).toBe('2');
    expect(w.findAll('tbody td').map((td) => td.find('.num').text())).toEqual(['6']);
  });

  it('has no toggle for a narrow table', () => {
    const w = mountBlock(grid(['本年制发件数', '本年废止件数', '总计']));
    expect(w.find('.toggle').exists()).toBe(false);
    expect(w.findAll('thead th')).toHaveLength(4);
  });
});
