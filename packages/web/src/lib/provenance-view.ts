/**
 * The provenance panel's pure parts: the `?v=CODE` address of an open value, the source
 * excerpt around the span, and the history lines. A blank reading is said as 空白, never 0.
 */
import { formatDate, formatValue } from './format.ts';
import { HISTORY_KIND_LABELS } from './labels.ts';

type QueryValue = string | null | (string | null)[] | undefined;

/** Codes are short dotted names; anything else in `?v=` is ignored. */
const CODE = /^[A-Za-z0-9._:-]{1,120}$/;

/** The code `?v=` opens, or null. */
export function valueParam(v: QueryValue): string | null {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' && CODE.test(first) ? first : null;
}

/** The page's query with `v` set to a code, or removed; other parameters kept. */
export function withValue<T>(
  query: Record<string, T>,
  code: string | null,
): Record<string, T | string> {
  const { v: _old, ...rest } = query;
  return code ? { ...rest, v: code } : rest;
}

/** A reading with its unit; '空白' for a blank. */
export function readingText(value: number | null | undefined, unit?: string | null): string {
  const text = formatValue(value, unit);
  return text === '' ? '空白' : text;
}

export interface Excerpt {
  before: string;
  text: string;
  after: string;
  /** The source goes on before / after what is shown. */
  more: { before: boolean; after: boolean };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/**
 * The span and its surroundings as the reader sees them: runs of white space made one (tables
 * come flattened with their line breaks), and an ellipsis where the source goes on.
 */
export function excerpt(
  context: { before: string; text: string; after: string },
  radius: number,
): Excerpt {
  return {
    before: squash(context.before).replace(/^ /, ''),
    text: squash(context.text),
    after: squash(context.after).replace(/ $/, ''),
    more: { before: context.before.length >= radius, after: context.after.length >= radius },
  };
}

export interface HistoryInput {
  at: string;
  kind: string;
  from: number | null;
  to: number | null;
  reason: string | null;
  version: number;
}

export interface HistoryLine {
  date: string;
  kind: string;
  change: string;
  version: string;
  reason: string | null;
}

export function historyLines(
  entries: readonly HistoryInput[],
  unit?: string | null,
): HistoryLine[] {
  return entries.map((h) => ({
    date: formatDate(h.at),
    kind: HISTORY_KIND_LABELS[h.kind] ?? h.kind,
    change: `${readingText(h.from, unit)} → ${readingText(h.to, unit)}`,
    version: `第 ${h.version} 版`,
    reason: h.reason?.trim() || null,
  }));
}
