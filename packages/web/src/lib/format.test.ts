import { describe, expect, it } from 'vitest';
import { formatConfidence, formatDate, formatDelta, formatNumber, formatValue } from './format.ts';

describe('format', () => {
  it.each([
    [0, '0'],
    [1234567, '1,234,567'],
    [1.23456, '1.23'],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
  ])('formatNumber(%s) = %j', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it.each([
    [12, '件', '12'],
    [3.5, '万元', '3.5 万元'],
    [0, '元', '0 元'],
    [null, '万元', ''],
  ])('formatValue(%s, %s) = %j', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it.each([
    [3, '+3'],
    [-2, '−2'],
    [0, '0'],
    [null, ''],
  ])('formatDelta(%s) = %j', (delta, text) => {
    expect(formatDelta(delta)).toBe(text);
  });

  it.each([
    [0.953, '95%'],
    [1, '100%'],
    [null, ''],
  ])('formatConfidence(%s) = %j', (c, text) => {
    expect(formatConfidence(c)).toBe(text);
  });

  it('dates are read in China time', () => {
    expect(formatDate('2021-12-31T20:00:00Z')).toBe('2022年1月1日');
    expect(formatDate('not a date')).toBe('');
  });
});
