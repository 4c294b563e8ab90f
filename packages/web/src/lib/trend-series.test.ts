import { describe, expect, it } from 'vitest';
import {
  buildTrends,
  type ReportMetricsInput,
  type TrendStatus,
  trendSummary,
  yearRange,
} from './trend-series.ts';

const defs = [
  { id: 'REQUESTS_RECEIVED', label: '收到申请', unit: '件' },
  { id: 'FEES_YUAN', label: '收取费用', unit: '元' },
];

function report(year: number, received: number | null, comparable = true): ReportMetricsInput {
  return {
    year,
    form: 'GOV_2021',
    metrics: [
      { metric: 'REQUESTS_RECEIVED', value: received, comparable },
      { metric: 'FEES_YUAN', value: 0, comparable: true },
    ],
  };
}

describe('buildTrends', () => {
  it.each<[string, ReportMetricsInput[], [number, TrendStatus, number | null][], number | null]>([
    [
      'newest-first reports become oldest-first points',
      [report(2021, 15), report(2020, 12)],
      [
        [2020, 'value', 12],
        [2021, 'value', 15],
      ],
      2021,
    ],
    [
      'a year without a report is a gap',
      [report(2022, 5), report(2019, 3)],
      [
        [2019, 'value', 3],
        [2020, 'no-report', null],
        [2021, 'no-report', null],
        [2022, 'value', 5],
      ],
      2022,
    ],
    [
      'a form without the figure is not comparable, not zero',
      [report(2016, null, false), report(2015, 7)],
      [
        [2015, 'value', 7],
        [2016, 'not-comparable', null],
      ],
      2015,
    ],
    [
      'a missing or blank reading has no figure',
      [report(2020, null)],
      [[2020, 'no-figure', null]],
      null,
    ],
    ['a zero is a value', [report(2020, 0)], [[2020, 'value', 0]], 2020],
  ])('%s', (_name, reports, expected, latestYear) => {
    const [received] = buildTrends(reports, defs);
    expect(received?.points.map((p) => [p.year, p.status, p.value])).toEqual(expected);
    expect(received?.latest?.year ?? null).toBe(latestYear);
  });

  it('keeps the definitions order and treats a metric the report lacks as not comparable', () => {
    const trends = buildTrends(
      [{ year: 2020, form: 'NONE', metrics: [] }],
      [...defs, { id: 'LAWSUITS', label: '行政诉讼', unit: '件' }],
    );
    expect(trends.map((t) => t.metric)).toEqual(['REQUESTS_RECEIVED', 'FEES_YUAN', 'LAWSUITS']);
    expect(trends[2]?.points[0]?.status).toBe('not-comparable');
  });

  it('has nothing to show without reports', () => {
    expect(buildTrends([], defs)).toEqual([]);
  });
});

describe('trendSummary', () => {
  it.each<[string, ReportMetricsInput[], string]>([
    ['values by year', [report(2019, 12), report(2020, 15)], '收到申请：2019 年 12，2020 年 15'],
    [
      'gaps are named, runs of missing years said once',
      [report(2016, null, false), report(2015, 1), report(2019, 0), report(2020, null)],
      '收到申请：2015 年 1，2016 年 不可比，2017–2018 年 无报告，2019 年 0，2020 年 无数字',
    ],
    [
      'a single missing year',
      [report(2019, 1234), report(2021, 2)],
      '收到申请：2019 年 1,234，2020 年 无报告，2021 年 2',
    ],
  ])('%s', (_name, reports, expected) => {
    const [received] = buildTrends(reports, defs);
    expect(received && trendSummary(received)).toBe(expected);
  });

  it('says money with its unit', () => {
    const fees = buildTrends([report(2020, 1)], defs)[1];
    expect(fees && trendSummary(fees)).toBe('收取费用：2020 年 0 元');
  });
});

describe('yearRange', () => {
  it.each([
    [2019, 2022, '2019–2022 年'],
    [2021, 2021, '2021 年'],
  ])('%i–%i', (firstYear, lastYear, expected) => {
    expect(yearRange({ firstYear, lastYear })).toBe(expected);
  });
});
