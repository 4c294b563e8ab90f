import { describe, expect, it } from 'vitest';
import {
  describeFindings,
  type FindingInput,
  findingsByCode,
  worstTone,
} from './report-findings.ts';

const f = (over: Partial<FindingInput>): FindingInput => ({
  rule: 'x',
  severity: 'INFO',
  scope: 'REPORT',
  message: 'm',
  codes: [],
  expected: null,
  printed: null,
  ...over,
});

describe('describeFindings', () => {
  it.each<[string, Partial<FindingInput>, string, string | null]>([
    [
      'late release, with its dates',
      {
        rule: 'cross.lateRelease',
        scope: 'CROSS',
        message: 'Published 2022-02-08, after the deadline of 2022-01-31.',
      },
      '发布晚于规定期限',
      '发布于 2022-02-08，期限为 2022-01-31。',
    ],
    [
      'a broken identity, printed against expected',
      { rule: 'requests.balance', severity: 'WARNING', printed: 36, expected: 35 },
      '表内数字对不上',
      '印出的数为 36，按表格的勾稽关系应为 35。',
    ],
    [
      'a printed zero is said as 0',
      { rule: 'review.total', severity: 'WARNING', printed: 0, expected: 11 },
      '表内数字对不上',
      '印出的数为 0，按表格的勾稽关系应为 11。',
    ],
    [
      'a blank total',
      { rule: 'requests.row.total.blank-total', severity: 'WARNING', expected: 1 },
      '合计为空白',
      '合计一栏印为空白，但各分项之和为 1。',
    ],
    [
      'the narrative against the table',
      { rule: 'prose.conflict', printed: 12, expected: 1200 },
      '正文与表格不一致',
      '正文写的是 1,200，表格印的是 12。',
    ],
    [
      'carried over',
      { rule: 'cross.carriedOver', scope: 'CROSS', printed: 2, expected: 3 },
      '上年结转数与上一年报告不符',
      '本报告“上年结转”为 2，上一年报告“结转下年度”为 3。',
    ],
    [
      'an uncertain reading',
      { rule: 'reading.uncertain' },
      '读数可能不准确',
      expect.stringContaining('核实') as unknown as string,
    ],
    [
      'an unknown rule across reports',
      { rule: 'cross.new', scope: 'CROSS' },
      '与其他年份的报告不一致',
      null,
    ],
    ['an unknown rule', { rule: 'new.rule' }, '需要核对', null],
  ])('%s', (_name, input, title, detail) => {
    const [view] = describeFindings([f(input)]);
    expect(view?.title).toBe(title);
    expect(view?.detail).toEqual(detail);
    expect(view?.original).toBe(f(input).message);
  });

  it.each([
    ['ERROR', 'error'],
    ['WARNING', 'warning'],
    ['INFO', 'info'],
    ['NEW', 'info'],
  ])('%s is toned %s', (severity, tone) => {
    expect(describeFindings([f({ severity })])[0]?.tone).toBe(tone);
  });
});

describe('findingsByCode and worstTone', () => {
  const views = describeFindings([
    f({ codes: ['a', 'b', 'a'] }),
    f({ codes: ['b'], severity: 'WARNING' }),
    f({ codes: [] }),
  ]);
  it.each([
    ['a', [0], 'info'],
    ['b', [0, 1], 'warning'],
    ['c', [], 'info'],
  ])('%s', (code, indexes, tone) => {
    const mine = findingsByCode(views).get(code) ?? [];
    expect(mine.map((v) => v.index)).toEqual(indexes);
    expect(worstTone(mine)).toBe(tone);
  });

  it('counts an error as the worst', () => {
    expect(worstTone(describeFindings([f({ severity: 'INFO' }), f({ severity: 'ERROR' })]))).toBe(
      'error',
    );
  });
});
