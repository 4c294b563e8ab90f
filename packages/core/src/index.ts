/** Gongkai's domain and data layer: agencies, reports, values, findings and corrections in DynamoDB. */

export * from './corrections/corrections.ts';
export { batchWrite as batchWriteItems, putRequests as putRequestsOf } from './db/batch.ts';
export { createMeter, type RequestMeter } from './db/client.ts';
export { type DbConfig, DEFAULT_TABLE, dbConfigFromEnv } from './db/config.ts';
export {
  type DynamoDbLocal,
  JavaMissingError,
  javaAvailable,
  startDynamoDbLocal,
} from './db/dynamodb-local.ts';
export { readingOf } from './db/entities/common.ts';
export { dropTable, ensureTable } from './db/setup-table.ts';
export { openStore, type Store } from './db/store.ts';
export { GLOBAL_INDEXES, KEY_FIELDS, tableDefinition } from './db/table.ts';
export * from './domain/agency-identity.ts';
export * from './domain/agency-search.ts';
export * from './domain/compare.ts';
export * from './domain/correction-state.ts';
export * from './domain/metrics.ts';
export * from './domain/rate-window.ts';
export * from './domain/region-tree.ts';
export { CoreError, type CoreErrorCode, isCoreError } from './errors.ts';
export * from './export/export.ts';
export {
  type IngestFilesOptions,
  type IngestSummary,
  ingestFiles,
  listSourceFiles,
} from './ingest/ingest-files.ts';
export {
  finishPending,
  type IngestOptions,
  type IngestOutcome,
  ingestSource,
  SourceClaimedError,
  type SourceFile,
} from './ingest/ingest-source.ts';
export { parseReportId, reportIdOf, type ValueRecord as StagedValue } from './ingest/records.ts';
export * from './limits/rate-limit.ts';
export * from './queries/agencies.ts';
export * from './queries/changes.ts';
export * from './queries/findings.ts';
export * from './queries/metrics.ts';
export * from './queries/page.ts';
export * from './queries/reports.ts';
export * from './queries/values.ts';
