/** Corpus files for data-layer tests, and realistic variants of them (a changed figure, a copied year). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '@gongkai/extract';

export const REPORTS = join(import.meta.dirname, '../fixtures/corpus/reports');

export function corpusText(name: string): string {
  return readFileSync(join(REPORTS, name), 'utf8');
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);

/** The text with the printed figure of `code` replaced by `value` (at the span the engine read). */
export function withFigure(text: string, code: string, value: number): string {
  const v = extract(text).values.find((x) => x.code === code);
  if (!v) throw new Error(`${code} not in text`);
  return text.slice(0, v.span[0]) + String(value) + text.slice(v.span[1]);
}

/** Last year's report republished as this year's: the 雷同 case. */
export function copiedToYear(text: string, from: number, to: number): string {
  // The publication year first, so the report year's replacement is not replaced again.
  return text.replaceAll(`${from + 1}年`, `${to + 1}年`).replaceAll(`${from}年`, `${to}年`);
}
