import { describe, expect, it } from 'vitest';
import {
  agencyPlaceLine,
  agencyReportsLine,
  moveActive,
  type NavigationKey,
  normaliseSearch,
  resultsAnnouncement,
} from './search-query.ts';

describe('normaliseSearch', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['\t\n', ''],
    [' 广州 ', '广州'],
    ['guangzhou   jiaoyu', 'guangzhou jiaoyu'],
    ['gzsjy', 'gzsjy'],
    ['a'.repeat(80), 'a'.repeat(64)],
    [`${'a'.repeat(63)} b`, 'a'.repeat(63)],
  ])('%j → %j', (text, expected) => {
    expect(normaliseSearch(text)).toBe(expected);
  });
});

describe('moveActive', () => {
  it.each<[number, number, NavigationKey, number]>([
    [-1, 3, 'ArrowDown', 0],
    [0, 3, 'ArrowDown', 1],
    [2, 3, 'ArrowDown', 0],
    [-1, 3, 'ArrowUp', 2],
    [0, 3, 'ArrowUp', 2],
    [2, 3, 'ArrowUp', 1],
    [1, 3, 'Home', 0],
    [0, 3, 'End', 2],
    [-1, 0, 'ArrowDown', -1],
    [-1, 0, 'End', -1],
    [5, 3, 'ArrowDown', 0],
  ])('from %i of %i, %s → %i', (current, count, key, expected) => {
    expect(moveActive(current, count, key)).toBe(expected);
  });
});

describe('agencyPlaceLine', () => {
  it.each([
    [['广东省', '广州市'], 'DEPARTMENT', '广东省广州市 · 部门'],
    [['广东省'], 'PROVINCE', '广东省 · 省级政府'],
    [[], 'CITY', '市级政府'],
    [[], 'UNKNOWN', ''],
  ])('%j %s → %s', (path, level, expected) => {
    expect(agencyPlaceLine(path, level)).toBe(expected);
  });
});

describe('agencyReportsLine', () => {
  it.each([
    [3, 2023, '3 份报告 · 最新 2023 年'],
    [1, null, '1 份报告'],
    [0, null, '暂无报告'],
  ])('%i, %s → %s', (count, year, expected) => {
    expect(agencyReportsLine(count, year)).toBe(expected);
  });
});

describe('resultsAnnouncement', () => {
  it.each([
    ['gz', 0, false, '没有找到与“gz”匹配的机构'],
    ['gz', 3, false, '找到 3 个机构'],
    ['gz', 10, true, '找到 10 个以上机构，显示前 10 个'],
  ])('%s %i %s → %s', (q, count, more, expected) => {
    expect(resultsAnnouncement(q, count, more)).toBe(expected);
  });
});
