import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type ByteEncoding, decodeBytes } from './decode-bytes.ts';
import { type ExtractErrorCode, isExtractError, MAX_INPUT_BYTES } from './errors.ts';

const SENTENCE =
  '根据《中华人民共和国政府信息公开条例》要求，现公布本机关2023年度政府信息公开工作年度报告。本年度收到申请123件。';

const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array => {
  const chunks = parts.map((p) =>
    typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

const utf16le = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const utf16be = (s: string) => {
  const le = utf16le(s);
  for (let i = 0; i < le.length; i += 2)
    [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return le;
};

/** High bytes that are neither UTF-8 nor sensible GBK (0x80 and 0xFF are invalid lead bytes in both). */
const junkHigh = (n: number) =>
  Uint8Array.from({ length: n }, (_, i) => [0x80, 0xff, 0xc0, 0xfe, 0xa0][i % 5] as number);

describe('decodeBytes: encodings', () => {
  it.each<[string, Uint8Array, ByteEncoding, string, boolean]>([
    ['plain ASCII', bytes('Report 2023\n'), 'utf-8', 'Report 2023\n', false],
    ['UTF-8', bytes(SENTENCE), 'utf-8', SENTENCE, false],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], SENTENCE), 'utf-8', SENTENCE, false],
    ['GBK', iconv.encode(SENTENCE, 'gbk'), 'gb18030', SENTENCE, false],
    ['GBK, short', iconv.encode('年度报告', 'gbk'), 'gb18030', '年度报告', false],
    [
      'GBK HTML',
      iconv.encode(`<html><meta charset="gbk"><p>${SENTENCE}</p>`, 'gbk'),
      'gb18030',
      `<html><meta charset="gbk"><p>${SENTENCE}</p>`,
      false,
    ],
    [
      'GB18030 four-byte characters',
      iconv.encode(`${SENTENCE}𠀀€`, 'gb18030'),
      'gb18030',
      `${SENTENCE}𠀀€`,
      false,
    ],
    [
      'GB18030 with BOM',
      bytes([0x84, 0x31, 0x95, 0x33], iconv.encode(SENTENCE, 'gb18030')),
      'gb18030',
      SENTENCE,
      false,
    ],
    ['UTF-16LE with BOM', bytes([0xff, 0xfe], utf16le(SENTENCE)), 'utf-16le', SENTENCE, false],
    ['UTF-16BE with BOM', bytes([0xfe, 0xff], utf16be(SENTENCE)), 'utf-16be', SENTENCE, false],
    [
      'UTF-16LE without BOM',
      utf16le(`Report 2023\n${SENTENCE}`),
      'utf-16le',
      `Report 2023\n${SENTENCE}`,
      false,
    ],
    [
      'UTF-8 with one bad byte',
      bytes(SENTENCE, [0xff], SENTENCE),
      'utf-8',
      `${SENTENCE}\uFFFD${SENTENCE}`,
      true,
    ],
    ['UTF-8 cut mid-character', bytes(SENTENCE, [0xe5, 0xb9]), 'utf-8', `${SENTENCE}\uFFFD`, true],
    [
      'ASCII with a stray Latin-1 byte',
      bytes('Annual report (c', [0xa9], ') 2023'),
      'utf-8',
      'Annual report (c\uFFFD) 2023',
      true,
    ],
  ])('%s', (_name, input, encoding, text, lossy) => {
    const d = decodeBytes(input);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(text);
    expect(d.lossy).toBe(lossy);
  });
});

describe('decodeBytes: refusals', () => {
  it.each<[string, ExtractErrorCode, Uint8Array]>([
    ['no bytes', 'empty', new Uint8Array(0)],
    ['ASCII whitespace', 'empty', bytes(' \r\n\t  \n')],
    ['ideographic spaces and a BOM', 'empty', bytes([0xef, 0xbb, 0xbf], '\u3000\u3000\n')],
    ['GBK ideographic spaces', 'empty', iconv.encode('\u3000\u3000 ', 'gbk')],
    ['UTF-16 BOM only', 'empty', bytes([0xff, 0xfe])],
    ['PDF', 'binary', bytes('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj')],
    ['PDF after junk', 'binary', bytes('\r\n  %PDF-1.4\n')],
    ['PNG', 'binary', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['JPEG', 'binary', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])],
    ['GIF', 'binary', bytes('GIF89a', [1, 0, 1, 0])],
    [
      'ZIP / DOCX',
      'binary',
      bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], '[Content_Types].xml'),
    ],
    ['Word 97 (OLE2)', 'binary', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['gzip', 'binary', bytes([0x1f, 0x8b, 0x08, 0], 'xxxx')],
    ['many NULs', 'binary', bytes('abc', new Array(64).fill(0), 'def', [0, 1, 0, 0])],
    [
      'control bytes',
      'binary',
      Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x02 : 0x41)),
    ],
    ['high bytes that are neither UTF-8 nor GBK', 'unreadable', junkHigh(400)],
  ])('%s → %s', (_name, code, input) => {
    let caught: unknown;
    try {
      decodeBytes(input);
    } catch (e) {
      caught = e;
    }
    expect(isExtractError(caught, code)).toBe(true);
  });

  it('refuses input over the size limit before looking at it', () => {
    expect(() => decodeBytes(new Uint8Array(MAX_INPUT_BYTES + 1))).toThrow(/MiB limit/);
  });
});

describe('decodeBytes: inputs at the size limit', () => {
  const AT_LIMIT = MAX_INPUT_BYTES;
  const fill = (unit: Uint8Array): Uint8Array => {
    const out = new Uint8Array(AT_LIMIT);
    for (let at = 0; at < out.length; at += unit.length) {
      out.set(unit.subarray(0, Math.min(unit.length, out.length - at)), at);
    }
    return out;
  };
  const gbkLine = iconv.encode(`${SENTENCE}\n`, 'gbk');
  const utf8Line = new TextEncoder().encode(`${SENTENCE}\n`);

  it.each<[string, () => Uint8Array, ByteEncoding | ExtractErrorCode]>([
    ['GBK', () => fill(gbkLine), 'gb18030'],
    ['UTF-8', () => fill(utf8Line), 'utf-8'],
    [
      'UTF-8 with a bad byte at the end',
      () => {
        const b = fill(utf8Line);
        b[b.length - 1] = 0xff;
        return b;
      },
      'utf-8',
    ],
    ['junk high bytes', () => fill(junkHigh(4096)), 'unreadable'],
    ['NUL-filled', () => new Uint8Array(AT_LIMIT), 'binary'],
  ])(
    '%s returns or throws within a couple of seconds',
    (_name, make, expected) => {
      const input = make();
      const started = performance.now();
      let outcome: string;
      try {
        outcome = decodeBytes(input).encoding;
      } catch (e) {
        outcome = isExtractError(e) ? e.code : String(e);
      }
      const ms = performance.now() - started;
      expect(outcome).toBe(expected);
      expect(ms).toBeLessThan(10_000);
    },
    30_000,
  );
});
