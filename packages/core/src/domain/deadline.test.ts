import { describe, expect, it } from 'vitest';
import { isLate, publicationDeadline } from './deadline.ts';

describe('publicationDeadline', () => {
  it.each([
    [2023, true, '2024-03-31'],
    [2023, false, '2024-01-31'],
    [2019, true, '2020-03-31'],
    [2019, false, '2020-01-31'],
    [2018, true, '2019-03-31'],
    [2018, false, '2019-03-31'],
    [2008, false, '2009-03-31'],
  ])('%i government=%s → %s', (year, government, expected) => {
    expect(publicationDeadline(year, government)).toBe(expected);
  });

  it.each([Number.NaN, 2023.5, Number.POSITIVE_INFINITY, 0, -1, 10000])('rejects %s', (year) => {
    expect(() => publicationDeadline(year, true)).toThrow(RangeError);
  });
});

describe('isLate', () => {
  it.each<[string | null, number | null, boolean, boolean | null]>([
    ['2024-01-31', 2023, false, false],
    ['2024-02-01', 2023, false, true],
    ['2024-02-01', 2023, true, false],
    ['2024-03-31', 2023, true, false],
    ['2024-04-01', 2023, true, true],
    ['2019-03-15', 2018, false, false],
    ['2019-04-01', 2018, false, true],
    ['2023-12-30', 2023, false, false],
    [null, 2023, true, null],
    ['2024-04-01', null, true, null],
    ['2024-13-01', 2023, true, null],
    ['2024-02-30', 2023, true, null],
    ['2024-4-1', 2023, true, null],
    ['not a date', 2023, true, null],
    ['2024-04-01', 2023.5, true, null],
    ['2024-04-01', Number.NaN, true, null],
  ])('published %s for %s (government=%s) → %s', (publishedAt, year, government, expected) => {
    expect(isLate(publishedAt, year, government)).toBe(expected);
  });
});
