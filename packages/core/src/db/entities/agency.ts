/**
 * Agency: a government body that publishes reports.
 *
 * Access patterns (DESIGN.md, Data model):
 * 1. agency by id                                  → primary: get(agencyId)
 * 1. agencies of a region (province → city → county), by level
 *                                                  → gsi1 byRegion: pk province, sk begins_with
 *                                                    regionCode prefix [, level] (GB/T 2260 codes nest)
 * 2. name / pinyin search                          → the in-memory snapshot (domain/agency-search),
 *                                                    loaded through byRegion, one query per province
 * 8. changes since a timestamp                     → gsi2 changes: pk month bucket, sk updatedAt
 */
import { SERVICE } from './common.ts';

export const agencySchema = {
  model: { entity: 'agency', version: '1', service: SERVICE },
  attributes: {
    agencyId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    normalizedName: { type: 'string', required: true },
    aliases: { type: 'list', items: { type: 'string' } },
    /** Six digits; '000000' when the place could not be told. */
    regionCode: { type: 'string', required: true },
    /** First two digits of regionCode: the partition of the region index. */
    province: { type: 'string', required: true },
    regionPath: { type: 'list', items: { type: 'string' } },
    level: {
      type: ['province', 'city', 'county', 'township', 'department'] as const,
      required: true,
    },
    pinyin: { type: 'string' },
    initials: { type: 'string' },
    reportCount: { type: 'number' },
    latestYear: { type: 'number' },
    createdAt: { type: 'string', required: true, readOnly: true },
    updatedAt: { type: 'string', required: true },
    changeBucket: { type: 'string', required: true },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['agencyId'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
    byRegion: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['province'], casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['regionCode', 'level', 'normalizedName'], casing: 'none' },
    },
    changes: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['changeBucket'], casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['updatedAt', 'agencyId'], casing: 'none' },
    },
  },
} as const;

/**
 * AgencyAlias: another printed name of an agency, so a report naming it differently lands on the
 * same agency. Pattern: alias by (region, normalised name) → primary get.
 */
export const agencyAliasSchema = {
  model: { entity: 'alias', version: '1', service: SERVICE },
  attributes: {
    regionCode: { type: 'string', required: true, readOnly: true },
    normalizedName: { type: 'string', required: true, readOnly: true },
    agencyId: { type: 'string', required: true },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['regionCode', 'normalizedName'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
  },
} as const;
