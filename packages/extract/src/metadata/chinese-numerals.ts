/**
 * Chinese numerals and calendar dates as printed in 政府信息公开工作年度报告.
 *
 * Input is expected to be normalised already (NFKC; `○` folded to `〇`), but both zero glyphs
 * are accepted anyway so the helpers can be used on raw text too.
 *
 * Every regular expression here is linear: no nested or unbounded quantifiers inside a repeated
 * group, only bounded runs between fixed tokens.
 */

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/**
 * Parses a Chinese numeral, or a plain ASCII integer, to a number.
 *
 * - positional with units: `十` 10, `十五` 15, `二十` 20, `三十一` 31, `一百零五` 105,
 *   `两千零一十二` 2012, `三万五千` 35000;
 * - digit by digit, as years are written: `二〇一二` 2012, `二○一三` 2013, `一九九九` 1999.
 *
 * Returns null for an empty or malformed string (`十十`, `二二十`, `百十`, foreign characters).
 */
export function parseChineseNumber(input: string): number | null {
  const s = input.trim();
  if (s === '') return null;
  if (/^[0-9]+$/.test(s)) return Number(s);

  let hasUnit = false;
  for (const ch of s) {
    if (ch in SMALL_UNITS || ch in BIG_UNITS) hasUnit = true;
    else if (!(ch in DIGITS)) return null;
  }

  if (!hasUnit) {
    // Digit by digit (二〇一二). A leading 两 is not a digit-string idiom, but harmless.
    let n = 0;
    for (const ch of s) n = n * 10 + (DIGITS[ch] as number);
    return n;
  }

  let total = 0; // completed 万/亿 groups
  let section = 0; // value below the current 万
  let digit: number | null = null; // pending digit
  let lastSmallUnit = Number.POSITIVE_INFINITY; // units must decrease inside a section
  let lastBigUnit = Number.POSITIVE_INFINITY;
  let first = true;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // 二二十
      if (d === 0) {
        digit = digit ?? 0;
      } else {
        digit = d;
      }
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch] as number;
      if (unit >= lastSmallUnit) return null; // 十十, 十百
      let mult: number;
      if (digit === null || digit === 0) {
        // A bare 十 reads 1×10, but only where no digit could have been written: at the start
        // (十五), after 零 (一千零十), or at the start of a 万 group (一万十五 is not written, but
        // 一万零十 is; both are accepted).
        if (unit !== 10) return null;
        if (!(first || digit === 0 || section === 0)) return null;
        mult = 1;
      } else {
        mult = digit;
      }
      section += mult * unit;
      digit = null;
      lastSmallUnit = unit;
    } else {
      const unit = BIG_UNITS[ch] as number;
      if (unit >= lastBigUnit) return null;
      const group = section + (digit ?? 0);
      if (group === 0) return null;
      total += group * unit;
      section = 0;
      digit = null;
      lastSmallUnit = Number.POSITIVE_INFINITY;
      lastBigUnit = unit;
    }
    first = false;
  }
  return total + section + (digit ?? 0);
}

/** A calendar date as printed; `day` is null for a month-precision date (`二〇一三年一月`). */
export interface DateParts {
  year: number;
  month: number;
  day: number | null;
}

/** A date found in running text. `iso` is null when the date has no day. */
export interface DateMatch extends DateParts {
  /** `[start, end)` offsets of the printed date in the scanned text. */
  span: [number, number];
  iso: string | null;
}

