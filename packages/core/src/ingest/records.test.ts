import type { ExtractedValue } from '@gongkai/extract';
import { describe, expect, it } from 'vitest';
import { parseReportId, reportIdOf, TEXT_CHUNK, textChunks, valueRecords } from './records.ts';

const key = {
  reportId: '320800-pciw5fxsw7-2024',
  agencyId: '320800-pciw5fxsw7',
  year: 2024,
  regionCode: '320800',
  version: 2,
};
const value = (code: string, v: number | null): ExtractedValue => ({
  code,
  value: v,
  unit: '件',
  source: 'table',
  span: [10, 12],
  confidence: 1,
});

describe('report ids', () => {
  it.each([
    ['320800-pciw5fxsw7-2024', { agencyId: '320800-pciw5fxsw7', year: 2024 }],
    ['000000-aaaaaaaaaa-2011', { agencyId: '000000-aaaaaaaaaa', year: 2011 }],
    ['320800-pciw5fxsw7', null],
    ['320800-PCIW5FXSW7-2024', null],
    ['x-2024', null],
    ['', null],
  ])('%s', (id, expected) => {
    expect(parseReportId(id)).toEqual(expected);
  });

  it('round-trips', () => {
    expect(parseReportId(reportIdOf('110000-abcdefghij', 2019))).toEqual({
      agencyId: '110000-abcdefghij',
      year: 2019,
    });
  });
});

describe('valueRecords', () => {
  it('takes the current reading where one is carried, else the extracted one', () => {
    const out = valueRecords(key, [value('a', 1), value('b', null)], new Map([['a', 5]]), 'now');
    expect(out.map((r) => [r.code, r.extracted, r.current])).toEqual([
      ['a', 1, 5],
      ['b', null, null],
    ]);
    expect(out[0]).toMatchObject({
      version: 2,
      spanStart: 10,
      spanEnd: 12,
      revision: 0,
      unit: '件',
    });
  });

  it('keeps one item per code, the last reading', () => {
    const out = valueRecords(key, [value('a', 1), value('a', 2)], new Map(), 'now');
    expect(out.map((r) => r.extracted)).toEqual([2]);
  });
});

describe('textChunks', () => {
  it.each([
    ['empty text', '', 1],
    ['short text', '公开', 1],
    ['exactly one chunk', 'x'.repeat(TEXT_CHUNK), 1],
    ['one over', 'x'.repeat(TEXT_CHUNK + 1), 2],
  ])('%s', (_name, text, chunks) => {
    const out = textChunks(key, text);
    expect(out).toHaveLength(chunks);
    expect(out.map((c) => c.text).join('')).toBe(text);
  });

  it('never cuts a surrogate pair and records each chunk start', () => {
    const text = `${'x'.repeat(TEXT_CHUNK - 1)}𠀀tail`;
    const out = textChunks(key, text);
    expect(out[0]?.text.length).toBe(TEXT_CHUNK - 1);
    expect(out[1]?.start).toBe(TEXT_CHUNK - 1);
    expect(out[1]?.text.startsWith('𠀀')).toBe(true);
  });
});
