import { describe, expect, it } from 'vitest';
import {
  type CatalogIndicator,
  type GridBlock,
  type LayoutSection,
  type LayoutValue,
  type ListBlock,
  layoutCells,
  layoutReport,
} from './report-layout.ts';

const OLD = ['PROVINCIAL', 'NATIONAL_2014'];
const NAT = ['NATIONAL_2014'];
const GOV = ['GOV_2019', 'GOV_2021'];
const G19 = ['GOV_2019'];
const G21 = ['GOV_2021'];

const e = (
  code: string,
  label: string,
  section: string,
  forms: string[],
  unit = '件',
): CatalogIndicator => ({
  code,
  label,
  section,
  unit,
  forms,
});

// A catalog shaped like the API's: the older codes first, then table 二, 三 and 四.
const catalog: CatalogIndicator[] = [
  e('proactive.items', '(一)主动公开政府信息数', 'proactive', OLD, '条'),
  e('proactive.normativeDocs', '其中:主动公开规范性文件数', 'proactive', NAT, '条'),
  e('proactive.channels.website', '政府网站公开政府信息数', 'proactive', OLD, '条'),
  e('requests.received', '(一)收到申请数', 'requests', OLD),
  e('review.total', '行政复议数量', 'review', [...OLD, ...GOV]),
  e('review.upheld', '(一)维持具体行政行为数', 'review', [...OLD, ...GOV]),
  e('fees.collected', '依申请公开信息收取的费用', 'fees', NAT, '万元'),
  e('fees.processing', '信息处理费', 'fees', G21, '元'),
  e('art20.rules.made', '规章 · 本年新制作数量', 'art20', G19),
  e('art20.rules.issued', '规章 · 本年制发件数', 'art20', G21),
  e('art20.rules.repealed', '规章 · 本年废止件数', 'art20', G21),
  e('art20.licensing.decisions', '行政许可 · 处理决定数量', 'art20', GOV),
  e('art20.fees.amount', '行政事业性收费 · 金额', 'art20', G21, '万元'),
  e('requests.new:natural', '一、本年新收政府信息公开申请数量 · 自然人', 'requests', GOV),
  e('requests.new:total', '一、本年新收政府信息公开申请数量 · 总计', 'requests', GOV),
  e('requests.granted:total', '(一)予以公开 · 总计', 'requests', GOV),
  e('requests.denied.stateSecret:total', '1.属于国家秘密 · 总计', 'requests', GOV),
  e('requests.otherHandling:total', '(六)其他处理 · 总计', 'requests', G19),
  e('requests.otherHandling.other:total', '3.其他 · 总计', 'requests', G21),
  e('review.pending', 'review.pending', 'review', GOV),
  e('litigation.direct.total', 'litigation.direct.total', 'litigation', GOV),
];

const v = (code: string, current: number | null, unit: string | null = '件'): LayoutValue => ({
  code,
  label: code,
  unit,
  current,
});

const titles = (sections: LayoutSection<LayoutValue>[]) => sections.map((s) => s.title);
const cell = (sections: LayoutSection<LayoutValue>[], code: string) =>
  layoutCells(sections).find((c) => c.code === code);

describe('layoutReport: sections in the official order', () => {
  it.each<[string, string, LayoutValue[], string[]]>([
    [
      'gov-2021: tables 二, 三, 四, then 六; prose figures last',
      'GOV_2021',
      [v('requests.received', 3), v('fees.processing', 0, '元')],
      [
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '六、其他需要报告的事项',
        '其他数字',
      ],
    ],
    [
      'gov-2019 has no section 六 code and nothing outside its tables',
      'GOV_2019',
      [v('requests.new:total', 1)],
      [
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
      ],
    ],
    [
      'the national table keeps its numbered parts',
      'NATIONAL_2014',
      [v('review.total', 0)],
      [
        '一、主动公开情况',
        '三、依申请公开情况',
        '四、行政复议情况',
        '七、依申请公开信息收取的费用',
      ],
    ],
    [
      'a provincial table is titled by topic',
      'PROVINCIAL',
      [],
      ['主动公开', '依申请公开', '行政复议'],
    ],
    [
      'a report without a table lists only what the prose gives',
      'NONE',
      [v('review.total', 0), v('proactive.items', 1636, '条')],
      ['取自正文的数字'],
    ],
    ['no figures at all', 'NONE', [], []],
  ])('%s', (_name, form, values, expected) => {
    expect(titles(layoutReport(form, catalog, values))).toEqual(expected);
  });
});

describe('layoutReport: blanks, zeros and codes not reported', () => {
  const sections = layoutReport('GOV_2021', catalog, [
    v('requests.new:total', 0),
    v('requests.new:natural', null),
    v('art20.fees.amount', 2.5, '万元'),
  ]);
  it.each<[string, string, string | undefined]>([
    ['a zero is a value', 'requests.new:total', 'value'],
    ['a blank cell is blank', 'requests.new:natural', 'blank'],
    ['a code of the form the report lacks is missing', 'requests.granted:total', 'missing'],
    ['table 四 codes of the form are missing too', 'review.pending', 'missing'],
    ['a code of another format is left out', 'art20.rules.made', undefined],
    ['so is a 2019-only row', 'requests.otherHandling:total', undefined],
    ['and a code of the older tables', 'requests.received', undefined],
  ])('%s', (_name, code, state) => {
    expect(cell(sections, code)?.state).toBe(state);
  });

  it('keeps the value and its printed unit on the cell', () => {
    const fees = cell(sections, 'art20.fees.amount');
    expect(fees?.value?.current).toBe(2.5);
    expect(fees?.unit).toBe('万元');
  });
});

