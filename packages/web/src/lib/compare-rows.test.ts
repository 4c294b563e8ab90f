import { describe, expect, it } from 'vitest';
import {
  type CompareCellLike,
  type CompareRowLike,
  cellDisplay,
  deltaDisplay,
  filterRows,
  groupRows,
  notComparableText,
  rowDiffers,
  sectionOf,
  shortFormLabel,
  shownSummary,
} from './compare-rows.ts';

const v = (
  value: number,
  unit: string | null = '件',
  yuan: number | null = null,
): CompareCellLike => ({
  status: 'VALUE',
  value,
  unit,
  yuan,
});
const blank: CompareCellLike = { status: 'BLANK', value: null, unit: '件', yuan: null };
const notReported: CompareCellLike = {
  status: 'NOT_REPORTED',
  value: null,
  unit: null,
  yuan: null,
};
const notApplicable: CompareCellLike = {
  status: 'NOT_APPLICABLE',
  value: null,
  unit: null,
  yuan: null,
};

function row(over: Partial<CompareRowLike> & Pick<CompareRowLike, 'cells'>): CompareRowLike {
  return {
    key: 'requests.received',
    kind: 'INDICATOR',
    label: '收到申请数',
    unit: '件',
    comparable: true,
    reason: null,
    deltas: over.cells.map(() => null),
    ...over,
  };
}

describe('rowDiffers', () => {
  it.each<[string, CompareCellLike[], boolean]>([
    ['same numbers', [v(3), v(3)], false],
    ['different numbers', [v(3), v(4)], true],
    ['zero against blank', [v(0), blank], true],
    ['blank against blank', [blank, blank], false],
    ['zero against zero', [v(0), v(0)], false],
    ['number against not reported', [v(1), notReported], true],
    ['not applicable in both', [notApplicable, notApplicable], false],
    ['same money in different units', [v(1, '万元', 10000), v(10000, '元', 10000)], false],
    ['different money', [v(1, '万元', 10000), v(1, '元', 1)], true],
    ['third report differs', [v(1), v(1), v(2)], true],
  ])('%s → %s', (_name, cells, differs) => {
    expect(rowDiffers(row({ cells }))).toBe(differs);
  });
});

describe('filterRows', () => {
  const same = row({ key: 'a', cells: [v(1), v(1)] });
  const differs = row({ key: 'b', cells: [v(1), v(2)], deltas: [null, 1] });
  const notComparable = row({
    key: 'c',
    cells: [v(1), notApplicable],
    comparable: false,
    reason: 'NOT_IN_FORM',
  });
  const rows = [same, differs, notComparable];
  it.each<[boolean, boolean, string[]]>([
    [false, false, ['a', 'b', 'c']],
    [true, false, ['b', 'c']],
    [false, true, ['a', 'b']],
    [true, true, ['b']],
  ])('onlyDiffering=%s onlyComparable=%s → %j', (onlyDiffering, onlyComparable, keys) => {
    expect(filterRows(rows, { onlyDiffering, onlyComparable }).map((r) => r.key)).toEqual(keys);
  });
});

describe('groupRows', () => {
  it('puts metrics first, then sections in the order rows come', () => {
    const rows = [
      row({ key: 'proactive.items', cells: [] }),
      row({ key: 'requests.received', cells: [] }),
      row({ key: 'requestsReceived', kind: 'METRIC', cells: [] }),
      row({ key: 'proactive.channels.website', cells: [] }),
      row({ key: 'requests.new:natural', cells: [] }),
      row({ key: 'mystery', cells: [] }),
    ];
    const groups = groupRows(rows);
    expect(groups.map((g) => [g.id, g.heading, g.rows.map((r) => r.key)])).toEqual([
      ['metrics', '主要指标（不同表式之间可比）', ['requestsReceived']],
      ['proactive', '主动公开', ['proactive.items', 'proactive.channels.website']],
      ['requests', '依申请公开', ['requests.received', 'requests.new:natural']],
      ['mystery', '其他指标（mystery）', ['mystery']],
    ]);
  });

  it.each([
    ['METRIC', 'feesYuan', 'metrics'],
    ['INDICATOR', 'review.total', 'review'],
    ['INDICATOR', 'fees:cumulative', 'fees'],
  ] as const)('%s %s is in %s', (kind, key, section) => {
    expect(sectionOf({ kind, key })).toBe(section);
  });
});

