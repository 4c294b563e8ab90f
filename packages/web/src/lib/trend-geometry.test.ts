import { describe, expect, it } from 'vitest';
import { type SparkInput, sparkline } from './trend-geometry.ts';

const opts = { width: 100, height: 50, pad: 0 };

describe('sparkline', () => {
  it.each<[string, SparkInput[], string, number[], number[]]>([
    [
      'a continuous rise from zero',
      [
        { year: 2019, value: 0 },
        { year: 2020, value: 5 },
        { year: 2021, value: 10 },
      ],
      'M0 50 L50 25 L100 0',
      [2019, 2020, 2021],
      [],
    ],
    [
      'a non-comparable year breaks the line instead of dropping to zero',
      [
        { year: 2019, value: 10 },
        { year: 2020, value: 10 },
        { year: 2021, value: null },
        { year: 2022, value: 5 },
        { year: 2023, value: 10 },
      ],
      'M0 0 L25 0 M75 25 L100 0',
      [2019, 2020, 2022, 2023],
      [2021],
    ],
    [
      'an isolated year is a dot only, with no path',
      [
        { year: 2019, value: 4 },
        { year: 2020, value: null },
        { year: 2021, value: 8 },
      ],
      '',
      [2019, 2021],
      [2020],
    ],
    [
      'a year missing from the input breaks the line too',
      [
        { year: 2019, value: 2 },
        { year: 2020, value: 4 },
        { year: 2023, value: 4 },
        { year: 2024, value: 2 },
      ],
      'M0 25 L20 0 M80 0 L100 25',
      [2019, 2020, 2023, 2024],
      [],
    ],
    [
      'all zeros sit on the baseline',
      [
        { year: 2020, value: 0 },
        { year: 2021, value: 0 },
      ],
      'M0 50 L100 50',
      [2020, 2021],
      [],
    ],
    [
      'unsorted input is drawn oldest first',
      [
        { year: 2021, value: 10 },
        { year: 2020, value: 0 },
      ],
      'M0 50 L100 0',
      [2020, 2021],
      [],
    ],
    ['nothing to draw', [], '', [], []],
  ])('%s', (_name, points, path, dotYears, gapYears) => {
    const g = sparkline(points, opts);
    expect(g.path).toBe(path);
    expect(g.dots.map((d) => d.year)).toEqual(dotYears);
    expect(g.gaps.map((d) => d.year)).toEqual(gapYears);
    expect(g.path).not.toContain('NaN');
  });

  it('places a single year in the middle', () => {
    const g = sparkline([{ year: 2021, value: 3 }], opts);
    expect(g.dots).toEqual([{ x: 50, y: 0, year: 2021, value: 3 }]);
    expect(g.path).toBe('');
  });

  it('keeps the padding free and scales negative values below zero', () => {
    const g = sparkline(
      [
        { year: 2019, value: -10 },
        { year: 2020, value: 10 },
      ],
      { width: 100, height: 50, pad: 5 },
    );
    expect(g.dots.map((d) => [d.x, d.y])).toEqual([
      [5, 45],
      [95, 5],
    ]);
    expect(g.min).toBe(-10);
    expect(g.max).toBe(10);
  });
});
