/**
 * Shared low-level scanning for the metadata finders: text segments, organisation names, and
 * the "title-like" phrases (`XX2016年度政府信息公开工作年度报告`) from which the year and the
 * agency are read.
 *
 * Internal to `metadata/`; the public API is in the sibling modules.
 * Every regular expression is linear (bounded runs between fixed tokens, no nested quantifiers).
 */
import type { Span } from '../types.ts';
import { parseChineseNumber } from './chinese-numerals.ts';

export const BLANK = '[ \\t\\u00a0\\u3000]';
export const CN_DIGITS = '〇○零一二三四五六七八九';

export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u3000';
}

const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Years a report can cover or be published in. */
export const MIN_REPORT_YEAR = 1990;
export const MAX_REPORT_YEAR = 2199;

/** A 4-digit year (ASCII or Chinese digits) followed by 年 or 年度; group 1 is the year. */
export const YEAR_TOKEN_SOURCE = `(?<![0-9${CN_DIGITS}十])([0-9]{4}|[${CN_DIGITS}]{4})${BLANK}{0,3}年(?:度)?`;

/** Parses the year digits of a {@link YEAR_TOKEN_SOURCE} match; null if out of range. */
export function parseYearDigits(s: string): number | null {
  const n = /^[0-9]{4}$/.test(s) ? Number(s) : parseChineseNumber(s);
  if (n === null || n < MIN_REPORT_YEAR || n > MAX_REPORT_YEAR) return null;
  return n;
}

/** True when `pos` lies inside a 《…》 book title (looks back at most 160 characters). */
export function isInBookTitle(text: string, pos: number): boolean {
  const stop = Math.max(0, pos - 160);
  for (let i = pos - 1; i >= stop; i--) {
    const c = text[i];
    if (c === '》') return false;
    if (c === '《') return true;
  }
  return false;
}

/** Characters that end a name-bearing segment when scanning away from a keyword. */
const HARD_BOUNDARY = new Set([
  ...'\n\r:>»›|/\\_=&#。,;!?、》《【】[]<“”"\'‘’',
  '\u2028',
  '\u2029',
]);

/** A piece of text with the original offset of each of its characters. */
export interface Compact {
  s: string;
  idx: number[];
  /** Character that stopped the scan: '' = start/end of text, '\n', ' ' (a blank), 'max', or the boundary character. */
  boundary: string;
}

/**
 * The segment that ends at `pos`: characters going back until a boundary (line break,
 * punctuation, breadcrumb separators, or a blank that is not next to an ASCII digit). Blanks
 * next to digits are dropped, so `兴庆区 2015 年` reads `兴庆区2015年`.
 */
export function segmentBefore(text: string, pos: number, max = 60): Compact {
  const chars: string[] = [];
  const idx: number[] = [];
  let boundary = '';
  let i = pos - 1;
  const floor = pos - max * 8; // blanks dropped next to digits are bounded too
  while (i >= 0) {
    if (chars.length >= max || i < floor) {
      boundary = 'max';
      break;
    }
    const c = text[i] as string;
    if (isBlank(c)) {
      let j = i;
      while (j >= 0 && j >= floor && isBlank(text[j])) j--;
      const left = j >= 0 ? text[j] : undefined;
      const right = text[i + 1];
      if (isAsciiDigit(left) || isAsciiDigit(right)) {
        i = j;
        continue;
      }
      boundary = ' ';
      break;
    }
    if (HARD_BOUNDARY.has(c)) {
      boundary = c;
      break;
    }
    chars.push(c);
    idx.push(i);
    i--;
  }
  chars.reverse();
  idx.reverse();
  return { s: chars.join(''), idx, boundary };
}

/** The segment that starts at `pos`, symmetric to {@link segmentBefore}. */
export function segmentAfter(text: string, pos: number, max = 60): Compact {
  const chars: string[] = [];
  const idx: number[] = [];
  let boundary = '';
  let i = pos;
  const ceiling = pos + max * 8;
  while (i < text.length) {
    if (chars.length >= max || i > ceiling) {
      boundary = 'max';
      break;
    }
    const c = text[i] as string;
    if (isBlank(c)) {
      let j = i;
      while (j < text.length && j <= ceiling && isBlank(text[j])) j++;
      if (isAsciiDigit(text[i - 1]) || isAsciiDigit(text[j])) {
        i = j;
        continue;
      }
      boundary = ' ';
      break;
    }
    if (HARD_BOUNDARY.has(c)) {
      boundary = c;
      break;
    }
    chars.push(c);
    idx.push(i);
    i++;
  }
  return { s: chars.join(''), idx, boundary };
}

/** A name read from the text, with its span in the original text. */
export interface NamePiece {
  text: string;
  span: Span;
}

/** The piece `c.s.slice(a, b)` with its original span. */
export function piece(c: Compact, a: number, b: number): NamePiece | null {
  if (b <= a) return null;
  return { text: c.s.slice(a, b), span: [c.idx[a] as number, (c.idx[b - 1] as number) + 1] };
}

