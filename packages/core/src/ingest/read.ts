/** Reads the ingest needs: a report's record and the values of its current version. */
import type { Store } from '../db/store.ts';

export type ReportRecord = NonNullable<Awaited<ReturnType<typeof loadReportRecord>>>;
export type StoredValue = Awaited<ReturnType<typeof loadValues>>[number];

export async function loadReportRecord(store: Store, agencyId: string, year: number) {
  return (await store.db.entities.report.get({ agencyId, year }).go()).data;
}

/** All values of a report's current version (one query; more pages only past 1 MB). */
export async function loadValues(
  store: Store,
  report: { reportId: string; currentVersion: number },
) {
  const out = await store.db.entities.value.query
    .primary({ reportId: report.reportId, version: report.currentVersion })
    .go({ pages: 'all' });
  return out.data;
}
