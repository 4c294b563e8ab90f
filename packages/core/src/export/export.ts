/**
 * The bulk export for integrators: every agency, its reports and their current values, as a
 * stream of records (never the whole dump in memory), or only what changed since a timestamp.
 *
 * Record shapes are a public contract (docs/export.md): field names never change meaning; new
 * fields may be added. Absent values are `null`, never missing keys.
 *
 *   { type: 'agency', id, name, aliases, regionCode, regionPath, level, reportCount, latestYear,
 *     createdAt, updatedAt }
 *   { type: 'report', id, agencyId, agencyName, year, regionCode, form, publishedAt, sourceUrl,
 *     version, versionCount, valueCount, findingCount, createdAt, updatedAt }
 *   { type: 'value', reportId, agencyId, year, version, code, value, extracted, unit, source,
 *     spanStart, spanEnd, confidence, correctionId, updatedAt }
 *
 * Order: each agency, then its reports (newest year first), each report followed by its values
 * (by code). So a reader can join without holding anything but the last agency and report.
 */
import { regionChildren } from '@gongkai/extract';
import { readingOf } from '../db/entities/common.ts';
import type { Store } from '../db/store.ts';
import type { AgencyLevel } from '../domain/agency-identity.ts';
import { parseReportId } from '../ingest/records.ts';
import { type AgencyRecord, agenciesOfRegion, getAgencies } from '../queries/agencies.ts';
import { changesSince, TimestampError } from '../queries/changes.ts';
import { MAX_PAGE } from '../queries/page.ts';
import { getReportsById, type ReportRecord, reportsOfAgency } from '../queries/reports.ts';
import { type ValueRecord, valuesOfReport } from '../queries/values.ts';
import { CSV_HEADER, csvLine } from './csv.ts';

export { CSV_COLUMNS, CSV_HEADER, type CsvCell, type CsvColumn, csvField, csvLine } from './csv.ts';

export interface AgencyExport {
  type: 'agency';
  id: string;
  name: string;
  aliases: string[];
  /** Six-digit GB/T 2260 code; null when the place could not be told. */
  regionCode: string | null;
  regionPath: string[];
  level: AgencyLevel;
  reportCount: number;
  latestYear: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReportExport {
  type: 'report';
  id: string;
  agencyId: string;
  agencyName: string | null;
  year: number;
  regionCode: string | null;
  form: ReportRecord['form'];
  publishedAt: string | null;
  sourceUrl: string | null;
  /** The current version, whose values follow. */
  version: number;
  versionCount: number;
  valueCount: number | null;
  findingCount: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ValueExport {
  type: 'value';
  reportId: string;
  agencyId: string;
  year: number;
  version: number;
  code: string;
  /** The current reading: the extracted one unless an accepted correction changed it. null = blank. */
  value: number | null;
  /** The reading as extracted from the source, never overwritten. */
  extracted: number | null;
  unit: string | null;
  source: ValueRecord['source'];
  /** [spanStart, spanEnd) in the decoded source text. */
  spanStart: number | null;
  spanEnd: number | null;
  confidence: number | null;
  /** The accepted correction that set `value`, if any. */
  correctionId: string | null;
  updatedAt: string;
}

export type ExportRecord = AgencyExport | ReportExport | ValueExport;

export interface ExportOptions {
  /** Only agencies and reports changed after this ISO 8601 timestamp (with their values). */
  since?: string;
  /** The clock, for the end of the change feed. */
  now?: () => Date;
  /** Reports whose values are read at once; output order does not depend on it. */
  concurrency?: number;
}

const UNKNOWN_REGION = '000000';

/** A `--since` value as a normalised ISO timestamp; throws TimestampError when it is not one. */
export function parseSince(value: string): string {
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed) || !/^\d{4}-\d{2}-\d{2}/.test(value) || value.includes('|'))
    throw new TimestampError(value);
  return new Date(parsed).toISOString();
}

/** The province partitions of the agencies' region index: '00' holds agencies without a place. */
export function exportProvinces(): string[] {
  return ['00', ...regionChildren(null).map((p) => p.code.slice(0, 2))];
}

