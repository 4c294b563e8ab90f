import { describe, expect, it } from 'vitest';
import type { MappedText } from '../types.ts';
import { normalizeText } from './normalize.ts';

describe('normalizeText: text', () => {
  it.each([
    ['plain ASCII is untouched', 'Received 12 requests.\n', 'Received 12 requests.\n'],
    ['full-width brackets', '（一）收到申请', '(一)收到申请'],
    ['full-width colon and comma', '其中：自然人，法人', '其中:自然人,法人'],
    ['full-width digits', '收到申请１２件，办结１０．５％', '收到申请12件,办结10.5%'],
    ['full-width letters', 'ＰＤＦ版', 'PDF版'],
    [
      'Chinese punctuation without a compatibility form stays',
      '依申请公开、主动公开。【】《》',
      '依申请公开、主动公开。【】《》',
    ],
    ['superscripts stay', '面积10²平方米', '面积10²平方米'],
    ['fractions stay', '占½以上', '占½以上'],
    ['circled digits stay (① → 1 would merge with the number after it)', '①12件', '①12件'],
    ['square-metre sign stays', '100㎡', '100㎡'],
    ['parenthesised digits keep their delimiters', '⑴12件', '(1)12件'],
    ['parenthesised ideographs', '㈠总体情况', '(一)总体情况'],
    ['month symbols', '㋀至㋋', '1月至12月'],
    ['mathematical digits are digits', '𝟏𝟐件', '12件'],
    ['ellipsis expands', '等…', '等...'],
    ['white circle in a numeral becomes 〇', '二○二三年', '二〇二三年'],
    ['large circle in a numeral becomes 〇', '二◯二四年', '二〇二四年'],
    ['runs of circles', '二○○○年', '二〇〇〇年'],
    ['a circle used as a bullet stays', '○ 主动公开\n', '○ 主动公开\n'],
    ['〇 and 零 are kept', '二〇二三年零五件', '二〇二三年零五件'],
    ['zero-width characters go', '1\u200B2\u200C3\u200D4\uFEFF5\u20606\u00AD7', '1234567'],
    [
      'NBSP, ideographic space and tabs become spaces',
      '\u3000\u3000一、\u00A0总体\t情况',
      '  一、 总体 情况',
    ],
    ['CRLF and CR become LF', 'a\r\nb\rc\n\rd', 'a\nb\nc\n\nd'],
    ['Unicode line separators become LF', 'a\u2028b\u0085c', 'a\nb\nc'],
    ['C0 controls become spaces', 'a\u0001b\u001Fc\u007Fd', 'a b c d'],
    ['HTML comments are removed', 'a<!-- 正文开始 -->b', 'ab'],
    ['a dangling --> is removed', '正文开始 -->收到申请', '正文开始 收到申请'],
    ['an unclosed <!-- loses only its opener', '前<!--后面没有结束', '前后面没有结束'],
    ['a lone < or - stays', 'a < b - c -> d', 'a < b - c -> d'],
    ['lone surrogates survive', 'a\uD800b', 'a\uD800b'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('keeps an over-long comment (a stray <!-- far from an unrelated -->)', () => {
    const body = '收到申请12件。'.repeat(1000);
    expect(normalizeText(`<!--${body}-->`).text).toBe(body);
  });

  it('stays linear on thousands of unclosed comment openers', () => {
    const input = '<!--'.repeat(500_000);
    const started = performance.now();
    expect(normalizeText(input).text).toBe('');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('normalizeText: offsets', () => {
  it.each<[string, string, string, number[]]>([
    ['one-to-one', '（一）', '(一)', [0, 1, 2, 3]],
    ['removed characters leave a gap', 'a\u200Bb', 'ab', [0, 2, 3]],
    ['CRLF maps to the CR', 'a\r\nb', 'a\nb', [0, 1, 3, 4]],
    ['expansions share the source offset', 'x…y', 'x...y', [0, 1, 1, 1, 2, 3]],
    ['comments vanish', 'a<!--c-->b', 'ab', [0, 9, 10]],
    ['astral characters', '𝟏件', '1件', [0, 2, 3]],
  ])('%s', (_name, input, text, offsets) => {
    const m = normalizeText(input);
    expect(m.text).toBe(text);
    expect(Array.from(m.offsets)).toEqual(offsets);
  });

  it('composes with the offsets of a MappedText input', () => {
    // As if an HTML pass turned "<p>１２</p>" into "１２".
    const input: MappedText = { text: '１２', offsets: Int32Array.from([3, 4, 9]) };
    const m = normalizeText(input);
    expect(m.text).toBe('12');
    expect(Array.from(m.offsets)).toEqual([3, 4, 9]);
  });

  it('maps every output character of a mixed text back to its source', () => {
    const input = '　　（二）收到申请１２３件\r\n办结率：９８．５％<!-- x -->二○二三年';
    const m = normalizeText(input);
    expect(m.offsets.length).toBe(m.text.length + 1);
    for (const probe of ['收到申请', '办结率']) {
      const a = m.text.indexOf(probe);
      expect(input.slice(m.offsets[a], m.offsets[a + probe.length])).toBe(probe);
    }
    const n = m.text.indexOf('123');
    expect(input.slice(m.offsets[n], m.offsets[n + 3])).toBe('１２３');
  });
});

describe('normalizeText: scaling', () => {
  // Throughput is measured by `npm run bench`; a test only guards against super-linear work, by
  // a ratio within one run (linear is 10×, quadratic 100×), which machine noise cannot fake.
  it('takes about ten times as long for ten times the text', () => {
    const line =
      '　　根据《条例》（以下简称条例），本年度收到申请１２３件，办结率９８．５％。二○二三年\r\n';
    const small = line.repeat(Math.ceil(2_000_000 / line.length));
    const large = line.repeat(Math.ceil(20_000_000 / line.length));
    normalizeText(line); // warm the character table
    const time = (input: string) => {
      const started = performance.now();
      const m = normalizeText(input);
      return { ms: performance.now() - started, length: m.text.length };
    };
    const a = time(small);
    const b = time(large);
    expect(b.length).toBeGreaterThan(19_000_000);
    expect(b.ms / Math.max(a.ms, 1)).toBeLessThan(40);
  }, 60_000);
});
