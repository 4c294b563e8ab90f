/**
 * Per-request batch loaders for what a page asks of many objects at once: each report's values,
 * histories and text are read once however many fields ask for them.
 */
import {
  type FindingRecord,
  findingsOfReport,
  type HistoryEntry,
  historiesOfReport,
  type Store,
  sourceText,
  type ValueRecord,
  type VersionRecord,
  valuesOfReport,
  versionsOfReport,
} from '@gongkai/core';
import DataLoader from 'dataloader';

export interface ReportVersionKey {
  reportId: string;
  currentVersion: number;
}

const keyOf = (r: ReportVersionKey) => `${r.reportId}#${r.currentVersion}`;

function perKey<K, V>(load: (key: K) => Promise<V>, cacheKeyFn?: (key: K) => string) {
  return new DataLoader<K, V, string>((keys) => Promise.all(keys.map(load)), {
    ...(cacheKeyFn ? { cacheKeyFn } : {}),
  });
}

export function createLoaders(store: Store) {
  const versions = perKey<string, VersionRecord[]>((id) => versionsOfReport(store, id));
  return {
    values: perKey<ReportVersionKey, ValueRecord[]>((r) => valuesOfReport(store, r), keyOf),
    findings: perKey<ReportVersionKey, FindingRecord[]>((r) => findingsOfReport(store, r), keyOf),
    text: perKey<ReportVersionKey, string>(
      (r) => sourceText(store, r.reportId, r.currentVersion),
      keyOf,
    ),
    // Histories are built from the versions: a page asking for both reads them once.
    histories: perKey<string, Map<string, HistoryEntry[]>>((id) =>
      historiesOfReport(store, id, { versions: versions.load(id) }),
    ),
    versions,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
