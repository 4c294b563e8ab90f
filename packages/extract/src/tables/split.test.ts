import { describe, expect, it } from 'vitest';
import { splitPieces } from './split.ts';

const values = (texts: string[], n: number) =>
  splitPieces(
    texts.map((text, i) => ({ text, start: i * 100 })),
    n,
  ).map((s) => s.map((v) => v.value).join('/'));

describe('splitPieces', () => {
  it.each([
    // A lone zero is a cell; no other number starts with 0.
    [['0000000'], 7, ['0/0/0/0/0/0/0']],
    [['77'], 2, ['7/7']],
    [['4251516'], 2, ['4/251516', '42/51516', '425/1516', '4251/516', '42515/16', '425151/6']],
    [['500000', '5'], 7, ['5/0/0/0/0/0/5']],
    // (七) of a 2019 table printed as `23 0 00 0 023`.
    [['23', '0', '00', '0', '023'], 7, ['23/0/0/0/0/0/23']],
    [['35.5'], 1, ['35.5']],
    [['12'], 3, []],
    [['1', '2', '3'], 2, []],
  ] as const)('%j into %i', (texts, n, expected) => {
    expect(values([...texts], n)).toEqual(expected);
  });

  it('keeps a decimal point inside one number', () => {
    expect(values(['13575394432.52'], 2)).toContain('135/75394432.52');
    expect(values(['13575394432.52'], 2).every((s) => (s.match(/\./g) ?? []).length <= 1)).toBe(
      true,
    );
  });

  it('reports offsets of each part', () => {
    const [first] = splitPieces([{ text: '4251516', start: 10 }], 2).filter(
      (s) => s[0]?.value === 425,
    );
    expect(first?.map((v) => [v.start, v.end])).toEqual([
      [10, 13],
      [13, 17],
    ]);
  });

  it('stays bounded on a long run of digits', () => {
    const t0 = performance.now();
    const out = splitPieces([{ text: '1234567891'.repeat(6), start: 0 }], 15, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
