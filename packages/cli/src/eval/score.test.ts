import type { ExtractedReport, ExtractedValue } from '@gongkai/extract';
import { describe, expect, it } from 'vitest';
import { scoreFile, summarise, type Truth } from './score.ts';

const truth: Truth = {
  file: 'x.txt',
  agency: { name: '某县人民政府', alternatives: ['某县政府'], regionCode: '350128' },
  year: 2021,
  form: 'gov-2021',
  publishedAt: '2022-02-08',
  values: { a: 1, b: null, c: 3 },
  prose: { p: 5 },
};

const value = (
  code: string,
  v: number | null,
  source: ExtractedValue['source'] = 'table',
): ExtractedValue => ({
  code,
  value: v,
  unit: '件',
  source,
  span: [0, 1],
  confidence: 1,
});

const report = (
  values: ExtractedValue[],
  over: Partial<ExtractedReport> = {},
): ExtractedReport => ({
  agency: { name: '某县政府', regionCode: '350128' },
  year: 2021,
  form: 'gov-2021',
  publishedAt: '2022-02-08',
  values,
  findings: [],
  ...over,
});

describe('scoreFile', () => {
  it.each([
    [
      'all right',
      [value('a', 1), value('b', null), value('c', 3), value('p', 5, 'prose')],
      3,
      3,
      1,
    ],
    // A blank read as 0 is wrong: blank and zero differ.
    [
      'blank read as zero',
      [value('a', 1), value('b', 0), value('c', 3), value('p', 5, 'prose')],
      2,
      3,
      1,
    ],
    ['a cell missing and one extra', [value('a', 1), value('c', 3), value('z', 9)], 2, 3, 0],
    // A prose reading does not count as a table cell.
    ['cell given as prose', [value('a', 1, 'prose'), value('b', null), value('c', 3)], 2, 2, 0],
  ] as const)('%s', (_name, values, correct, extracted, prose) => {
    const s = scoreFile(truth, report([...values]));
    expect(s.cells).toEqual({ truth: 3, extracted, correct });
    expect(s.prose.correct).toBe(prose);
  });

  it('accepts any alternative agency name and checks every metadata field', () => {
    expect(scoreFile(truth, report([])).metadata.correct).toBe(5);
    const wrong = scoreFile(
      truth,
      report([], { agency: { name: '别的局', regionCode: null }, year: 2022 }),
    );
    expect(wrong.metadata.correct).toBe(2);
    expect(wrong.misses.filter((m) => m.kind === 'metadata').map((m) => m.code)).toEqual([
      'agency',
      'regionCode',
      'year',
    ]);
  });

  it('scores a failed extraction as all misses', () => {
    const s = scoreFile(truth, null, 'binary');
    expect([s.cells.correct, s.prose.correct, s.metadata.correct, s.error]).toEqual([
      0,
      0,
      0,
      'binary',
    ]);
  });
});

describe('summarise', () => {
  it('micro-averages over files', () => {
    const a = scoreFile(
      truth,
      report([value('a', 1), value('b', null), value('c', 3), value('p', 5, 'prose')]),
    );
    const b = scoreFile(truth, report([value('a', 2)]));
    expect(summarise([a, b])).toEqual({
      files: 2,
      cellRecall: 3 / 6,
      cellPrecision: 3 / 4,
      proseRecall: 1 / 2,
      metadataAccuracy: 1,
    });
  });
});
