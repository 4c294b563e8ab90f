/**
 * RateCounter: how many writes one client made in one fixed window, shared by every API instance.
 * Items carry `expiresAt` (epoch seconds) so the table's TTL removes spent windows.
 *
 * Access patterns:
 * -  count a write of a client in a window           → primary: update(action, client, window)
 */
import { SERVICE } from './common.ts';

export const rateCounterSchema = {
  model: { entity: 'rateCounter', version: '1', service: SERVICE },
  attributes: {
    action: { type: 'string', required: true, readOnly: true },
    client: { type: 'string', required: true, readOnly: true },
    window: { type: 'string', required: true, readOnly: true },
    count: { type: 'number' },
    expiresAt: { type: 'number' },
  },
  indexes: {
    primary: {
      pk: { field: 'pk', composite: ['action', 'client'], casing: 'none' },
      sk: { field: 'sk', composite: ['window'], casing: 'none' },
    },
  },
} as const;
