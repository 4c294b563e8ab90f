/**
 * Report: one per agency and year. Each distinct source (by content hash) is a ReportVersion; the
 * newest is current, and its values live in the (reportId, version) partition.
 *
 * Access patterns:
 * 3. reports of an agency, newest year first       → primary: query(agencyId) order desc
 * 3. the report of an agency for a year            → primary: get(agencyId, year)
 * 3. versions of a report                          → ReportVersion primary: query(reportId)
 * -  reports of a year (by region, form)           → gsi1 byYear: pk year, sk regionCode prefix, form
 * 8. changes since a timestamp                     → gsi2 changes: pk month bucket, sk updatedAt
 * -  which report a source file became             → Source primary: get(sourceHash)
 */
import { reading, SERVICE } from './common.ts';

export const reportSchema = {
  model: { entity: 'report', version: '1', service: SERVICE },
  attributes: {
    agencyId: { type: 'string', required: true, readOnly: true },
    year: { type: 'number', required: true, readOnly: true },
    /** Not readOnly: writes that move updatedAt restate it, as the change index's sort key needs it. */
    reportId: { type: 'string', required: true },
    regionCode: { type: 'string', required: true },
    agencyName: { type: 'string' },
    form: {
      type: ['provincial', 'national-2014', 'gov-2019', 'gov-2021', 'none'] as const,
      required: true,
    },
    publishedAt: { type: 'string' },
    sourceUrl: { type: 'string' },
    currentVersion: { type: 'number', required: true },
    versionCount: { type: 'number', required: true },
    sourceHash: { type: 'string', required: true },
    valueCount: { type: 'number' },
    findingCount: { type: 'number' },
    /**
     * The headline metrics (MetricValue[]) of the current readings, kept with the report so that a
     * trend or a comparison reads reports, not every value of every year. Older items lack it.
     */
    metrics: { type: 'any' },
    /** Bumped by every write that changes what readers see; writers condition on it. */
    revision: { type: 'number', required: true },
    /** Versions whose partitions still hold items after a newer version became current. */
    cleanupVersions: { type: 'list', items: { type: 'number' } },
    /** The next year's cross-report findings still have to be recomputed against this report. */
    pendingNeighbour: { type: 'boolean' },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true },
    changeBucket: { type: 'string', required: true },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['agencyId'], casing: 'none' },
      sk: { field: 'sk', composite: ['year'], casing: 'none' },
    },
    byYear: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['year'], casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['regionCode', 'form', 'agencyId'], casing: 'none' },
    },
    changes: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['changeBucket'], casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['updatedAt', 'reportId'], casing: 'none' },
    },
  },
} as const;

export const reportVersionSchema = {
  model: { entity: 'version', version: '1', service: SERVICE },
  attributes: {
    reportId: { type: 'string', required: true, readOnly: true },
    version: { type: 'number', required: true, readOnly: true, padding: { length: 4, char: '0' } },
    sourceHash: { type: 'string', required: true },
    status: { type: ['staged', 'current', 'superseded'] as const, required: true },
    fileName: { type: 'string' },
    bytes: { type: 'number' },
    encoding: { type: 'string' },
    form: { type: 'string' },
    publishedAt: { type: 'string' },
    extractorVersion: { type: 'string' },
    /** Extracted readings that differ from the previous version: a silent edit shows here. */
    changes: {
      type: 'list',
      items: { type: 'map', properties: { code: { type: 'string' }, from: reading, to: reading } },
    },
    ingestedAt: { type: 'string', required: true },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['reportId'], casing: 'none' },
      sk: { field: 'sk', composite: ['version'], casing: 'none' },
    },
  },
} as const;

export const sourceSchema = {
  model: { entity: 'source', version: '1', service: SERVICE },
  attributes: {
    sourceHash: { type: 'string', required: true, readOnly: true },
    reportId: { type: 'string', required: true },
    version: { type: 'number', required: true },
    status: { type: ['staged', 'complete'] as const, required: true },
    /** Which ingest run staged these bytes: one run's own retries may reclaim them, no other's. */
    claim: { type: 'string' },
    fileName: { type: 'string' },
    createdAt: { type: 'string', required: true },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['sourceHash'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
  },
} as const;

/**
 * SourceText: the decoded input of a version, in chunks under DynamoDB's item limit, so a value's
 * span can be shown in its context. Pattern: the text of a version → primary: query(reportId, version).
 */
export const sourceTextSchema = {
  model: { entity: 'text', version: '1', service: SERVICE },
  attributes: {
    reportId: { type: 'string', required: true, readOnly: true },
    version: { type: 'number', required: true, readOnly: true },
    chunk: { type: 'number', required: true, readOnly: true, padding: { length: 4, char: '0' } },
    /** Offset of the chunk's first character in the decoded input. */
    start: { type: 'number', required: true },
    text: { type: 'string', required: true },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['reportId', 'version'], casing: 'none' },
      sk: { field: 'sk', composite: ['chunk'], casing: 'none' },
    },
  },
} as const;
