/** Finding reads: access pattern 6. */
import type { Store } from '../db/store.ts';
import { keysetPage } from './keyset.ts';
import type { Page, PageArgs } from './page.ts';

export async function findingsOfReport(
  store: Store,
  report: { reportId: string; currentVersion: number },
) {
  const out = await store.db.entities.finding.query
    .primary({ reportId: report.reportId, version: report.currentVersion })
    .go({ pages: 'all' });
  return out.data;
}
export type FindingRecord = Awaited<ReturnType<typeof findingsOfReport>>[number];

/** Findings of one rule across reports, newest year first. */
export async function findingsByRule(
  store: Store,
  rule: string,
  page: PageArgs & { year?: number } = {},
): Promise<Page<FindingRecord>> {
  const base = store.db.entities.finding.query.byRule({ rule });
  const ranged = page.year !== undefined ? base.begins({ year: page.year }) : base;
  return keysetPage(
    { entity: store.db.entities.finding, accessPattern: 'byRule', query: ranged, order: 'desc' },
    page,
  );
}