/** Years outside this window are not dates of a report (guards against stray 4-digit runs). */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date (day null = month precision). */
export function isValidDate(year: number, month: number, day: number | null): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === null) return true;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD`, or `YYYY-MM` when the day is unknown. */
export function formatDate(parts: DateParts): string {
  const ym = `${parts.year}-${pad2(parts.month)}`;
  return parts.day === null ? ym : `${ym}-${pad2(parts.day)}`;
}

const CN_DIGIT = '〇○零一二三四五六七八九';
const CN_SMALL = `${CN_DIGIT}十`;

/** Year written as 4 ASCII digits or 4 Chinese digits (digit by digit). */
function parseYearPart(s: string): number | null {
  if (/^[0-9]{4}$/.test(s)) return Number(s);
  if (new RegExp(`^[${CN_DIGIT}]{4}$`).test(s)) return parseChineseNumber(s);
  return null;
}

/** Month or day: 1–2 ASCII digits or a small Chinese numeral (一 … 三十一). */
function parseSmallPart(s: string): number | null {
  if (/^[0-9]{1,2}$/.test(s)) return Number(s);
  if (new RegExp(`^[${CN_SMALL}]{1,3}$`).test(s)) return parseChineseNumber(s);
  return null;
}

/**
 * Parses a whole string as a date. Accepted: `2017年04月05日`, `2017年4月5日`, `2017年4月5号`,
 * `2017-04-05`, `2017/4/5`, `2017.04.05`, `二〇一二年二月二十日`, `二○一三年一月`; blanks anywhere
 * inside are ignored (`2015 年12月2日`). Invalid calendar dates (2月30日, 13月) give null.
 */
export function parseDateParts(text: string): DateParts | null {
  const s = text.replace(/[\s\u3000]/g, '');
  if (s.length > 24) return null;
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;

  const sep = /^([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})$/.exec(s);
  if (sep) {
    year = Number(sep[1]);
    month = Number(sep[3]);
    day = Number(sep[4]);
  } else {
    const cn = /^([^年]{4})年([^月]{1,3})月(?:([^日号]{1,3})[日号])?$/.exec(s);
    if (!cn) return null;
    year = parseYearPart(cn[1] as string);
    month = parseSmallPart(cn[2] as string);
    day = cn[3] === undefined ? null : parseSmallPart(cn[3]);
    if (cn[3] !== undefined && day === null) return null;
  }
  if (year === null || month === null) return null;
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/**
 * Parses a whole string as a day-precision date and returns `YYYY-MM-DD`.
 * A date without a day (`二〇一三年一月`) returns null; use {@link parseDateParts} to get the
 * month-precision parts instead.
 */
export function parseDate(text: string): string | null {
  const p = parseDateParts(text);
  return p && p.day !== null ? formatDate(p) : null;
}

// Blanks allowed between the parts of a date (pdftotext puts spaces around numbers).
const B = '[ \\t\\u00a0\\u3000]{0,3}';
const B_NL = '[ \\t\\u00a0\\u3000\\n]{0,3}';
const YEAR_ASCII = '(?<![0-9])[0-9]{4}';
const YEAR_CN = `(?<![${CN_DIGIT}十])[${CN_DIGIT}]{4}`;
const SMALL = `(?:[0-9]{1,2}(?![0-9])|[${CN_SMALL}]{1,3})`;

/**
 * One alternation, scanned left to right:
 *  1. `YYYY年M月(D日)?` with ASCII or Chinese digits;
 *  2. `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.MM.DD` (same separator twice, not followed by a digit).
 */
const DATE_SCAN = new RegExp(
  `(?:${YEAR_ASCII}|${YEAR_CN})${B}年${B_NL}${SMALL}${B}月(?:${B}${SMALL}${B}[日号])?` +
    `|${YEAR_ASCII}([-/.])[0-9]{1,2}\\1[0-9]{1,2}(?![0-9])`,
  'g',
);

/**
 * Every valid date printed in `text`, in order. Month-precision dates are included with
 * `day: null` and `iso: null`. Invalid calendar dates are skipped.
 */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  DATE_SCAN.lastIndex = 0;
  for (let m = DATE_SCAN.exec(text); m !== null; m = DATE_SCAN.exec(text)) {
    const parts = parseDateParts(m[0]);
    if (!parts) continue;
    out.push({
      ...parts,
      span: [m.index, m.index + m[0].length],
      iso: parts.day === null ? null : formatDate(parts),
    });
  }
  return out;
}

/** The date that starts exactly at `pos` in `text`, if any. */
export function dateAt(text: string, pos: number): DateMatch | null {
  const sticky = new RegExp(DATE_SCAN.source, 'y');
  sticky.lastIndex = pos;
  const m = sticky.exec(text);
  if (!m) return null;
  const parts = parseDateParts(m[0]);
  if (!parts) return null;
  return {
    ...parts,
    span: [pos, pos + m[0].length],
    iso: parts.day === null ? null : formatDate(parts),
  };
}
