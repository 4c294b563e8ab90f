/** Value reads: access patterns 4 and 5. */
import type { Store } from '../db/store.ts';
import { regionPrefix } from './agencies.ts';
import { keysetPage } from './keyset.ts';
import type { Page, PageArgs } from './page.ts';
import { type VersionRecord, versionsOfReport } from './reports.ts';

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
  return (await historiesOfReport(store, reportId, { codePrefix: code })).get(code) ?? [];
}

/**
 * The history of every value of a report (or of the codes beginning with `codePrefix`), by code:
 * the same two queries as one value's history, so a page showing all values stays bounded.
 */
export async function historiesOfReport(
  store: Store,
  reportId: string,
  options: {
    codePrefix?: string;
    /** The report's versions when the caller has them (or is reading them) already. */
    versions?: Promise<readonly VersionRecord[]>;
  } = {},
): Promise<Map<string, HistoryEntry[]>> {
  const { codePrefix } = options;
  const corrections = store.db.entities.history.query.primary({ reportId });
  const [versions, corrected] = await Promise.all([
    options.versions ?? versionsOfReport(store, reportId),
    (codePrefix === undefined ? corrections : corrections.begins({ code: codePrefix })).go({
      pages: 'all',
    }),
  ]);
  const byCode = new Map<string, HistoryEntry[]>();
  const push = (code: string, entry: HistoryEntry) => {
    // A prefix on 'review.total' also matches 'review.totalX'; keep exact codes only.
    if (codePrefix !== undefined && code !== codePrefix) return;
    const list = byCode.get(code);
    if (list) list.push(entry);
    else byCode.set(code, [entry]);
  };
  // The first committed version is the extracted reading itself, not a change to it.
  const committed = versions.filter((v) => v.status !== 'staged').slice(1);
  for (const v of committed) {
    for (const change of v.changes ?? []) {
      if (!change.code) continue;
      push(change.code, {
        kind: 're-extracted',
        at: v.ingestedAt,
        version: v.version,
        from: change.from ?? null,
        to: change.to ?? null,
      });
    }
  }
  for (const h of corrected.data) {
    push(h.code, {
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
  for (const list of byCode.values()) list.sort((a, b) => a.at.localeCompare(b.at));
  return byCode;
}

export interface IndicatorQuery extends PageArgs {
  code: string;
  year: number;
  region?: string;
}

/**
 * One indicator across agencies for a year, within a region. While a newer version of a report
 * is being committed both versions can show; only the newest is kept (they sort next to each
 * other, by region then report), and a page still holds `limit` reports when more exist.
 */
export async function indicatorAcrossAgencies(
  store: Store,
  query: IndicatorQuery,
): Promise<Page<ValueRecord>> {
  const base = store.db.entities.value.query.byIndicator({ code: query.code, year: query.year });
  const ranged = query.region ? base.begins({ regionCode: regionPrefix(query.region) }) : base;
  return keysetPage(
    {
      entity: store.db.entities.value,
      accessPattern: 'byIndicator',
      query: ranged,
      order: 'asc',
      collapse: {
        key: (v) => String(v.reportId),
        keep: (a, b) => (b.version > a.version ? b : a),
      },
    },
    query,
  );
}
