import { describe, expect, it } from 'vitest';
import { INDICATORS } from './indicators.ts';

describe('the indicator catalog', () => {
  it('labels every code in Chinese, as the tables print it (labels are shown to people)', () => {
    const coded = INDICATORS.filter((d) => /[A-Za-z]{2,}/.test(d.label) || d.label === d.code);
    expect(coded.map((d) => `${d.code}: ${d.label}`)).toEqual([]);
  });

  it.each([
    ['requests.new:natural', '一、本年新收政府信息公开申请数量 · 自然人'],
    ['art20.fees.amount', '行政事业性收费 · 金额'],
    ['art20.rules.issued', '规章 · 本年制发件数'],
    ['litigation.afterReview.pending', '行政诉讼（复议后起诉） · 尚未审结'],
  ])('%s is “%s”', (code, label) => {
    expect(INDICATORS.find((d) => d.code === code)?.label).toBe(label);
  });
});
