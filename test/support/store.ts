/** A fresh table on the test run's DynamoDB Local, dropped when the test file ends. */
import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { createMeter, type RequestMeter } from '../../packages/core/src/db/client.ts';
import type { DbConfig } from '../../packages/core/src/db/config.ts';
import { dropTable, ensureTable } from '../../packages/core/src/db/setup-table.ts';
import { openStore, type Store } from '../../packages/core/src/db/store.ts';

export interface TestStore extends Store {
  meter: RequestMeter;
}

export function testDbConfig(): DbConfig {
  return { endpoint: inject('dynamoEndpoint'), region: 'local', tableName: `t-${randomUUID()}` };
}

export async function freshStore(config: DbConfig = testDbConfig()): Promise<TestStore> {
  const meter = createMeter();
  const store = openStore(config, meter);
  await ensureTable(store.client, config.tableName);
  afterAll(async () => {
    await dropTable(store.client, config.tableName);
    store.close();
  });
  meter.reset();
  return { ...store, meter };
}