export async function* exportRecords(
  store: Store,
  options: ExportOptions = {},
): AsyncGenerator<ExportRecord> {
  const concurrency = Math.max(1, options.concurrency ?? 8);
  if (options.since === undefined) {
    for (const province of exportProvinces()) {
      let cursor: string | null = null;
      do {
        const page = await agenciesOfRegion(store, { region: province, limit: MAX_PAGE, cursor });
        for (const agency of page.items) {
          yield agencyExport(agency);
          let reports: string | null = null;
          do {
            const reportPage = await reportsOfAgency(store, agency.agencyId, {
              limit: MAX_PAGE,
              cursor: reports,
            });
            yield* withValues(store, reportPage.items, concurrency);
            reports = reportPage.cursor;
          } while (reports);
        }
        cursor = page.cursor;
      } while (cursor);
    }
    return;
  }

  // Changed ids only (small); the records themselves are loaded in batches as they are written.
  const since = parseSince(options.since);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const changed = new Map<string, Set<string>>();
  const touch = (agencyId: string) => {
    const reports = changed.get(agencyId) ?? new Set<string>();
    changed.set(agencyId, reports);
    return reports;
  };
  for (let token: string | null = since; token !== null; ) {
    const page = await changesSince(store, token, now, MAX_PAGE);
    for (const change of page.changes) {
      if (change.kind === 'agency') touch(change.id);
      else {
        const id = parseReportId(change.id);
        if (id) touch(id.agencyId).add(change.id);
      }
    }
    token = page.next;
  }
  const agencyIds = [...changed.keys()];
  for (let i = 0; i < agencyIds.length; i += MAX_PAGE) {
    const agencies = await getAgencies(store, agencyIds.slice(i, i + MAX_PAGE));
    for (const agency of agencies) {
      if (!agency) continue;
      // Each changed report comes after its agency, even when the agency itself did not change.
      yield agencyExport(agency);
      const reportIds = [...(changed.get(agency.agencyId) ?? [])].sort((a, b) =>
        b.localeCompare(a),
      );
      for (let j = 0; j < reportIds.length; j += MAX_PAGE) {
        const reports = await getReportsById(store, reportIds.slice(j, j + MAX_PAGE));
        yield* withValues(
          store,
          reports.filter((r): r is ReportRecord => r !== null),
          concurrency,
        );
      }
    }
  }
}

/** Each report, then its values; values of up to `concurrency` reports are read at once. */
async function* withValues(
  store: Store,
  reports: readonly ReportRecord[],
  concurrency: number,
): AsyncGenerator<ReportExport | ValueExport> {
  for (let i = 0; i < reports.length; i += concurrency) {
    const chunk = reports.slice(i, i + concurrency);
    const values = await Promise.all(chunk.map((r) => valuesOfReport(store, r)));
    for (const [k, report] of chunk.entries()) {
      yield reportExport(report);
      for (const v of (values[k] ?? []).sort((a, b) => a.code.localeCompare(b.code)))
        yield valueExport(v);
    }
  }
}

const region = (code: string) => (code === UNKNOWN_REGION ? null : code);

export function agencyExport(a: AgencyRecord): AgencyExport {
  return {
    type: 'agency',
    id: a.agencyId,
    name: a.name,
    aliases: a.aliases ?? [],
    regionCode: region(a.regionCode),
    regionPath: a.regionPath ?? [],
    level: a.level,
    reportCount: a.reportCount ?? 0,
    latestYear: a.latestYear ?? null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function reportExport(r: ReportRecord): ReportExport {
  return {
    type: 'report',
    id: r.reportId,
    agencyId: r.agencyId,
    agencyName: r.agencyName ?? null,
    year: r.year,
    regionCode: region(r.regionCode),
    form: r.form,
    publishedAt: r.publishedAt ?? null,
    sourceUrl: r.sourceUrl ?? null,
    version: r.currentVersion,
    versionCount: r.versionCount,
    valueCount: r.valueCount ?? null,
    findingCount: r.findingCount ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function valueExport(v: ValueRecord): ValueExport {
  return {
    type: 'value',
    reportId: v.reportId,
    agencyId: v.agencyId,
    year: v.year,
    version: v.version,
    code: v.code,
    value: readingOf(v.current),
    extracted: readingOf(v.extracted),
    unit: v.unit ?? null,
    source: v.source,
    spanStart: v.spanStart ?? null,
    spanEnd: v.spanEnd ?? null,
    confidence: v.confidence ?? null,
    correctionId: v.correctedBy ?? null,
    updatedAt: v.updatedAt,
  };
}

/** One JSON object per line. */
export async function* jsonlLines(records: AsyncIterable<ExportRecord>): AsyncGenerator<string> {
  for await (const record of records) yield `${JSON.stringify(record)}\n`;
}

/**
 * The header, then one CSV row per value joined with its report and agency. Relies on the
 * export's order (agency, its reports, each report's values), so it holds only the last two.
 */
export async function* csvLines(records: AsyncIterable<ExportRecord>): AsyncGenerator<string> {
  yield CSV_HEADER;
  let agency: AgencyExport | null = null;
  let report: ReportExport | null = null;
  for await (const record of records) {
    if (record.type === 'agency') agency = record;
    else if (record.type === 'report') report = record;
    else {
      const a = agency?.id === record.agencyId ? agency : null;
      const r = report?.id === record.reportId ? report : null;
      yield csvLine([
        record.agencyId,
        a?.name ?? r?.agencyName,
        a?.regionCode ?? r?.regionCode,
        a?.level,
        record.reportId,
        record.year,
        r?.form,
        r?.publishedAt,
        record.code,
        record.value,
        record.extracted,
        record.unit,
        record.source,
        record.spanStart,
        record.spanEnd,
        record.confidence,
      ]);
    }
  }
}
