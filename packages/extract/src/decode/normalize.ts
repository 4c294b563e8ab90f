import type { MappedText } from '../types.ts';
import { mappedFromArrays } from './mapped-text.ts';

/**
 * Comments longer than this are not removed wholesale: in flattened text a stray `<!--` can sit
 * kilobytes before an unrelated `-->`, and deleting everything between would delete the report.
 */
const MAX_COMMENT_CHARS = 4096;

const ZERO = 0x3007; // 〇

/** Chinese numeral digits; a circle glyph next to one of these is a zero, elsewhere a bullet. */
const NUMERAL_NEIGHBOURS = new Set(
  Array.from('〇○◯零一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾', (ch) => ch.codePointAt(0)),
);

const UNKNOWN = 0;
const COPY = 1;
const SPECIAL = 2;

/**
 * What to do with each UTF-16 code unit, filled lazily. The hot loop only needs one typed-array
 * read for the overwhelmingly common "copy as is" case; that is what makes > 50 MB/s possible.
 */
const classOf = new Uint8Array(0x10000);
/** NFKC replacements for SPECIAL code units that have one. */
const bmpReplacement = new Map<number, string>();
const astralCache = new Map<number, string | null>();

/**
 * NFKC, except where it would change what a number means: `²` → `2` turns 10² into 102,
 * `½` → `1⁄2` and `①` → `1` glue digits onto their neighbours, `㎡` → `m2` reads as m × 2.
 * Digits that keep their delimiters (`⑴` → `(1)`, `⒈` → `1.`, `㋀` → `1月`) are fine.
 */
function acceptNfkc(ch: string, out: string): boolean {
  if (/\p{Nd}/u.test(ch)) return true;
  const delimited = /^\(.+\)$|^\d+\.$/.test(out);
  if (/\p{No}/u.test(ch)) return delimited;
  if (/\d/.test(out)) return delimited || /^\d+[月日点]$/.test(out);
  return true;
}

function replacementFor(ch: string): string | null {
  const out = ch.normalize('NFKC');
  return out === ch || !acceptNfkc(ch, out) ? null : out;
}

function isInvisible(c: number): boolean {
  // Zero-width space/joiners, LRM/RLM, word joiner, BOM, soft hyphen: they split numbers
  // ("1\u200B23") without anyone seeing it.
  return (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}

function classify(c: number): number {
  let k: number;
  if (c < 0x80) {
    // `<` and `-` may start comment debris; every C0 control but LF is rewritten.
    k = c >= 0x20 && c !== 0x3c && c !== 0x2d && c !== 0x7f ? COPY : c === 0x0a ? COPY : SPECIAL;
  } else if (
    (c >= 0xd800 && c <= 0xdfff) ||
    c <= 0xa0 ||
    c === 0x3000 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x25cb ||
    c === 0x25ef ||
    isInvisible(c)
  ) {
    k = SPECIAL;
  } else {
    const r = replacementFor(String.fromCharCode(c));
    if (r !== null) bmpReplacement.set(c, r);
    k = r === null ? COPY : SPECIAL;
  }
  classOf[c] = k;
  return k;
}

function astralReplacement(cp: number): string | null {
  let r = astralCache.get(cp);
  if (r === undefined) {
    r = replacementFor(String.fromCodePoint(cp));
    astralCache.set(cp, r);
  }
  return r;
}

/**
 * Canonicalise text for extraction, keeping a source offset for every output character:
 * per-character NFKC (full-width forms → ASCII) that leaves number-changing glyphs alone,
 * zero glyphs in Chinese numerals → 〇, invisible characters dropped, odd spaces → space,
 * CRLF/CR → LF, and HTML comment debris removed.
 */
export function normalizeText(input: string | MappedText): MappedText {
  const src = typeof input === 'string' ? input : input.text;
  const base = typeof input === 'string' ? null : input.offsets;
  const n = src.length;
  let codes = new Uint16Array(n + 16);
  let offs = new Int32Array(n + 17);
  let len = 0;
  // Cached position of the next `-->` at or after the scan; keeps repeated `<!--` linear.
  let nextClose = -1;

  const push = (c: number, at: number) => {
    if (len + 1 >= codes.length) {
      const bigger = new Uint16Array(codes.length * 2);
      bigger.set(codes);
      codes = bigger;
      const biggerOffs = new Int32Array(codes.length + 1);
      biggerOffs.set(offs);
      offs = biggerOffs;
    }
    codes[len] = c;
    offs[len++] = at;
  };

  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    let k = classOf[c] as number;
    if (k === UNKNOWN) k = classify(c);
    if (k === COPY && len + 1 < codes.length) {
      codes[len] = c;
      offs[len++] = base === null ? i : (base[i] as number);
      continue;
    }
    const at = base === null ? i : (base[i] as number);
    if (k === COPY) {
      push(c, at);
    } else if (c === 0x0d) {
      push(0x0a, at);
      if (src.charCodeAt(i + 1) === 0x0a) i++;
    } else if (c === 0x3c) {
      if (src.startsWith('<!--', i)) {
        if (nextClose !== Infinity && nextClose < i + 4) {
          const close = src.indexOf('-->', i + 4);
          nextClose = close < 0 ? Infinity : close;
        }
        // A short, closed comment goes entirely; otherwise only its opener.
        i = nextClose - i <= MAX_COMMENT_CHARS ? nextClose + 2 : i + 3;
      } else {
        push(c, at);
      }
    } else if (c === 0x2d) {
      // The `-->` that flattened pages leave behind once the opener was cut off.
      if (src.charCodeAt(i + 1) === 0x2d && src.charCodeAt(i + 2) === 0x3e) i += 2;
      else push(c, at);
    } else if (c < 0x80) {
      // Tabs and other controls still separate words, so they become a space, not nothing.
      push(0x20, at);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = src.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const r = astralReplacement(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        if (r === null) {
          push(c, at);
          push(d, base === null ? i + 1 : (base[i + 1] as number));
        } else {
          for (let j = 0; j < r.length; j++) push(r.charCodeAt(j), at);
        }
        i++;
      } else {
        push(c, at);
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      push(c, at);
    } else if (c === 0x85 || c === 0x2028 || c === 0x2029) {
      push(0x0a, at);
    } else if (c <= 0xa0 || c === 0x3000) {
      // C1 controls, NBSP and the ideographic space used for paragraph indents.
      push(0x20, at);
    } else if (c === 0x25cb || c === 0x25ef) {
      const numeral =
        NUMERAL_NEIGHBOURS.has(src.charCodeAt(i - 1)) ||
        NUMERAL_NEIGHBOURS.has(src.charCodeAt(i + 1));
      push(numeral ? ZERO : c, at);
    } else if (!isInvisible(c)) {
      const r = bmpReplacement.get(c) ?? String.fromCharCode(c);
      for (let j = 0; j < r.length; j++) push(r.charCodeAt(j), at);
    }
  }

  // offs is always one longer than codes, so there is room for the end offset.
  return mappedFromArrays(codes, offs, len, base === null ? n : (base[n] as number));
}
