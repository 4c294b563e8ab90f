import { describe, expect, it } from 'vitest';
import { extract, INDICATORS, indicator } from './index.ts';

describe('catalog', () => {
  it('has one entry per code', () => {
    const codes = INDICATORS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each([
    ['requests.new:total', '件'],
    ['proactive.items:cumulative', '条'],
    ['art20.fees.amount', '万元'],
    ['review.pending', '件'],
  ])('knows %s (unit %s)', (code, unit) => {
    expect(indicator(code)?.unit).toBe(unit);
  });

  it('lets table 四 reuse review.total across forms', () => {
    expect(indicator('review.total')?.forms).toEqual(
      expect.arrayContaining(['national-2014', 'gov-2021']),
    );
  });
});

describe('extract', () => {
  it('reads a minimal national-2014 table', () => {
    const text =
      '某某局2016年政府信息公开工作年度报告\n统计指标 | 单位 | 统计数 |\n(一)收到申请数 | 件 | 3 |\n1.当面申请数 | 件 | 1 |\n2.传真申请数 | 件 | |\n3.网络申请数 | 件 | 2 |\n4.信函申请数 | 件 | 0 |\n';
    const report = extract(text);
    expect(report.form).toBe('national-2014');
    const byCode = Object.fromEntries(report.values.map((v) => [v.code, v.value]));
    expect(byCode).toMatchObject({
      'requests.received': 3,
      'requests.received.inPerson': 1,
      'requests.received.fax': null,
      'requests.received.online': 2,
    });
  });
});
