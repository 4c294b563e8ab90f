import { describe, expect, it } from 'vitest';
import { type MetricInput, type MetricText, metricText } from './report-metrics.ts';

const values: Record<string, { current: number | null }> = {
  'review.total': { current: null },
  'fees.processing': { current: 0 },
};
const readingOf = (code: string) => values[code];

const m = (over: Partial<MetricInput>): MetricInput => ({
  value: null,
  unit: '件',
  comparable: true,
  missing: [],
  ...over,
});

describe('metricText', () => {
  it.each<[string, MetricInput, MetricText]>([
    ['a number', m({ value: 70 }), { text: '70', number: true, note: null }],
    ['a zero is a number', m({ value: 0, unit: '元' }), { text: '0 元', number: true, note: null }],
    [
      'a partial sum says so',
      m({ value: 8, missing: ['requests.denied.inquiry:total'] }),
      { text: '8', number: true, note: '部分项目未报告' },
    ],
    [
      'the form lacks the figure',
      m({ comparable: false }),
      { text: '本格式无此项', number: false, note: null },
    ],
    [
      'its input is a blank cell',
      m({ missing: ['review.total'] }),
      { text: '空白', number: false, note: null },
    ],
    [
      'its input is not in the report',
      m({ missing: ['proactive.items'] }),
      { text: '未报告', number: false, note: null },
    ],
  ])('%s', (_name, input, expected) => {
    expect(metricText(input, readingOf)).toEqual(expected);
  });
});