describe('cellDisplay', () => {
  it.each<[string, CompareCellLike, string, string, boolean]>([
    ['a count', v(1234), '1,234', '', true],
    ['a zero is a zero', v(0), '0', '', true],
    ['money keeps its unit', v(3.5, '万元'), '3.5 万元', '', true],
    ['the row unit when the cell has none', { ...v(2), unit: null }, '2 人次', '', true],
    ['a blank is empty, spoken 空白', blank, '', '空白', true],
    ['not reported', notReported, '未报告', '', false],
    ['not in the form', notApplicable, '表中无此项', '', false],
  ])('%s', (_name, cell, text, spoken, printed) => {
    expect(cellDisplay(cell, '人次')).toEqual({ text, spoken, printed });
  });
});

describe('deltaDisplay', () => {
  const counts = row({
    cells: [v(10), v(13), v(8), v(10), notReported],
    deltas: [null, 3, -2, 0, null],
  });
  it.each<[number, unknown]>([
    [0, null],
    [1, { text: '+3', direction: 'up' }],
    [2, { text: '−2', direction: 'down' }],
    [3, { text: '0', direction: 'same' }],
    [4, null],
  ])('counts, report %i', (index, expected) => {
    expect(deltaDisplay(counts, index)).toEqual(expected);
  });

  it('gives money differences in 元, as the API computes them', () => {
    const money = row({
      key: 'fees.collected',
      unit: '万元',
      cells: [v(1, '万元', 10000), v(12000, '元', 12000)],
      deltas: [null, 2000],
    });
    expect(deltaDisplay(money, 1)).toEqual({ text: '+2,000 元', direction: 'up' });
  });

  it('keeps a unit that is not a count', () => {
    const people = row({ unit: '人次', cells: [v(5, '人次'), v(2, '人次')], deltas: [null, -3] });
    expect(deltaDisplay(people, 1)).toEqual({ text: '−3 人次', direction: 'down' });
  });

  it('shows no difference where the row is not comparable, whatever the deltas say', () => {
    const mixed = row({
      cells: [v(1), v(5)],
      deltas: [null, 4],
      comparable: false,
      reason: 'UNITS_DIFFER',
    });
    expect(deltaDisplay(mixed, 1)).toBeNull();
  });
});

describe('notComparableText', () => {
  it.each<[boolean, string | null, string | null]>([
    [true, null, null],
    [false, 'NOT_IN_FORM', '不可比：有的报告表格中没有此项'],
    [false, 'UNITS_DIFFER', '不可比：单位不同'],
    [false, null, '不可比'],
    [false, 'SOMETHING_NEW', '不可比'],
  ])('comparable=%s reason=%s', (comparable, reason, text) => {
    expect(notComparableText({ comparable, reason })).toBe(text);
  });
});

describe('shownSummary', () => {
  it.each([
    [10, 10, '共 10 行'],
    [3, 10, '显示 3 / 10 行'],
    [0, 10, '显示 0 / 10 行'],
  ])('%i of %i', (shown, total, text) => {
    expect(shownSummary(shown, total)).toBe(text);
  });
});

describe('shortFormLabel', () => {
  it.each([
    ['GOV_2021', '2021 年新表'],
    ['NATIONAL_2014', '全国统一表'],
    ['NONE', '无统计表'],
    ['SOMETHING_NEW', 'SOMETHING_NEW'],
  ])('%s → %s', (form, label) => {
    expect(shortFormLabel(form)).toBe(label);
  });
});