// ---------------------------------------------------------------------------------------------
// Organisation names

const NAME_CHARS = /^[\u3400-\u9fff\uf900-\ufaff〇()·]+$/;
const ORG_SUFFIX =
  /(?:人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|中心|院|所|站|会|处|署|部|队|馆|室|科|社|公司|集团|组|团|庭|校|台|司|行|海关|机关|联|协|大学|场|监狱)$/;
const PLACE_SUFFIX =
  /(?:省|市|区|县|旗|州|盟|镇|乡|街道|村|社区|新区|开发区|实验区|示范区|高新区|园区|自治区)$/;
const STOP_PREFIX =
  /^(?:我|本(?!溪)|现将|现|根据|按照|依据|编制|关于|由|该|对|为|在|经过|通过|请|附|填报|统计|报告|今年|全年|年度|其中|以及)/;
const JUNK =
  /首页|位置|报告|年报|栏目|专栏|网站|链接|点击|浏览|字体|打印|关闭|分享|来源|发布|时间|日期/;
/** A 来源 that names a website, a newspaper or an account rather than an issuing body. */
const MEDIA_SUFFIX = /(?:网|网站|门户|频道|报|日报|报社|新闻|客户端|微信|微博|公众号|号|APP|版)$/i;

/**
 * Removes the blanks pdftotext leaves inside CJK names (`银川市兴 庆区…` → `银川市兴庆区…`), edge
 * pipes, and the function words that glue a name to a title (`XX局关于2016年度…` → `XX局`).
 */
export function compactName(s: string): string {
  return s
    .replace(/[ \t\u00a0\u3000]/g, '')
    .replace(/^[|]+|[|]+$/g, '')
    .replace(/^关于/, '')
    .replace(/(?:关于|的)$/, '');
}

/** The name without a trailing parenthetical (`驻马店市行政服务中心(公共资源交易中心)`). */
function withoutTrailingParen(name: string): string {
  return name.endsWith(')') && name.includes('(') ? name.slice(0, name.lastIndexOf('(')) : name;
}

export function hasOrgSuffix(name: string): boolean {
  return ORG_SUFFIX.test(withoutTrailingParen(name));
}

export function hasPlaceSuffix(name: string): boolean {
  return PLACE_SUFFIX.test(withoutTrailingParen(name));
}

export function isMediaName(name: string): boolean {
  return MEDIA_SUFFIX.test(name);
}

/**
 * Whether `name` can be the name of a body. `strict` requires an organisation suffix (局, 中心,
 * 人民政府, …); otherwise a clean place or short form (`兴庆区`, `区机关后勤`) is accepted.
 */
export function isPlausibleName(name: string, strict: boolean): boolean {
  if (name.length < (strict ? 3 : 2) || name.length > 40) return false;
  if (!NAME_CHARS.test(name)) return false;
  if (STOP_PREFIX.test(name) || JUNK.test(name)) return false;
  const open = name.split('(').length - 1;
  const close = name.split(')').length - 1;
  if (open !== close || name.startsWith('(')) return false;
  if (strict) return hasOrgSuffix(name);
  return true;
}

/**
 * A name that sits directly before 政府信息公开: `淮安市人民` + `政府信息公开` means 淮安市人民政府;
 * `淮安市` + `政府信息公开` is read as 淮安市政府 (the place's government).
 */
export function completeBeforeZhengfu(name: string): string {
  if (name.endsWith('人民')) return `${name}政府`;
  if (hasPlaceSuffix(name) && !hasOrgSuffix(name)) return `${name}政府`;
  return name;
}

// ---------------------------------------------------------------------------------------------
// Lines

/** The closest non-blank line before the line starting at `lineStart`, at most `maxSkip` blank lines up. */
export function previousLine(text: string, lineStart: number, maxSkip = 4): Span | null {
  let end = lineStart - 1; // the '\n' ending the previous line
  for (let k = 0; k <= maxSkip && end >= 0; k++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (line.replace(/[ \t\u00a0\u3000|]/g, '') !== '') return [start, end];
    end = start - 1;
  }
  return null;
}

/** The line's text trimmed of blanks and table pipes, with its span. */
export function trimmedLine(text: string, span: Span): NamePiece | null {
  let [a, b] = span;
  while (a < b && (isBlank(text[a]) || text[a] === '|')) a++;
  while (b > a && (isBlank(text[b - 1]) || text[b - 1] === '|' || text[b - 1] === '\r')) b--;
  if (b <= a) return null;
  return { text: text.slice(a, b), span: [a, b] };
}

// ---------------------------------------------------------------------------------------------
// Title-like phrases

