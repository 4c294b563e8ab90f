/** Enums shared by the schema: the storage spellings mapped to GraphQL's. */
import { METRICS, type MetricId } from '@gongkai/core';
import { builder } from '../builder.ts';

export const FormEnum = builder.enumType('Form', {
  description: 'Which official table format a report follows (spec/indicators.md).',
  values: {
    PROVINCIAL: { value: 'provincial', description: 'Provincial tables before 2014.' },
    NATIONAL_2014: { value: 'national-2014', description: 'The national table of 2014–2018.' },
    GOV_2019: { value: 'gov-2019', description: 'The 2019 regulation tables (reports 2019–2020).' },
    GOV_2021: { value: 'gov-2021', description: 'The 2021 tables (reports from 2021).' },
    NONE: { value: 'none', description: 'No statistical table; figures come from the prose.' },
  } as const,
});

export const AgencyLevelEnum = builder.enumType('AgencyLevel', {
  values: {
    PROVINCE: { value: 'province' },
    CITY: { value: 'city' },
    COUNTY: { value: 'county' },
    TOWNSHIP: { value: 'township' },
    DEPARTMENT: { value: 'department' },
  } as const,
});

export const MetricIdEnum = builder.enumType('MetricId', {
  description: 'Headline metrics: the figures comparable across forms.',
  values: Object.fromEntries(
    METRICS.map((m) => [constantCase(m.id), { value: m.id, description: m.label }]),
  ) as Record<string, { value: MetricId; description: string }>,
});

export const SeverityEnum = builder.enumType('Severity', {
  values: {
    ERROR: { value: 'error' },
    WARNING: { value: 'warning' },
    INFO: { value: 'info' },
  } as const,
});

export const ValueSourceEnum = builder.enumType('ValueSource', {
  description: 'Where a figure was read: a table cell, a sentence, or computed from others.',
  values: {
    TABLE: { value: 'table' },
    PROSE: { value: 'prose' },
    DERIVED: { value: 'derived' },
  } as const,
});

export const CorrectionStatusEnum = builder.enumType('CorrectionStatus', {
  values: {
    PENDING: { value: 'pending' },
    ACCEPTED: { value: 'accepted' },
    REJECTED: { value: 'rejected' },
  } as const,
});

export const ReviewDecisionEnum = builder.enumType('ReviewDecision', {
  values: { ACCEPT: { value: 'accept' }, REJECT: { value: 'reject' } } as const,
});

function constantCase(id: string): string {
  return id.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
