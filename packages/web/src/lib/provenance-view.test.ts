import { describe, expect, it } from 'vitest';
import { excerpt, historyLines, readingText, valueParam, withValue } from './provenance-view.ts';

describe('valueParam', () => {
  it.each<[unknown, string | null]>([
    ['requests.new:total', 'requests.new:total'],
    ['art20.rules.inForce', 'art20.rules.inForce'],
    [['review.total', 'x'], 'review.total'],
    ['', null],
    [null, null],
    [undefined, null],
    ['<script>', null],
    ['a'.repeat(121), null],
  ])('%j → %j', (v, expected) => {
    expect(valueParam(v as string)).toBe(expected);
  });
});

describe('withValue', () => {
  it.each<[Record<string, unknown>, string | null, Record<string, unknown>]>([
    [{}, 'review.total', { v: 'review.total' }],
    [{ v: 'a' }, 'b', { v: 'b' }],
    [{ v: 'a', x: '1' }, null, { x: '1' }],
    [{}, null, {}],
  ])('%j + %j', (query, code, expected) => {
    expect(withValue(query, code)).toEqual(expected);
  });
});

describe('readingText', () => {
  it.each<[number | null, string | null, string]>([
    [12, '件', '12'],
    [0, '件', '0'],
    [null, '件', '空白'],
    [3.5, '万元', '3.5 万元'],
    [1200, '元', '1,200 元'],
  ])('%j %s', (value, unit, expected) => {
    expect(readingText(value, unit)).toBe(expected);
  });
});

describe('excerpt', () => {
  it.each([
    [
      'short context: nothing cut',
      { before: '收到申请', text: '12', after: '件。' },
      10,
      { before: '收到申请', text: '12', after: '件。', more: { before: false, after: false } },
    ],
    [
      'cut on both sides, white space squashed',
      { before: '表\n\n 总计 ', text: '70', after: '  二、上年\t结转' },
      6,
      {
        before: '表 总计 ',
        text: '70',
        after: ' 二、上年 结转',
        more: { before: true, after: true },
      },
    ],
  ])('%s', (_name, context, radius, expected) => {
    expect(excerpt(context, radius)).toEqual(expected);
  });
});

describe('historyLines', () => {
  it.each([
    [
      'an accepted correction',
      {
        at: '2024-03-01T08:00:00Z',
        kind: 'CORRECTED',
        from: 12,
        to: 15,
        reason: ' 原文第 3 页 ',
        version: 2,
      },
      {
        date: '2024年3月1日',
        kind: '采纳更正',
        change: '12 → 15',
        version: '第 2 版',
        reason: '原文第 3 页',
      },
    ],
    [
      'a re-extraction from a blank',
      {
        at: '2024-01-05T00:00:00Z',
        kind: 'RE_EXTRACTED',
        from: null,
        to: 0,
        reason: null,
        version: 3,
      },
      {
        date: '2024年1月5日',
        kind: '新版原文改印',
        change: '空白 → 0',
        version: '第 3 版',
        reason: null,
      },
    ],
  ])('%s', (_name, entry, expected) => {
    expect(historyLines([entry], '件')).toEqual([expected]);
  });
});
