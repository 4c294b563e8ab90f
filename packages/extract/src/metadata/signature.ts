/**
 * The signature block at the end of a report's narrative: an issuing body on its own line (or
 * segment) followed by a date on its own, e.g.
 *
 *     榆林市机关事务管理局
 *     2017年3月3日
 *
 * or, in text flattened to one line, `…日常化。 二〇一二年二月二十日 附件1:…`.
 *
 * Internal to `metadata/`; used by published-at and agency-name.
 */
import type { Span } from '../types.ts';
import { type DateMatch, findDates } from './chinese-numerals.ts';
import {
  compactName,
  isBlank,
  isPlausibleName,
  type NamePiece,
  previousLine,
  segmentBefore,
  trimmedLine,
} from './text-scan.ts';

export interface SignatureDate {
  date: DateMatch;
  /** 2: the date follows a body's name; 1: it follows the end of a sentence. */
  score: 1 | 2;
  /** The signing body, when the date follows one. */
  name: NamePiece | null;
  /** `驻马店市行政服务中心(公共资源交易中心)` when the name continues on a parenthetical line. */
  fullName: NamePiece | null;
}

const SENTENCE_END = new Set(['。', '!', '?', ';', '…']);
/** Characters that continue a sentence after a date (`2017年3月1日起`, `…日,`). */
const CONTINUES = new Set([...',。、;:)》起至止前后以到召开发印及和与']);
const TIME_AFTER = /^[ \t\u00a0\u3000]{0,3}[0-9]{1,2}:[0-9]{2}/;

/** A line that is nothing but a parenthetical: `(公共资源交易中心)`. */
const PAREN_LINE = /^\([^()]{1,20}\)$/;

function nameFromLine(text: string, span: Span): NamePiece | null {
  const t = trimmedLine(text, span);
  if (!t || t.text.length > 48) return null;
  const name = compactName(t.text);
  return isPlausibleName(name, true) ? { text: name, span: t.span } : null;
}

/**
 * Dates standing on their own after a name or after the end of a sentence, in text order.
 * Dates after a label (`填报日期:`), inside a sentence, in a table cell or followed by a clock
 * time (page timestamps) are not signatures.
 */
export function findSignatureDates(text: string): SignatureDate[] {
  const out: SignatureDate[] = [];
  const minInline = Math.floor(text.length * 0.3);
  for (const date of findDates(text)) {
    const [ds, de] = date.span;

    // After: the line ends, or a blank separates it from what follows (flattened pages), or an
    // attachment follows (附件1).
    if (TIME_AFTER.test(text.slice(de, de + 12))) continue;
    let j = de;
    while (j < text.length && (isBlank(text[j]) || text[j] === '|')) j++;
    const atEnd = j >= text.length || text[j] === '\n' || text[j] === '\r';
    const blankAfter = j > de;
    if (!atEnd && !(text[j] === '附') && !(blankAfter && !CONTINUES.has(text[j] as string)))
      continue;

    // Before.
    let i = ds - 1;
    while (i >= 0 && isBlank(text[i])) i--;
    const blankBefore = i < ds - 1;
    const before: string = i >= 0 ? (text[i] as string) : '';

    if (before === '' || before === '\n' || before === '\r') {
      // The date starts a line: look at the line above.
      const prev = previousLine(text, i + 1);
      if (!prev) {
        if (ds >= minInline) out.push({ date, score: 1, name: null, fullName: null });
        continue;
      }
      const prevText = trimmedLine(text, prev)?.text ?? '';
      if (prevText.endsWith(':')) continue; // 发布时间:\n2018-02-08
      let name = nameFromLine(text, prev);
      let fullName: NamePiece | null = null;
      if (!name && PAREN_LINE.test(compactName(prevText))) {
        const above = previousLine(text, prev[0], 1);
        const aboveName = above ? nameFromLine(text, above) : null;
        if (aboveName) {
          name = aboveName;
          fullName = {
            text: aboveName.text + compactName(prevText),
            span: [aboveName.span[0], prev[1]],
          };
        }
      }
      if (name) {
        out.push({ date, score: 2, name, fullName });
      } else if (
        ds >= minInline &&
        (SENTENCE_END.has(prevText.at(-1) ?? '') || prevText.endsWith('。)'))
      ) {
        out.push({ date, score: 1, name: null, fullName: null });
      }
      continue;
    }

    if (!blankBefore && before !== '。') continue; // glued to the preceding word: a sentence
    if (before === ':') continue; // a label
    const seg = segmentBefore(text, i + 1, 48);
    const segName = compactName(seg.s);
    if (blankBefore && seg.s && isPlausibleName(segName, true)) {
      const a = seg.idx[0] as number;
      const b = (seg.idx.at(-1) as number) + 1;
      out.push({ date, score: 2, name: { text: segName, span: [a, b] }, fullName: null });
    } else if (SENTENCE_END.has(before) && ds >= minInline) {
      out.push({ date, score: 1, name: null, fullName: null });
    }
  }
  return out;
}

/** The signature: the first best-scored standalone date (see {@link findSignatureDates}). */
export function findSignature(
  text: string,
  accept: (d: SignatureDate) => boolean = () => true,
): SignatureDate | null {
  let best: SignatureDate | null = null;
  for (const s of findSignatureDates(text)) {
    if (!accept(s)) continue;
    if (!best || s.score > best.score) best = s;
  }
  return best;
}
