/**
 * Batch writes and partition sweeps on the raw document client: ElectroDB builds the items and
 * keys, and this sends them 25 at a time, retrying what DynamoDB leaves unprocessed.
 */
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Store } from './store.ts';
import { KEY_FIELDS } from './table.ts';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

const BATCH = 25;
const CONCURRENCY = 4;
const MAX_RETRIES = 8;

export async function batchWrite(
  store: Store,
  requests: WriteRequest[],
  concurrency = CONCURRENCY,
): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH) chunks.push(requests.slice(i, i + BATCH));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++] as WriteRequest[];
      await writeChunk(store, chunk);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
}

async function writeChunk(store: Store, chunk: WriteRequest[]): Promise<void> {
  const table = store.config.tableName;
  let pending = chunk;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > MAX_RETRIES)
      throw new Error(`DynamoDB left ${pending.length} writes unprocessed after retries`);
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 25 * 2 ** attempt)));
    const out = await store.client.send(
      new BatchWriteCommand({ RequestItems: { [table]: pending } }),
    );
    pending = (out.UnprocessedItems?.[table] ?? []) as WriteRequest[];
  }
}

/** The write requests of ElectroDB batch params (`entity.put([...]).params()`), for one table. */
export function putRequests(params: unknown): WriteRequest[] {
  const batches = params as { RequestItems: Record<string, WriteRequest[]> }[];
  return batches.flatMap((batch) => Object.values(batch.RequestItems).flat());
}

/** Every key of a partition, read with a keys-only projection. */
export async function partitionKeys(
  store: Store,
  pk: string,
): Promise<{ pk: string; sk: string }[]> {
  const keys: { pk: string; sk: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.client.send(
      new QueryCommand({
        TableName: store.config.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': KEY_FIELDS.pk, '#sk': KEY_FIELDS.sk },
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: '#pk, #sk',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
    start = out.LastEvaluatedKey;
  } while (start);
  return keys;
}

/** Deletes every item of a partition; safe to repeat. Returns how many were deleted. */
export async function clearPartition(store: Store, pk: string): Promise<number> {
  const keys = await partitionKeys(store, pk);
  await batchWrite(
    store,
    keys.map((key) => ({ DeleteRequest: { Key: key } })),
  );
  return keys.length;
}
