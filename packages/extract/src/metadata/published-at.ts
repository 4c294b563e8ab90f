/**
 * The publication date of a report.
 *
 * Rule (from the corpus truth): the page's publication date if the page prints one (crawler
 * header `发布时间: 2022-02-08 16:34`, page furniture `时间:2012-04-11`, `发布日期:2017年04月05日`),
 * else the date under the signature, else null. A fill-in date (`填报日期`, `填表日期`) or a date
 * inside a sentence is never a publication date. A signature dated only to the month
 * (`二〇一三年一月`) gives no day, so it yields null rather than an invented day.
 */
import type { Span } from '../types.ts';
import { type DateMatch, dateAt } from './chinese-numerals.ts';
import { findSignature } from './signature.ts';
import { isBlank } from './text-scan.ts';

export interface PublishedAt {
  /** YYYY-MM-DD */
  date: string;
  /** Span of the printed date. */
  span: Span;
  /** `page`: a labelled page date; `signature`: the date under the signature. */
  source: 'page' | 'signature';
}

export interface PublishedAtOptions {
  /**
   * The year the report covers, if known. A report cannot be published before its year starts,
   * so earlier dates are ignored.
   */
  reportYear?: number;
}

/**
 * Labels of a page date, by preference: 1 publication, 2 a bare 时间/日期 in the page furniture,
 * 3 an update time, 4 the document's own date (成文/发文).
 */
const LABEL_CLASS: Readonly<Record<string, number>> = {
  发布时间: 1,
  发布日期: 1,
  发布于: 1,
  发稿时间: 1,
  发稿日期: 1,
  公开时间: 1,
  公开日期: 1,
  公布时间: 1,
  公布日期: 1,
  时间: 2,
  日期: 2,
  更新时间: 3,
  更新日期: 3,
  成文时间: 4,
  成文日期: 4,
  发文时间: 4,
  发文日期: 4,
  生成日期: 4,
  印发日期: 4,
};

const LABEL_SCAN =
  /(发布时间|发布日期|发布于|发稿时间|发稿日期|公开时间|公开日期|公布时间|公布日期|更新时间|更新日期|成文时间|成文日期|发文时间|发文日期|生成日期|印发日期|时间|日期)[ \t\u00a0\u3000]{0,4}(:?)[ \t\u00a0\u3000]{0,20}(?:\r?\n[ \t\u00a0\u3000]{0,20})?/g;

interface LabelledDate {
  date: DateMatch;
  cls: number;
}

/** Dates printed right after a page-date label; fill-in dates (填报日期…) are excluded. */
export function findPageDates(text: string): LabelledDate[] {
  const out: LabelledDate[] = [];
  LABEL_SCAN.lastIndex = 0;
  for (let m = LABEL_SCAN.exec(text); m !== null; m = LABEL_SCAN.exec(text)) {
    const label = m[1] as string;
    const cls = LABEL_CLASS[label] as number;
    if (cls === 2) {
      // A bare 时间/日期 must start a field: 填报日期, 统计时间, 办结时间 … are other things.
      const before = text[m.index - 1];
      if (!(m.index === 0 || before === '\n' || before === '|' || isBlank(before))) continue;
      if (m[2] !== ':') continue;
    }
    const date = dateAt(text, m.index + m[0].length);
    if (!date || date.iso === null) continue;
    out.push({ date, cls });
    LABEL_SCAN.lastIndex = date.span[1];
  }
  return out;
}

/**
 * The publication date: the best labelled page date (earliest of the most specific label),
 * else the signature date, else null.
 */
export function findPublishedAt(
  text: string,
  options: PublishedAtOptions = {},
): PublishedAt | null {
  const ok = (d: DateMatch): boolean =>
    d.iso !== null && (options.reportYear === undefined || d.year >= options.reportYear);

  let best: LabelledDate | null = null;
  for (const p of findPageDates(text)) {
    if (!ok(p.date)) continue;
    if (!best || p.cls < best.cls) best = p;
  }
  if (best) return { date: best.date.iso as string, span: best.date.span, source: 'page' };

  const sig = findSignature(text, (s) => ok(s.date));
  if (sig) return { date: sig.date.iso as string, span: sig.date.span, source: 'signature' };
  return null;
}
