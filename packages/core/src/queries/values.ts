/** Value reads: access patterns 4 and 5. */
import type { Store } from '../db/store.ts';
import { regionPrefix } from './agencies.ts';
import { type Page, type PageArgs, pageLimit } from './page.ts';
import { versionsOfReport } from './reports.ts';

/** All values of a report's current version: one query. */
export async function valuesOfReport(
  store: Store,
  report: { reportId: string; currentVersion: number },
) {
  const out = await store.db.entities.value.query
    .primary({ reportId: report.reportId, version: report.currentVersion })
    .go({ pages: 'all' });
  return out.data;
}
export type ValueRecord = Awaited<ReturnType<typeof valuesOfReport>>[number];

export interface HistoryEntry {
  kind: 'extracted' | 're-extracted' | 'corrected';
  at: string;
  version: number;
  from: number | null;
  to: number | null;
  correctionId?: string;
  actor?: string;
  reason?: string;
}

/**
 * A value's history, oldest first: its first extracted reading, each source version that changed
 * it, and each accepted correction. Two queries, whatever the number of versions.
 */
export async function valueHistory(
  store: Store,
  reportId: string,
  code: string,
): Promise<HistoryEntry[]> {
  const [versions, corrections] = await Promise.all([
    versionsOfReport(store, reportId),
    store.db.entities.history.query.primary({ reportId }).begins({ code }).go({ pages: 'all' }),
  ]);
  const entries: HistoryEntry[] = [];
  let first = true;
  for (const v of versions) {
    if (v.status === 'staged') continue;
    const change = v.changes?.find((c) => c.code === code);
    if (first) {
      first = false;
      continue;
    }
    if (change) {
      entries.push({
        kind: 're-extracted',
        at: v.ingestedAt,
        version: v.version,
        from: change.from ?? null,
        to: change.to ?? null,
      });
    }
  }
  for (const h of corrections.data) {
    // begins_with on 'review.total' also matches 'review.totalX'; keep exact codes only.
    if (h.code !== code) continue;
    entries.push({
      kind: 'corrected',
      at: h.at,
      version: h.version,
      from: h.from ?? null,
      to: h.to ?? null,
      correctionId: h.correctionId,
      actor: h.actor,
      reason: h.reason,
    });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

export interface IndicatorQuery extends PageArgs {
  code: string;
  year: number;
  region?: string;
}

/**
 * One indicator across agencies for a year, within a region. While a newer version of a report
 * is being committed both versions can show; only the newest is kept.
 */
export async function indicatorAcrossAgencies(
  store: Store,
  query: IndicatorQuery,
): Promise<Page<ValueRecord>> {
  const base = store.db.entities.value.query.byIndicator({ code: query.code, year: query.year });
  const ranged = query.region ? base.begins({ regionCode: regionPrefix(query.region) }) : base;
  const out = await ranged.go({ limit: pageLimit(query.limit), cursor: query.cursor ?? null });
  const newest = new Map<string, ValueRecord>();
  for (const v of out.data) {
    const seen = newest.get(v.reportId);
    if (!seen || seen.version < v.version) newest.set(v.reportId, v);
  }
  return { items: [...newest.values()], cursor: out.cursor ?? null };
}
