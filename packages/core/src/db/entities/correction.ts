/**
 * Correction: a proposed reading for one value, moderated pending → accepted | rejected.
 *
 * Access patterns:
 * -  correction by id                              → primary: get(correctionId)
 * 7. corrections of a report                       → gsi1 byReport: pk reportId, sk createdAt
 * 7. the moderation queue, oldest first            → gsi2 byStatus: pk status, sk createdAt asc
 * 7. corrections by submitter                      → gsi3 bySubmitter: pk submitter, sk createdAt
 */
import { reading, SERVICE } from './common.ts';

export const correctionSchema = {
  model: { entity: 'correction', version: '1', service: SERVICE },
  attributes: {
    correctionId: { type: 'string', required: true, readOnly: true },
    reportId: { type: 'string', required: true, readOnly: true },
    version: { type: 'number', required: true, readOnly: true },
    code: { type: 'string', required: true, readOnly: true },
    proposed: reading,
    /** The current reading the proposal replaces; accepting requires it to be unchanged. */
    basis: reading,
    evidence: { type: 'string', required: true },
    contact: { type: 'string' },
    submitter: { type: 'string', required: true, readOnly: true },
    status: { type: ['pending', 'accepted', 'rejected'] as const, required: true },
    reviewer: { type: 'string' },
    reason: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true },
    reviewedAt: { type: 'string' },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['correctionId'], casing: 'none' },
      sk: { field: 'sk', composite: [], casing: 'none' },
    },
    byReport: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['reportId'], casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['createdAt', 'correctionId'], casing: 'none' },
    },
    byStatus: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['status'], casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['createdAt', 'correctionId'], casing: 'none' },
    },
    bySubmitter: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['submitter'], casing: 'none' },
      sk: { field: 'gsi3sk', composite: ['createdAt', 'correctionId'], casing: 'none' },
    },
  },
} as const;