/** `政府信息公开工作年度报告`, `政务公开年报`, `信息公开工作情况的报告`, … (bounded, lazy). */
const REPORT_PHRASE = /(?:政府信息|政务|信息)(?:与政务)?公开[^。,;!?:《》|]{0,16}?(?:报告|年报)/g;
const YEAR_IN_SEGMENT = new RegExp(YEAR_TOKEN_SOURCE.replaceAll(`${BLANK}{0,3}`, ''), 'g');
const YEAR_AFTER_PHRASE = new RegExp(
  `${BLANK}{0,3}[(\\[]${BLANK}{0,3}([0-9]{4}|[${CN_DIGITS}]{4})${BLANK}{0,3}年?度?${BLANK}{0,3}[)\\]]`,
  'y',
);
const RELATED_LABEL =
  /上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关新闻|推荐阅读|相关信息/;
/** Segment starts that make a title stand on its own (not mid-sentence). */
const TITLE_START_BOUNDARIES = new Set([
  '',
  '\n',
  '\r',
  ' ',
  ':',
  '>',
  '»',
  '›',
  '|',
  '】',
  ']',
  '_',
  '/',
]);

export interface TitleLike {
  /** The report phrase (`政府信息公开工作年度报告`). */
  phraseSpan: Span;
  /** The whole title-like run, from the start of the segment to the end of the phrase (or year). */
  span: Span;
  year: { value: number; span: Span } | null;
  /** The year is printed before the phrase (`XX2016年…报告`), not after it (`…报告(2016年度)`). */
  yearBeforePhrase: boolean;
  /** Text before the year (or before the phrase when there is no year), compacted. */
  prefix: NamePiece | null;
  /** Text between the year and the phrase (`2024年上海市科委政府信息公开…` → 上海市科委). */
  between: NamePiece | null;
  /** The phrase starts with 政府 (so a name just before it may have lent 政府 to it). */
  phraseStartsWithZhengfu: boolean;
  /** The segment begins at the start of a line (or of the text). */
  lineStart: boolean;
  /** Stands on its own: starts after a line break or page separator and ends before one. */
  standalone: boolean;
  inBookTitle: boolean;
  /** Preceded by 上一篇/下一篇/相关链接…: a link to another page. */
  related: boolean;
}

/** Every title-like phrase in `text`, in order. */
export function findTitleLikes(text: string): TitleLike[] {
  const out: TitleLike[] = [];
  REPORT_PHRASE.lastIndex = 0;
  for (let m = REPORT_PHRASE.exec(text); m !== null; m = REPORT_PHRASE.exec(text)) {
    const rs = m.index;
    let re = rs + m[0].length;
    const pre = segmentBefore(text, rs, 60);

    let year: TitleLike['year'] = null;
    let prefix: NamePiece | null = null;
    let between: NamePiece | null = null;

    // The last year token in the segment before the phrase.
    let last: RegExpExecArray | null = null;
    YEAR_IN_SEGMENT.lastIndex = 0;
    for (let y = YEAR_IN_SEGMENT.exec(pre.s); y !== null; y = YEAR_IN_SEGMENT.exec(pre.s)) last = y;
    if (last) {
      const value = parseYearDigits(last[1] as string);
      const ys = last.index;
      const ye = ys + last[0].length;
      if (value !== null) {
        const yp = piece(pre, ys, ys + (last[1] as string).length) as NamePiece;
        year = { value, span: yp.span };
      }
      prefix = piece(pre, 0, ys);
      between = piece(pre, ye, pre.s.length);
    } else {
      prefix = piece(pre, 0, pre.s.length);
    }

    // `…年度报告(2016年度)`
    YEAR_AFTER_PHRASE.lastIndex = re;
    const after = YEAR_AFTER_PHRASE.exec(text);
    if (after) {
      const value = parseYearDigits(after[1] as string);
      if (value !== null && year === null) {
        const ys = text.indexOf(after[1] as string, re);
        year = { value, span: [ys, ys + (after[1] as string).length] };
        re += after[0].length;
      }
    }

    // Ends on its own: a line break, the end of the text, or a blank (flattened pages).
    let j = re;
    while (j < text.length && isBlank(text[j])) j++;
    const endOk =
      j >= text.length || text[j] === '\n' || text[j] === '\r' || j > re || text[j] === '|';
    const startOk = TITLE_START_BOUNDARIES.has(pre.boundary);

    const segStart = pre.idx.length > 0 ? (pre.idx[0] as number) : rs;
    const labelWindow = text.slice(Math.max(0, segStart - 14), segStart);

    let k = segStart - 1;
    while (k >= 0 && isBlank(text[k])) k--;
    const lineStart = k < 0 || text[k] === '\n' || text[k] === '\r';

    out.push({
      phraseSpan: [rs, rs + m[0].length],
      span: [segStart, re],
      year,
      yearBeforePhrase: last !== null && year !== null && year.span[0] < rs,
      prefix,
      between,
      phraseStartsWithZhengfu: m[0].startsWith('政府'),
      lineStart,
      standalone: startOk && endOk,
      inBookTitle: isInBookTitle(text, rs),
      related: RELATED_LABEL.test(labelWindow),
    });
  }
  return out;
}
