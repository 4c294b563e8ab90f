/** Report reads: access pattern 3, and reports of a year across agencies. */
import type { Form } from '@gongkai/extract';
import type { Store } from '../db/store.ts';
import { parseReportId } from '../ingest/records.ts';
import { regionPrefix } from './agencies.ts';
import { keysetPage } from './keyset.ts';
import type { Page, PageArgs } from './page.ts';

export async function getReport(store: Store, agencyId: string, year: number) {
  return (await store.db.entities.report.get({ agencyId, year }).go()).data;
}
export type ReportRecord = NonNullable<Awaited<ReturnType<typeof getReport>>>;

export async function getReportById(store: Store, reportId: string): Promise<ReportRecord | null> {
  const id = parseReportId(reportId);
  return id ? getReport(store, id.agencyId, id.year) : null;
}

/** Batch lookup by report ids, in the order asked; null for unknown or malformed ids. */
export async function getReportsById(
  store: Store,
  reportIds: readonly string[],
): Promise<(ReportRecord | null)[]> {
  const keys = reportIds.map((id) => parseReportId(id));
  const valid = keys.filter((k): k is NonNullable<typeof k> => k !== null);
  if (valid.length === 0) return reportIds.map(() => null);
  const out = await store.db.entities.report.get(valid).go({ preserveBatchOrder: true });
  const found = new Map<string, ReportRecord>();
  for (const item of out.data) if (item) found.set(item.reportId, item);
  return reportIds.map((id) => found.get(id) ?? null);
}

/** Reports of an agency, newest year first. */
export async function reportsOfAgency(
  store: Store,
  agencyId: string,
  page: PageArgs & { form?: Form } = {},
): Promise<Page<ReportRecord>> {
  const query = store.db.entities.report.query.primary({ agencyId });
  const filtered = page.form ? query.where((a, op) => op.eq(a.form, page.form as Form)) : query;
  return keysetPage(
    {
      entity: store.db.entities.report,
      accessPattern: 'primary',
      query: filtered,
      order: 'desc',
      filtered: page.form !== undefined,
    },
    page,
  );
}

/** Reports of a year across agencies, optionally within a region and of one form. */
export async function reportsOfYear(
  store: Store,
  year: number,
  page: PageArgs & { region?: string; form?: Form } = {},
): Promise<Page<ReportRecord>> {
  const prefix = page.region ? regionPrefix(page.region) : undefined;
  const base = store.db.entities.report.query.byYear({ year });
  const ranged = prefix
    ? prefix.length === 6 && page.form
      ? base.begins({ regionCode: prefix, form: page.form })
      : base.begins({ regionCode: prefix })
    : base;
  const filter = page.form !== undefined && !(prefix?.length === 6);
  const filtered = filter ? ranged.where((a, op) => op.eq(a.form, page.form as Form)) : ranged;
  return keysetPage(
    {
      entity: store.db.entities.report,
      accessPattern: 'byYear',
      query: filtered,
      order: 'asc',
      filtered: filter,
    },
    page,
  );
}

/** Every version of a report, oldest first, with the diff each made to the extracted readings. */
export async function versionsOfReport(store: Store, reportId: string) {
  return (await store.db.entities.version.query.primary({ reportId }).go({ pages: 'all' })).data;
}
export type VersionRecord = Awaited<ReturnType<typeof versionsOfReport>>[number];

/** The decoded text of a version, for showing a span in its context. */
export async function sourceText(store: Store, reportId: string, version: number): Promise<string> {
  const out = await store.db.entities.text.query
    .primary({ reportId, version })
    .go({ pages: 'all' });
  return out.data
    .sort((a, b) => a.chunk - b.chunk)
    .map((c) => c.text)
    .join('');
}
