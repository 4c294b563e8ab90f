import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DbConfig } from './config.ts';

/** What a run of requests cost, for benchmarks and for proving an operation stays bounded. */
export interface RequestMeter {
  requests: number;
  byCommand: Record<string, number>;
  /** Capacity units DynamoDB reported (requests are sent with ReturnConsumedCapacity=TOTAL). */
  capacity: number;
  reset(): void;
}

export function createMeter(): RequestMeter {
  const meter: RequestMeter = {
    requests: 0,
    byCommand: {},
    capacity: 0,
    reset() {
      meter.requests = 0;
      meter.byCommand = {};
      meter.capacity = 0;
    },
  };
  return meter;
}

/** Data-plane commands; control-plane ones (CreateTable, ListTables) do not take ReturnConsumedCapacity. */
const METERED = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
  'TransactGetItemsCommand',
]);

type Capacity = { CapacityUnits?: number } | undefined;

export function createDynamoClient(config: DbConfig, meter?: RequestMeter): DynamoDBDocumentClient {
  const local = config.endpoint !== undefined;
  const base = new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    // DynamoDB Local accepts any credentials; on AWS the default provider chain applies.
    ...(local && !process.env.AWS_ACCESS_KEY_ID
      ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  if (meter) {
    base.middlewareStack.add(
      (next, context) => async (args) => {
        const name = String(context.commandName ?? 'unknown');
        if (METERED.has(name))
          (args.input as Record<string, unknown>).ReturnConsumedCapacity ??= 'TOTAL';
        meter.requests += 1;
        meter.byCommand[name] = (meter.byCommand[name] ?? 0) + 1;
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] })
          .ConsumedCapacity;
        for (const c of Array.isArray(consumed) ? consumed : [consumed])
          meter.capacity += c?.CapacityUnits ?? 0;
        return result;
      },
      { step: 'initialize', name: 'gongkaiRequestMeter' },
    );
  }
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
