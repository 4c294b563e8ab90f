/**
 * A report's headline metric in words. A metric without a number is either blank in the
 * report (a printed empty cell) or not reported at all; a form without the figure says so.
 */
import { formatValue } from './format.ts';

export interface MetricInput {
  value: number | null;
  unit: string;
  comparable: boolean;
  /** Codes that were absent, blank or in an unknown unit. */
  missing: readonly string[];
}

export interface MetricText {
  text: string;
  /** A number is shown; otherwise the text explains why not. */
  number: boolean;
  note: string | null;
}

export function metricText(
  m: MetricInput,
  readingOf: (code: string) => { current: number | null } | undefined,
): MetricText {
  if (!m.comparable) return { text: '本格式无此项', number: false, note: null };
  if (m.value !== null) {
    return {
      text: formatValue(m.value, m.unit),
      number: true,
      note: m.missing.length > 0 ? '部分项目未报告' : null,
    };
  }
  const blank = m.missing.some((code) => {
    const v = readingOf(code);
    return v !== undefined && v.current === null;
  });
  return { text: blank ? '空白' : '未报告', number: false, note: null };
}
