/**
 * The one DynamoDB table. Its keys and indexes come from the data layer's own definition, so
 * the deployed table and the local one (DynamoDB Local, tests) cannot drift apart.
 */
// Imported by path: the core package's index would pull the AWS SDK into the SST config.
import { GLOBAL_INDEXES, KEY_FIELDS, TTL_FIELD } from '../packages/core/src/db/table.ts';

export function storage(production: boolean) {
  const keyFields = [KEY_FIELDS.pk, KEY_FIELDS.sk, ...GLOBAL_INDEXES.flatMap((g) => [g.pk, g.sk])];
  const table = new sst.aws.Dynamo('Table', {
    fields: Object.fromEntries(keyFields.map((field) => [field, 'string' as const])),
    primaryIndex: { hashKey: KEY_FIELDS.pk, rangeKey: KEY_FIELDS.sk },
    globalIndexes: Object.fromEntries(
      GLOBAL_INDEXES.map((g) => [g.name, { hashKey: g.pk, rangeKey: g.sk, projection: 'all' }]),
    ),
    // Spent rate-limit windows expire by themselves.
    ttl: TTL_FIELD,
    deletionProtection: production,
    transform: {
      // SST turns point-in-time recovery on for every table; it costs per GB, so only
      // production keeps the 35 days of restorable history. Billing is on-demand (SST's only mode).
      table: { pointInTimeRecovery: { enabled: production } },
    },
  });
  return { table };
}
