/**
 * Finding: a broken identity or an oddity of a report version. Engine findings come from the
 * extractor; 'version' ones say how the source differs from the previous version; cross-report
 * ones (scope 'cross') are recomputed when the report or its neighbour
 * year is stored.
 *
 * Access patterns:
 * 6. findings of a report                          → primary: query(reportId, version)
 * 6. reports with a given finding                  → gsi1 byRule: pk rule, sk year desc, regionCode
 */
import { reading, SERVICE } from './common.ts';

export const reportFindingSchema = {
  model: { entity: 'finding', version: '1', service: SERVICE },
  attributes: {
    reportId: { type: 'string', required: true, readOnly: true },
    version: { type: 'number', required: true, readOnly: true },
    scope: { type: ['report', 'version', 'cross'] as const, required: true, readOnly: true },
    seq: { type: 'number', required: true, readOnly: true, padding: { length: 4, char: '0' } },
    rule: { type: 'string', required: true },
    severity: { type: ['error', 'warning', 'info'] as const, required: true },
    message: { type: 'string', required: true },
    codes: { type: 'list', items: { type: 'string' } },
    expected: reading,
    printed: reading,
    year: { type: 'number', required: true },
    regionCode: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['reportId', 'version'], casing: 'none' },
      sk: { field: 'sk', composite: ['scope', 'seq'], casing: 'none' },
    },
    byRule: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['rule'], casing: 'none' },
      sk: {
        field: 'gsi1sk',
        composite: ['year', 'regionCode', 'reportId', 'version'],
        casing: 'none',
      },
    },
  },
} as const;
