/** Test-only whole-table reads (Scan is never used on a request path). */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../packages/core/src/db/store.ts';

export async function scanAll(store: Store): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.client.send(
      new ScanCommand({ TableName: store.config.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Item count per entity type. */
export async function countItems(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const item of await scanAll(store)) {
    const entity = String(item.__edb_e__);
    counts[entity] = (counts[entity] ?? 0) + 1;
  }
  return counts;
}