describe('layoutReport: the gov tables', () => {
  const sections = layoutReport('GOV_2021', catalog, [
    v('requests.new:total', 5),
    // A 2021 report that kept the 2019 (六) row: it belongs in table 三, not at the end.
    v('requests.otherHandling:total', 1),
  ]);
  const grid = (key: string, i = 0) =>
    sections.find((s) => s.key === key)?.blocks[i] as GridBlock<LayoutValue>;

  it('lays out table 三 by applicant columns with its merged group rows', () => {
    const t3 = grid('requests');
    expect(t3.columns).toEqual(['自然人', '总计']);
    expect(t3.rows.map((r) => `${r.kind}:${r.label}`)).toEqual([
      'row:一、本年新收政府信息公开申请数量',
      'group:三、本年度办理结果',
      'row:(一)予以公开',
      'group:（三）不予公开',
      'row:1.属于国家秘密',
      'row:(六)其他处理',
      'group:（六）其他处理',
      'row:3.其他',
    ]);
    const secret = t3.rows[4];
    expect(secret?.kind === 'row' && secret.cells.map((c) => c?.label)).toEqual([
      undefined,
      '（三）不予公开 1.属于国家秘密 · 总计',
    ]);
    expect(cell(sections, 'requests.otherHandling:total')?.state).toBe('value');
    expect(sections.map((s) => s.key)).not.toContain('extra');
  });

  it('lays out table 二 as its 第二十条 blocks with the form’s column names', () => {
    const blocks = sections.find((s) => s.key === 'art20')?.blocks as GridBlock<LayoutValue>[];
    expect(blocks.map((b) => [b.title, b.columns, b.rows.map((r) => r.label)])).toEqual([
      ['第二十条第（一）项', ['本年制发件数', '本年废止件数'], ['规章']],
      ['第二十条第（五）项', ['本年处理决定数量'], ['行政许可']],
      ['第二十条第（八）项', ['本年收费金额（万元）'], ['行政事业性收费']],
    ]);
    expect(cell(sections, 'art20.rules.repealed')?.label).toBe('规章 · 本年废止件数');
  });

  it('lays out table 四 as 复议 and 诉讼 rows by result, leaving cells the catalog lacks empty', () => {
    const t4 = grid('appeals');
    expect(t4.columns).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(
      t4.rows.map((r) => (r.kind === 'row' ? r.cells.map((c) => c?.code ?? null) : [])),
    ).toEqual([
      ['review.upheld', null, null, 'review.pending', 'review.total'],
      [null, null, null, null, 'litigation.direct.total'],
    ]);
    expect(cell(sections, 'litigation.direct.total')?.label).toBe(
      '行政诉讼（未经复议直接起诉） · 总计',
    );
  });
});

describe('layoutReport: the older tables', () => {
  it('indents 其中 and channel rows and adds the 历年累计 column after its row', () => {
    const sections = layoutReport('PROVINCIAL', catalog, [
      v('proactive.items', 10, '条'),
      v('proactive.items:cumulative', 100, '条'),
    ]);
    const list = sections[0]?.blocks[0] as ListBlock<LayoutValue>;
    expect(list.rows.map((r) => [r.label, r.depth, r.cell.state])).toEqual([
      ['(一)主动公开政府信息数', 0, 'value'],
      ['(一)主动公开政府信息数（历年累计）', 0, 'value'],
      ['政府网站公开政府信息数', 1, 'missing'],
    ]);
  });

  it('places a national code a provincial report prints in its section', () => {
    const sections = layoutReport('PROVINCIAL', catalog, [v('proactive.normativeDocs', 2, '条')]);
    const list = sections[0]?.blocks[0] as ListBlock<LayoutValue>;
    expect(list.rows.map((r) => [r.label, r.depth])).toContainEqual([
      '其中:主动公开规范性文件数',
      1,
    ]);
    expect(titles(sections)).not.toContain('其他数字');
  });
});

describe('layoutReport: figures outside the form', () => {
  it('groups them by topic in catalog order, unknown codes last, never as missing', () => {
    const sections = layoutReport('NONE', catalog, [
      { code: 'mystery.code', label: '神秘数字', unit: null, current: 4 },
      v('review.total', 0),
      v('proactive.items', null, '条'),
      v('requests.received', 2),
    ]);
    const extra = sections[0];
    expect(extra?.note).toContain('没有统计表');
    expect(
      extra?.blocks.map((b) => [
        b.title,
        b.kind === 'list' ? b.rows.map((r) => [r.label, r.cell.state]) : [],
      ]),
    ).toEqual([
      ['主动公开', [['(一)主动公开政府信息数', 'blank']]],
      ['依申请公开', [['(一)收到申请数', 'value']]],
      ['行政复议', [['行政复议数量', 'value']]],
      ['其他', [['神秘数字', 'value']]],
    ]);
  });
});
