/** Reads built on the headline metrics: a report's metrics, an agency's trend, a comparison. */
import { readingOf } from '../db/entities/common.ts';
import type { Store } from '../db/store.ts';
import { type CompareRow, compareReports, MAX_COMPARED } from '../domain/compare.ts';
import { type MetricId, type MetricValue, metric, reportMetrics } from '../domain/metrics.ts';
import { CoreError, notFound } from '../errors.ts';
import { getReportsById, type ReportRecord } from './reports.ts';
import { type ValueRecord, valuesOfReport } from './values.ts';

/** The report's stored metrics; reports stored before metrics were kept compute them from values. */
export async function metricsOfReport(
  store: Store,
  report: ReportRecord,
  values?: readonly ValueRecord[],
): Promise<MetricValue[]> {
  if (Array.isArray(report.metrics)) return report.metrics as MetricValue[];
  return reportMetrics(report.form, values ?? (await valuesOfReport(store, report)));
}

export interface SeriesPoint {
  year: number;
  reportId: string;
  form: ReportRecord['form'];
  value: number | null;
  comparable: boolean;
}

/** One metric of an agency year by year, oldest first: one query for the agency's reports. */
export async function metricSeries(
  store: Store,
  agencyId: string,
  metricId: MetricId,
): Promise<SeriesPoint[]> {
  if (!metric(metricId)) throw new CoreError('invalid-input', `unknown metric ${metricId}`);
  const reports = (await store.db.entities.report.query.primary({ agencyId }).go({ pages: 'all' }))
    .data;
  const points = await Promise.all(
    reports.map(async (report) => {
      const m = (await metricsOfReport(store, report)).find((x) => x.metric === metricId);
      return {
        year: report.year,
        reportId: report.reportId,
        form: report.form,
        value: m?.comparable ? m.value : null,
        comparable: m?.comparable ?? false,
      };
    }),
  );
  return points.sort((a, b) => a.year - b.year);
}

export interface Comparison {
  reports: ReportRecord[];
  rows: CompareRow[];
}

/** Two to five reports side by side: one batch read of the reports, one query per report. */
export async function compareReportsById(
  store: Store,
  reportIds: readonly string[],
): Promise<Comparison> {
  const ids = [...new Set(reportIds)];
  if (ids.length < 2 || ids.length > MAX_COMPARED) {
    throw new CoreError(
      'invalid-input',
      `compare takes 2 to ${MAX_COMPARED} different reports, got ${ids.length}`,
    );
  }
  const found = await getReportsById(store, ids);
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length > 0) {
    throw notFound(`report ${missing.map((id) => id.slice(0, 80)).join(', ')}`);
  }
  const reports = found as ReportRecord[];
  const inputs = await Promise.all(
    reports.map(async (report) => {
      const values = await valuesOfReport(store, report);
      return {
        reportId: report.reportId,
        form: report.form,
        values: new Map(
          values.map((v) => [
            v.code,
            {
              current: readingOf(v.current),
              unit: v.unit ?? null,
              source: v.source,
            },
          ]),
        ),
        metrics: await metricsOfReport(store, report, values),
      };
    }),
  );
  return { reports, rows: compareReports(inputs) };
}
