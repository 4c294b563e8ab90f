/**
 * The year a report covers (not the year it was published).
 *
 * Evidence, strongest first:
 *  1. `title`: a title standing on its own near the top (`平潭县人民政府2011年政府信息公开工作年度报告`,
 *     `XX2016年度…年度报告`, `二〇一九年…`, `…年度报告(2016年度)`, a crawler `标题:` line);
 *  2. `period`: the 统计期限 sentence (`统计期限自2021年1月1日起至2021年12月31日止`);
 *  3. `table`: a statistical table's title (`XX2011年政府信息公开情况统计表`, `统计表(2016年度)`),
 *     or the Fujian column header `2011年度 历年累计`;
 *  4. `sentence`: a title-like phrase inside a sentence (`现将我局2016年开展政府信息公开工作年度报告如下`);
 *  5. `mentions`: the year written most often (`2016年,我局…`), when it clearly dominates.
 *
 * Years inside 《…》 (the notice `《关于做好2016年政府信息公开工作年度报告…的通知》`), document
 * numbers (〔2019〕60号, which have no 年), links to other reports (上一篇/下一篇) and years in
 * passing (2035年远景目标) are not taken, except that tier 5 counts plain mentions.
 */
import type { Span } from '../types.ts';
import { findDates } from './chinese-numerals.ts';
import {
  BLANK,
  CN_DIGITS,
  findTitleLikes,
  isInBookTitle,
  parseYearDigits,
  YEAR_TOKEN_SOURCE,
} from './text-scan.ts';

export type ReportYearSource = 'title' | 'period' | 'table' | 'sentence' | 'mentions';

export interface ReportYear {
  year: number;
  /** Span of the year's digits as printed. */
  span: Span;
  source: ReportYearSource;
}

/** Titles further into the text than this are not the page's title. */
const TITLE_HEAD = 3000;

const B = `${BLANK}{0,3}`;
const YEAR = `(?<![0-9${CN_DIGITS}十])([0-9]{4}|[${CN_DIGITS}]{4})`;

const PERIOD_KEYWORD = /统计(?:期限|时限|周期|时段|时间|区间|期间|范围)|所列数据/g;

const TABLE_TITLES: RegExp[] = [
  // XX2011年政府信息公开情况统计表, 2017年度政府信息公开情况统计表
  new RegExp(
    `${YEAR}${B}年度?${B}(?:(?:政府信息|政务|信息)(?:与政务)?公开)?(?:工作)?(?:情况)?${B}统计表`,
    'g',
  ),
  // 政府信息公开情况统计表( 2016 年度)
  new RegExp(
    `统计表${B}(?:\\r?\\n${B})?[(\\[]${B}([0-9]{4}|[${CN_DIGITS}]{4})${B}年度?${B}[)\\]]`,
    'g',
  ),
  // Fujian provincial table header: 指标名称 计量单位 2011年度 历年累计
  new RegExp(`${YEAR}${B}年度[ \\t\\u00a0\\u3000|]{0,6}(?:\\r?\\n[ \\t|]{0,6})?历年累计`, 'g'),
];

const YEAR_MENTION = new RegExp(YEAR_TOKEN_SOURCE, 'g');

function spanOfGroup(m: RegExpExecArray, group: string): Span {
  const start = m.index + m[0].indexOf(group);
  return [start, start + group.length];
}

function fromTitles(text: string, standalone: boolean): ReportYear | null {
  for (const t of findTitleLikes(text)) {
    if (!t.year || t.inBookTitle || t.related) continue;
    if (standalone) {
      if (!t.standalone || t.span[0] > TITLE_HEAD) continue;
      return { year: t.year.value, span: t.year.span, source: 'title' };
    }
    return { year: t.year.value, span: t.year.span, source: 'sentence' };
  }
  return null;
}

function fromPeriod(text: string): ReportYear | null {
  PERIOD_KEYWORD.lastIndex = 0;
  for (let m = PERIOD_KEYWORD.exec(text); m !== null; m = PERIOD_KEYWORD.exec(text)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + 40);
    const cut = window.search(/[。;]/);
    const scope = cut >= 0 ? window.slice(0, cut) : window;
    const first = findDates(scope)[0];
    if (!first) continue;
    const start = from + first.span[0];
    const digits = /^[0-9]{4}|^[^年]{4}/.exec(text.slice(start, start + 4));
    const len = digits ? digits[0].length : 4;
    return { year: first.year, span: [start, start + len], source: 'period' };
  }
  return null;
}

function fromTables(text: string): ReportYear | null {
  let best: ReportYear | null = null;
  for (const re of TABLE_TITLES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const digits = m[1] as string;
      const year = parseYearDigits(digits);
      if (year === null || isInBookTitle(text, m.index)) continue;
      const span = spanOfGroup(m, digits);
      if (!best || span[0] < best.span[0]) best = { year, span, source: 'table' };
      break;
    }
  }
  return best;
}

function fromMentions(text: string): ReportYear | null {
  const counts = new Map<number, { n: number; span: Span }>();
  YEAR_MENTION.lastIndex = 0;
  for (let m = YEAR_MENTION.exec(text); m !== null; m = YEAR_MENTION.exec(text)) {
    const digits = m[1] as string;
    const year = parseYearDigits(digits);
    if (year === null || isInBookTitle(text, m.index)) continue;
    const c = counts.get(year);
    if (c) c.n++;
    else counts.set(year, { n: 1, span: [m.index, m.index + digits.length] });
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  const top = ranked[0];
  if (!top || top[1].n < 2) return null;
  const second = ranked[1];
  if (second && second[1].n * 2 > top[1].n) return null; // not clearly dominant
  return { year: top[0], span: top[1].span, source: 'mentions' };
}

/** The year the report covers, or null when the text gives no usable evidence. */
export function findReportYear(text: string): ReportYear | null {
  return (
    fromTitles(text, true) ??
    fromPeriod(text) ??
    fromTables(text) ??
    fromTitles(text, false) ??
    fromMentions(text)
  );
}
