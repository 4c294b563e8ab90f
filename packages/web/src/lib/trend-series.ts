/**
 * An agency's headline metrics year by year, built from its reports' own metrics so the trend
 * charts and the list of reports come from one request. Every year between the first and the
 * last report gets a point: a year without a report, or whose form lacks the figure, is a gap
 * the chart leaves open — never a zero.
 */
import { formatValue } from './format.ts';

export interface ReportMetricsInput {
  year: number;
  form: string;
  metrics: readonly { metric: string; value: number | null; comparable: boolean }[];
}

export interface MetricDefinitionInput {
  id: string;
  label: string;
  unit: string;
}

/** What a year holds for one metric. */
// 'no-figure': comparable, but the report gives no number (not reported, or a blank cell).
export type TrendStatus = 'value' | 'no-figure' | 'not-comparable' | 'no-report';

export interface TrendPoint {
  year: number;
  status: TrendStatus;
  /** A number only when status is 'value'. */
  value: number | null;
}

export interface Trend {
  metric: string;
  label: string;
  unit: string;
  /** Oldest first, one point per year. */
  points: TrendPoint[];
  /** The newest year with a number. */
  latest: TrendPoint | null;
  firstYear: number;
  lastYear: number;
}

function pointOf(year: number, report: ReportMetricsInput | undefined, metric: string): TrendPoint {
  if (!report) return { year, status: 'no-report', value: null };
  const m = report.metrics.find((x) => x.metric === metric);
  if (!m?.comparable) return { year, status: 'not-comparable', value: null };
  if (m.value === null) return { year, status: 'no-figure', value: null };
  return { year, status: 'value', value: m.value };
}

/** One trend per metric definition, in the definitions' order; none without reports. */
export function buildTrends(
  reports: readonly ReportMetricsInput[],
  definitions: readonly MetricDefinitionInput[],
): Trend[] {
  if (reports.length === 0) return [];
  const byYear = new Map(reports.map((r) => [r.year, r]));
  const years = reports.map((r) => r.year);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  return definitions.map((def) => {
    const points: TrendPoint[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      points.push(pointOf(year, byYear.get(year), def.id));
    }
    const latest = [...points].reverse().find((p) => p.status === 'value') ?? null;
    return {
      metric: def.id,
      label: def.label,
      unit: def.unit,
      points,
      latest,
      firstYear,
      lastYear,
    };
  });
}

const STATUS_WORDS: Record<Exclude<TrendStatus, 'value'>, string> = {
  'no-figure': '无数字',
  'not-comparable': '不可比',
  'no-report': '无报告',
};

function pointWord(p: TrendPoint, unit: string): string {
  return p.status === 'value' ? formatValue(p.value, unit) : STATUS_WORDS[p.status];
}

/**
 * What a screen reader hears for the chart: '收到申请：2019 年 23，2020 年 无报告，2021 年 70'.
 * Runs of years without a report are said once ('2009–2012 年 无报告').
 */
export function trendSummary(trend: Trend): string {
  const parts: string[] = [];
  const points = trend.points;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as TrendPoint;
    if (p.status === 'no-report') {
      let j = i;
      while (j + 1 < points.length && points[j + 1]?.status === 'no-report') j++;
      const last = points[j] as TrendPoint;
      parts.push(j > i ? `${p.year}–${last.year} 年 无报告` : `${p.year} 年 无报告`);
      i = j;
      continue;
    }
    parts.push(`${p.year} 年 ${pointWord(p, trend.unit)}`);
  }
  return `${trend.label}：${parts.join('，')}`;
}

/** '2019–2022 年', or '2021 年' for a single year. */
export function yearRange(trend: Pick<Trend, 'firstYear' | 'lastYear'>): string {
  return trend.firstYear === trend.lastYear
    ? `${trend.firstYear} 年`
    : `${trend.firstYear}–${trend.lastYear} 年`;
}
