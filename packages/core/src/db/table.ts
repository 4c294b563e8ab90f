/**
 * The one DynamoDB table Gongkai uses, as data: the data layer creates it locally from this, the
 * deploy config declares the same keys, and tests check that every index an entity queries is here.
 */

export const KEY_FIELDS = { pk: 'pk', sk: 'sk' } as const;

/** Overloaded global secondary indexes: each entity gives them its own meaning (see entities/). */
export const GLOBAL_INDEXES = [
  { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
] as const;

/** Epoch seconds after which DynamoDB may delete an item (spent rate-limit windows). */
export const TTL_FIELD = 'expiresAt';

export type GlobalIndexName = (typeof GLOBAL_INDEXES)[number]['name'];

/** The CreateTable input for `tableName` (on-demand billing, every index projecting all attributes). */
export function tableDefinition(tableName: string) {
  const fields = [KEY_FIELDS.pk, KEY_FIELDS.sk, ...GLOBAL_INDEXES.flatMap((g) => [g.pk, g.sk])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: fields.map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: KEY_FIELDS.pk, KeyType: 'HASH' as const },
      { AttributeName: KEY_FIELDS.sk, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: GLOBAL_INDEXES.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.pk, KeyType: 'HASH' as const },
        { AttributeName: g.sk, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
