import { describe, expect, it } from 'vitest';
import { agenciesWithin, regionChildrenWithAgencies } from './region-tree.ts';

// 广州市 440100 (天河区 440106, 越秀区 440104), 广东省 440000, 北京市东城区 110101, 福建省 350000.
const counts = new Map([
  ['440000', 2],
  ['440100', 1],
  ['440106', 3],
  ['440104', 1],
  ['440300', 4],
  ['110101', 5],
  ['350000', 1],
  ['999999', 7], // not a division
]);

describe('regionChildrenWithAgencies', () => {
  it.each([
    [
      'provinces',
      null,
      [
        ['110000', 5],
        ['350000', 1],
        ['440000', 11],
      ],
    ],
    [
      'cities of a province (its own agencies are not a child)',
      '440000',
      [
        ['440100', 5],
        ['440300', 4],
      ],
    ],
    [
      'counties of a city',
      '440100',
      [
        ['440104', 1],
        ['440106', 3],
      ],
    ],
    ['a municipality goes straight to its districts', '110000', [['110101', 5]]],
    ['a county has no children', '440106', []],
    ['a province without agencies', '320000', []],
    ['an unknown code', '999999', []],
  ] as const)('%s', (_name, parent, expected) => {
    const rows = regionChildrenWithAgencies(counts, parent);
    expect(rows.map((r) => [r.code, r.agencies])).toEqual(expected);
  });

  it('names and levels come from the division table', () => {
    expect(regionChildrenWithAgencies(counts, '440000')[0]).toEqual({
      code: '440100',
      name: '广州市',
      level: 'city',
      agencies: 5,
    });
  });

  it.each([
    ['440000', 11],
    ['440100', 5],
    ['440106', 3],
    ['110000', 5],
    ['320000', 0],
  ])('agenciesWithin(%s) = %i', (code, n) => {
    expect(agenciesWithin(counts, code)).toBe(n);
  });
});
