/**
 * IndicatorValue: one figure of one report version, with its provenance. The extracted reading is
 * never overwritten; `current` is what readers see, changed only by accepted corrections.
 *
 * Access patterns:
 * 4. all values of a report in one query           → primary: query(reportId, version)
 * 4. one value's history                            → ValueHistory primary: query(reportId) begins_with code
 *                                                     (+ the version diffs of ReportVersion.changes)
 * 5. one indicator across agencies for a year and region
 *                                                   → gsi1 byIndicator: pk (code, year), sk begins_with
 *                                                     regionCode prefix
 */
import { reading, SERVICE } from './common.ts';

export const indicatorValueSchema = {
  model: { entity: 'value', version: '1', service: SERVICE },
  attributes: {
    reportId: { type: 'string', required: true, readOnly: true },
    version: { type: 'number', required: true, readOnly: true },
    code: { type: 'string', required: true, readOnly: true },
    year: { type: 'number', required: true },
    regionCode: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    extracted: reading,
    current: reading,
    unit: { type: 'string' },
    source: { type: ['table', 'prose', 'derived'] as const, required: true },
    spanStart: { type: 'number' },
    spanEnd: { type: 'number' },
    confidence: { type: 'number' },
    /** Bumped by each accepted correction: concurrent accepts condition on it, so one wins. */
    revision: { type: 'number', required: true },
    correctedBy: { type: 'string' },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['reportId', 'version'], casing: 'none' },
      sk: { field: 'sk', composite: ['code'], casing: 'none' },
    },
    byIndicator: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['code', 'year'], casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['regionCode', 'reportId', 'version'], casing: 'none' },
    },
  },
} as const;

export const valueHistorySchema = {
  model: { entity: 'history', version: '1', service: SERVICE },
  attributes: {
    reportId: { type: 'string', required: true, readOnly: true },
    code: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    entryId: { type: 'string', required: true, readOnly: true },
    kind: { type: ['corrected'] as const, required: true },
    version: { type: 'number', required: true },
    from: reading,
    to: reading,
    correctionId: { type: 'string' },
    actor: { type: 'string' },
    reason: { type: 'string' },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['reportId'], casing: 'none' },
      sk: { field: 'sk', composite: ['code', 'at', 'entryId'], casing: 'none' },
    },
  },
} as const;
