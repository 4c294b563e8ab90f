import { describe, expect, it } from 'vitest';
import type { MappedText } from '../types.ts';
import {
  compose,
  identityText,
  MappedTextBuilder,
  sourceSlice,
  toSourceSpan,
} from './mapped-text.ts';

const offsetsOf = (m: MappedText) => Array.from(m.offsets);

describe('identityText', () => {
  it.each([
    ['', [0]],
    ['a', [0, 1]],
    ['报告2023', [0, 1, 2, 3, 4, 5, 6]],
  ])('%j maps every character to itself', (s, offsets) => {
    const m = identityText(s);
    expect(m.text).toBe(s);
    expect(offsetsOf(m)).toEqual(offsets);
  });
});

describe('MappedTextBuilder', () => {
  type Step = (b: MappedTextBuilder) => void;
  it.each<[string, Step[], number, string, number[]]>([
    ['nothing', [], 0, '', [0]],
    ['one char per offset', [(b) => b.append('a', 3), (b) => b.append('b', 7)], 9, 'ab', [3, 7, 9]],
    ['several chars share an offset', [(b) => b.append('(一)', 5)], 6, '(一)', [5, 5, 5, 6]],
    ['code units', [(b) => b.appendCode(0x41, 2)], 3, 'A', [2, 3]],
    [
      'slice with identity offsets',
      [(b) => b.appendSlice('xxhello', 2, 5)],
      7,
      'hel',
      [2, 3, 4, 7],
    ],
    ['slice shifted', [(b) => b.appendSlice('hello', 0, 2, 10)], 12, 'he', [10, 11, 12]],
    [
      'mapped text keeps its offsets',
      [(b) => b.appendMapped({ text: 'xy', offsets: Int32Array.from([4, 9, 10]) })],
      10,
      'xy',
      [4, 9, 10],
    ],
    [
      'truncate drops the tail',
      [(b) => b.append('abc', 0), (b) => b.truncate(1), (b) => b.append('z', 8)],
      9,
      'az',
      [0, 8, 9],
    ],
  ])('%s', (_name, steps, end, text, offsets) => {
    const b = new MappedTextBuilder(1);
    for (const step of steps) step(b);
    const m = b.finish(end);
    expect(m.text).toBe(text);
    expect(offsetsOf(m)).toEqual(offsets);
  });

  it.each([
    ['short', 10],
    ['long enough for the fast path', 100_000],
  ])('grows and keeps lone surrogates intact (%s)', (_name, n) => {
    const b = new MappedTextBuilder(2);
    for (let i = 0; i < n; i++) b.appendCode(i % 7 === 0 ? 0xd800 : 0x4e00 + (i % 100), i);
    const m = b.finish(n);
    expect(m.text.length).toBe(n);
    expect(m.text.charCodeAt(0)).toBe(0xd800);
    expect(m.text.charCodeAt(1)).toBe(0x4e01);
    expect(m.offsets[n - 1]).toBe(n - 1);
    expect(m.offsets[n]).toBe(n);
  });

  it('reports its last code and offset', () => {
    const b = new MappedTextBuilder();
    expect([b.lastCode(), b.lastOffset()]).toEqual([-1, -1]);
    b.append('ab', 4);
    expect([b.lastCode(), b.lastOffset(), b.length, b.peekText()]).toEqual([0x62, 4, 2, 'ab']);
  });
});

describe('compose', () => {
  const inner: MappedText = {
    text: 'abcdef',
    offsets: Int32Array.from([10, 12, 14, 16, 18, 20, 22]),
  };
  it.each<[string, MappedText, number[]]>([
    ['identity outer', identityText('abcdef'), [10, 12, 14, 16, 18, 20, 22]],
    ['outer picks characters', { text: 'bd', offsets: Int32Array.from([1, 3, 6]) }, [12, 16, 22]],
    ['out-of-range offsets clamp', { text: 'x', offsets: Int32Array.from([-3, 99]) }, [10, 22]],
  ])('%s', (_name, outer, offsets) => {
    const m = compose(outer, inner);
    expect(m.text).toBe(outer.text);
    expect(offsetsOf(m)).toEqual(offsets);
  });
});

describe('toSourceSpan / sourceSlice', () => {
  const source = '<b>收到</b>申请12件';
  // What an HTML pass would produce for `source`: "收到申请12件".
  const m: MappedText = {
    text: '收到申请12件',
    offsets: Int32Array.from([3, 4, 9, 10, 11, 12, 13, 14]),
  };
  it.each<[[number, number], [number, number], string]>([
    [[0, 2], [3, 9], '收到</b>'],
    [[2, 6], [9, 13], '申请12'],
    [[4, 6], [11, 13], '12'],
    [[0, 7], [3, 14], '收到</b>申请12件'],
    [[-1, 99], [3, 14], '收到</b>申请12件'],
  ])('%j → %j', (span, expected, slice) => {
    expect(toSourceSpan(m, span)).toEqual(expected);
    expect(sourceSlice(source, m, span)).toBe(slice);
  });
});
